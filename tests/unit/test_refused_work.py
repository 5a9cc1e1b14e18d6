# ruff: noqa: E501  (exact messages, one per line)
"""Settings that make a server refuse all work: a request limit below the smallest request (E066),
client certificates required with no CA to verify them (E067).  Each edge is served for real by
tests/integration/test_red_team_backends.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from django_prodserver.validation import validate_process
from tests.catalogue import write_self_signed

GUNICORN = "django_prodserver.backends.gunicorn.GunicornServer"
UVICORN = "django_prodserver.backends.uvicorn.UvicornServer"
WAITRESS = "django_prodserver.backends.waitress.WaitressServer"
GRANIAN = "django_prodserver.backends.granian.GranianASGIServer"
ARGS = "PRODUCTION_PROCESSES['web']['ARGS']"


def found(backend: str, args: dict[str, Any], check_id: str) -> list[tuple[str, str | None]]:
    report = validate_process("web", {"BACKEND": backend, "ARGS": args})
    return [(p.message, p.hint) for p in report.problems if p.id == check_id]


@pytest.mark.parametrize(
    ("backend", "args", "expected"),
    [
        (
            GUNICORN,
            {"limit-request-line": 13},
            (
                f"{ARGS}['limit-request-line'] is 13: the server would refuse every request (the shortest request line, 'GET / HTTP/1.1', is 14 bytes).",
                "Use at least 14, or 0 for no limit.",
            ),
        ),
        (
            GUNICORN,
            {"limit-request-fields": 1},
            (
                f"{ARGS}['limit-request-fields'] is 1: the server would refuse every request (the barest HTTP client, Python's http.client, sends 2 header fields, Host and Accept-Encoding; curl 3, browsers 10 or more).",
                "Use at least 2, or 0 for no limit.",
            ),
        ),
        (
            GUNICORN,
            {"limit-request-field_size": 24},
            (
                f"{ARGS}['limit-request-field_size'] is 24: the server would refuse every request (every common client sends a field of 25 bytes or more: curl 7.88's 'User-Agent: curl/7.88.1' with its CRLF; Python's http.client's Accept-Encoding is 27, a browser's User-Agent over 100).",
                "Use at least 25, or 0 for no limit.",
            ),
        ),
        (
            GRANIAN,
            {"http2-max-headers-size": 166},
            (
                f"{ARGS}['http2-max-headers-size'] is 166: the server would refuse every request (the smallest HTTP/2 request, GET / of host 'a', is 166 bytes as HTTP/2 counts its four pseudo-header fields (32 each besides name and value), and Granian refuses a header list that reaches the limit).",
                "Use at least 167.",
            ),
        ),
        (
            WAITRESS,
            {"max-request-header-size": 18},
            (
                f"{ARGS}['max-request-header-size'] is 18: the server would refuse every request (waitress refuses a header block that reaches the limit; the smallest is 18 bytes).",
                "Use at least 19.",
            ),
        ),
    ],
)
def test_a_limit_below_the_smallest_request_is_e066(
    backend: str, args: dict[str, Any], expected: tuple[str, str]
) -> None:
    assert found(backend, args, "prodserver.E066") == [expected]


@pytest.mark.parametrize(
    ("backend", "args"),
    [
        (GUNICORN, {"limit-request-line": 14}),
        (GUNICORN, {"limit-request-line": 0}),
        (GUNICORN, {"limit-request-fields": 2}),
        (GUNICORN, {"limit-request-fields": 0}),
        (GUNICORN, {"limit-request-field_size": 25}),
        (GUNICORN, {"limit-request-field_size": 0}),
        (WAITRESS, {"max-request-header-size": 19}),
        (GRANIAN, {"http2-max-headers-size": 167}),
        (WAITRESS, {"connection-limit": 3}),
        (WAITRESS, {"connection-limit": 5, "listen": ["127.0.0.1:8000", "127.0.0.1:8001"]}),
        (WAITRESS, {"connection-limit": 3, "unix-socket": "web.sock", "listen": ["127.0.0.1:8000"]}),
        (UVICORN, {"limit-concurrency": 2}),
    ],
)
def test_the_smallest_limit_that_serves_passes(backend: str, args: dict[str, Any]) -> None:
    assert found(backend, args, "prodserver.E066") == []


@pytest.mark.parametrize(
    ("backend", "names"),
    [
        (GUNICORN, {"cert": "ssl-cert", "key": "ssl-key", "reqs": "cert-reqs", "ca": "ca-certs"}),
        (UVICORN, {"cert": "ssl-cert", "key": "ssl-key", "reqs": "ssl-cert-reqs", "ca": "ssl-ca-certs"}),
    ],
)
def test_client_certificates_required_without_a_ca_is_e067(backend: str, names: dict[str, str], tmp_path: Path) -> None:
    cert, key = write_self_signed(tmp_path, "server", ec.generate_private_key(ec.SECP256R1()))
    tls = {names["cert"]: str(cert), names["key"]: str(key)}
    reqs, ca = names["reqs"], names["ca"]

    assert found(backend, {**tls, reqs: 2}, "prodserver.E067") == [
        (
            f"{ARGS}['{reqs}'] is 2 (client certificates required) without {ca}: no client certificate can be verified, so every TLS handshake fails.",
            f"Set {ca} to the CA file that signs your clients' certificates, or set {reqs} to 0.",
        )
    ]
    assert found(backend, {**tls, reqs: 2, ca: str(cert)}, "prodserver.E067") == []
    assert found(backend, {**tls, reqs: 1}, "prodserver.E067") == []


WAITRESS_CHANNELS = "waitress counts its listening socket and its trigger as open channels, and accepts a connection only while fewer than the limit are open: one listener takes 2"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({"connection-limit": 2}, f"is 2: the server would refuse every request ({WAITRESS_CHANNELS})."),
        (
            {"connection-limit": 4, "listen": ["127.0.0.1:8000", "[::1]:8000"]},
            f"is 4: the server would refuse every request ({WAITRESS_CHANNELS}, so its 2 listen entries take at least 4).",
        ),
    ],
)
def test_a_waitress_connection_limit_its_listeners_reach_is_e066(args: dict[str, Any], expected: str) -> None:
    # Measured with waitress 3.0: one listener serves from 3, two listeners from 5.
    least = args["connection-limit"] + 1
    assert found(WAITRESS, args, "prodserver.E066") == [
        (f"{ARGS}['connection-limit'] {expected}", f"Use at least {least}.")
    ]


def test_uvicorn_limit_concurrency_starts_at_2() -> None:
    # uvicorn counts each request's own connection: 1 answers every request with 503.
    assert found(UVICORN, {"limit-concurrency": 1}, "prodserver.E023") == [
        (f"{ARGS}['limit-concurrency'] is 1; expected at least 2.", "Use a value of at least 2.")
    ]
