"""Host names as addresses: refused only by the servers that cannot bind one (Granian parses an IP).

gunicorn and uvicorn resolve a name when they bind (``socket.bind``, asyncio's ``create_server``), so a
django-prodserver 3.0 setting with ``localhost`` keeps working; ``tests/integration/test_proxy_servers.py``
serves through it for real.
"""

from __future__ import annotations

from typing import Any

import pytest

from django_prodserver.validation import validate_process

ARGS = "PRODUCTION_PROCESSES['web']['ARGS']"
NAMES = ["localhost", "web.internal", "my_host.example.com."]


def problems(backend: str, args: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    report = validate_process("web", {"BACKEND": backend, "ARGS": args})
    return [(p.id, p.message, p.hint) for p in report.problems if p.id.startswith("prodserver.E")]


@pytest.mark.parametrize(
    ("backend", "key"),
    [
        ("django_prodserver.backends.gunicorn.GunicornServer", "address"),
        ("django_prodserver.backends.uvicorn.UvicornServer", "address"),
        ("django_prodserver.backends.uvicorn.UvicornServer", "host"),
        ("django_prodserver.backends.uvicorn.UvicornWSGIServer", "address"),
        ("django_prodserver.backends.waitress.WaitressServer", "host"),
    ],
)
@pytest.mark.parametrize("name", NAMES)
def test_servers_that_resolve_names_take_them(backend: str, key: str, name: str) -> None:
    assert problems(backend, {key: name}) == []


@pytest.mark.parametrize("value", ["local host", "10.0.0.300", "-web", "a" * 64, "web/1"])
def test_what_is_neither_an_address_nor_a_name_is_refused(value: str) -> None:
    [found] = problems("django_prodserver.backends.uvicorn.UvicornServer", {"address": value})
    assert found[0] == "prodserver.E022"
    assert found[1].endswith("; expected an IP address or a host name.")
    assert found[2] == "Use '0.0.0.0' for every interface, '127.0.0.1' or 'localhost' for this machine only."


def test_flower_binds_names_too() -> None:
    # tornado's bind_sockets resolves the address with getaddrinfo.
    flower = {"BACKEND": "django_prodserver.backends.celery.CeleryFlower", "APP": "mysite.celery.app"}
    for address, expected in [("localhost", []), ("local host", ["prodserver.E022"])]:
        report = validate_process("flower", {**flower, "ARGS": {"address": address}})
        assert [p.id for p in report.problems if p.path[-1:] == ("address",)] == expected


def test_the_message_is_exact() -> None:
    assert problems("django_prodserver.backends.gunicorn.GunicornServer", {"address": "local host"}) == [
        (
            "prodserver.E022",
            f"{ARGS}['address'] is 'local host'; expected an IP address or a host name.",
            "Use '0.0.0.0' for every interface, '127.0.0.1' or 'localhost' for this machine only.",
        )
    ]


def test_granian_cannot_bind_a_name() -> None:
    from granian.net import SocketSpec  # type: ignore[attr-defined]  # re-exported from granian._granian

    with pytest.raises(ValueError, match="invalid IP address syntax"):
        SocketSpec("localhost", 0, 128).build()
    [(check_id, message, hint)] = problems(
        "django_prodserver.backends.granian.GranianASGIServer", {"host": "localhost"}
    )
    assert (check_id, message) == (
        "prodserver.E026",
        f"{ARGS}['host'] is 'localhost', not an IP address; this server binds IP addresses only.",
    )
    assert hint == "Use '127.0.0.1' (or '::1') instead of 'localhost'."
