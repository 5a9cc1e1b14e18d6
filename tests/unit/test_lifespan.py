"""The lifespan protocol required of Django's own ASGI handler, which refuses it (E070).

Measured with the example project: uvicorn with lifespan 'on' prints Django's "Django can only handle
ASGI/HTTP connections, not lifespan." traceback and exits 3; gunicorn's ASGI worker with asgi-lifespan
'on' fails to boot and gunicorn exits.  'auto' goes on without lifespan.  The application is read from
its module's source, never imported: a wrapper that speaks lifespan itself is not judged.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from django_prodserver.rules.application import django_handler
from django_prodserver.validation import validate_process

UVICORN: tuple[str, str, dict[str, Any]] = ("django_prodserver.backends.uvicorn.UvicornServer", "lifespan", {})
GUNICORN = ("django_prodserver.backends.gunicorn.GunicornServer", "asgi-lifespan", {"worker-class": "asgi"})
OUTCOMES = {
    "lifespan": "uvicorn's startup fails with a traceback, and it exits (status 3)",
    "asgi-lifespan": "each worker fails to boot, and gunicorn exits",
}
HINT = (
    "Use 'auto' (the server goes on without lifespan) or 'off'; keep 'on' only for an application that handles "
    "lifespan around Django's, and point ASGI_APPLICATION at it."
)
SOURCES = {
    "plain": ("from django.core.asgi import get_asgi_application\napplication = get_asgi_application()\n"),
    "dotted": "import django.core.asgi\napplication: object = django.core.asgi.get_asgi_application()\n",
    "handler": "from django.core.handlers.asgi import ASGIHandler\napplication = ASGIHandler()\n",
    "forwarding": (
        "from django.core.asgi import get_asgi_application\ndjango_app = get_asgi_application()\n"
        "async def application(scope, receive, send):\n    await django_app(scope, receive, send)\n"
    ),
    "speaking": (
        "from django.core.asgi import get_asgi_application\ndjango_app = get_asgi_application()\n"
        "async def application(scope, receive, send):\n"
        "    if scope['type'] == 'lifespan':\n        return await lifespan(receive, send)\n"
        "    await django_app(scope, receive, send)\n"
    ),
    "wrapped": (
        "from django.core.asgi import get_asgi_application\napplication = get_asgi_application()\n"
        "application = LifespanMiddleware(application)\n"
    ),
    "redefined": (
        "from django.core.asgi import get_asgi_application\napplication = get_asgi_application()\n"
        "async def application(scope, receive, send):\n    pass\n"
    ),
}


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name, source in SOURCES.items():
        (tmp_path / f"lifespan_{name}.py").write_text(source)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    for name in SOURCES:
        sys.modules.pop(f"lifespan_{name}", None)


@pytest.mark.usefixtures("modules")
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("plain", "get_asgi_application()"),
        ("dotted", "get_asgi_application()"),
        ("handler", "ASGIHandler()"),
        ("forwarding", "django_app = get_asgi_application(), which application() calls"),
        ("speaking", None),
        ("wrapped", None),
        ("redefined", None),
    ],
)
def test_how_the_application_is_named_says_whether_it_is_djangos(name: str, expected: str | None) -> None:
    assert django_handler(f"lifespan_{name}:application") == expected
    # Read, not imported: the project's module would set up Django.
    assert f"lifespan_{name}" not in sys.modules


def test_a_module_that_cannot_be_read_is_not_judged() -> None:
    assert django_handler("no_such_module_here:application") is None


def e070(backend: str, key: str, others: dict[str, Any], value: str) -> list[tuple[str, str | None]]:
    report = validate_process("web", {"BACKEND": backend, "ARGS": {**others, key: value}})
    return [(p.message, p.hint) for p in report.problems if p.id == "prodserver.E070"]


@pytest.mark.usefixtures("modules")
@pytest.mark.parametrize(("backend", "key", "others"), [UVICORN, GUNICORN])
def test_lifespan_on_with_djangos_handler_is_refused(backend: str, key: str, others: dict[str, Any]) -> None:
    with override_settings(ASGI_APPLICATION="lifespan_plain.application"):
        refused, auto = e070(backend, key, others, "on"), e070(backend, key, others, "auto")
    with override_settings(ASGI_APPLICATION="lifespan_speaking.application"):
        speaking = e070(backend, key, others, "on")

    assert refused == [
        (
            f"PRODUCTION_PROCESSES['web']['ARGS']['{key}'] is 'on', but 'lifespan_plain:application' hands the "
            f"lifespan scope to Django's own ASGI handler (get_asgi_application()), which refuses it: "
            f"{OUTCOMES[key]}.",
            HINT,
        )
    ]
    assert (auto, speaking) == ([], [])


def test_gunicorn_judges_lifespan_only_for_an_asgi_worker() -> None:
    # The example project's application forwards every scope but websockets to Django's handler.
    backend, key, _ = GUNICORN
    with override_settings(ASGI_APPLICATION="demo.asgi.application"):
        assert e070(backend, key, {}, "on") == []
        assert len(e070(backend, key, {"worker-class": "asgi"}, "on")) == 1
