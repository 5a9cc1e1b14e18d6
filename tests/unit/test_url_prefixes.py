"""A URL path prefix outside ASCII fails every request on the servers that cannot carry it (E032).

Measured with the example project: uvicorn (ASGI and WSGI) answers 400 to every request with root-path
'é' (its protocols encode root_path as ASCII into raw_path); waitress and Granian's WSGI pass the prefix
as SCRIPT_NAME as written, which Django reads as Latin-1 bytes of UTF-8 and cannot decode (500).
Granian's ASGI and gunicorn's ASGI root-path serve it.
"""

from __future__ import annotations

from typing import Any

import pytest

from django_prodserver.validation import validate_process

ARGS = "PRODUCTION_PROCESSES['web']['ARGS']"
HINT = "Use an ASCII path such as '/app' (Django's URLs under it may still hold any character)."
UVICORN = "uvicorn encodes it as ASCII into every request's raw_path, and answers each with 400"
WSGI = (
    "{} passes it as SCRIPT_NAME as written, not as PEP 3333's Latin-1 decoded bytes, so Django cannot decode it "
    "and answers every request with 500"
)
REFUSING = [
    ("uvicorn.UvicornServer", "root-path", UVICORN),
    ("uvicorn.UvicornWSGIServer", "root-path", UVICORN),
    ("waitress.WaitressServer", "url-prefix", WSGI.format("waitress")),
    ("granian.GranianWSGIServer", "url-path-prefix", WSGI.format("Granian")),
]
SERVING = [("granian.GranianASGIServer", "url-path-prefix"), ("gunicorn.GunicornServer", "root-path")]


def e032(backend: str, args: dict[str, Any]) -> list[tuple[str, str | None]]:
    report = validate_process("web", {"BACKEND": f"django_prodserver.backends.{backend}", "ARGS": args})
    return [(p.message, p.hint) for p in report.problems if p.id == "prodserver.E032"]


@pytest.mark.parametrize(("backend", "key", "outcome"), REFUSING)
@pytest.mark.parametrize("prefix", ["/caf\u00e9", "/\u20ac", "/\x80"])
def test_a_prefix_outside_ascii_is_refused(backend: str, key: str, outcome: str, prefix: str) -> None:
    assert e032(backend, {key: prefix}) == [(f"{ARGS}['{key}'] is {prefix!r}, which is not ASCII: {outcome}.", HINT)]


@pytest.mark.parametrize(("backend", "key", "outcome"), REFUSING)
def test_an_ascii_prefix_passes(backend: str, key: str, outcome: str) -> None:
    assert e032(backend, {key: "/cafe~1"}) == []


@pytest.mark.parametrize(("backend", "key"), SERVING)
def test_servers_that_carry_any_prefix_accept_it(backend: str, key: str) -> None:
    assert e032(backend, {key: "/caf\u00e9"}) == []


def test_gunicorns_script_name_variable_outside_ascii_is_refused() -> None:
    # Measured: gunicorn logs "Request path '/%C3%A9/' does not start with SCRIPT_NAME '/é'" and answers 500.
    outcome = (
        "gunicorn compares SCRIPT_NAME with each request's percent-encoded path, which never starts with it, "
        "and answers every request with 500"
    )
    env = ["LANG=C.UTF-8", "SCRIPT_NAME=/caf\u00e9"]

    assert e032("gunicorn.GunicornServer", {"env": env}) == [
        (f"{ARGS}['env'][1] is 'SCRIPT_NAME=/café', which is not ASCII: {outcome}.", HINT)
    ]
    assert e032("gunicorn.GunicornServer", {"env": ["SCRIPT_NAME=/cafe", "GREETING=caf\u00e9"]}) == []
