"""Behind a proxy, for real: each proxy warning's combination misbehaves through the real server and Django,
and its twin does not (example/demo's /whoami/ echoes is_secure(), REMOTE_ADDR and get_host()).

The test client is the only client here, on 127.0.0.1 (tests bind nothing else): it plays the client
that goes around the proxy, which on a server listening on a public address could be anyone.  A trust
list that names another proxy (10.0.0.1) is one the test client does not match.
"""

from __future__ import annotations

import json
import socket
from typing import Any

import httpx
import pytest

from .gunicorn_servers import GUNICORN, QUIET
from .servers import ASGI, Launcher, ProdServer
from .uvicorn_servers import UVICORN

pytestmark = pytest.mark.integration

WAITRESS = "django_prodserver.backends.waitress.WaitressServer"
SPOOF = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7", "X-Forwarded-Host": "other.example"}
PROXY_SETTINGS = """
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = True
ALLOWED_HOSTS = ["127.0.0.1", "other.example"]
"""
WAITRESS_HEADERS = {"trusted-proxy-headers": "x-forwarded-for x-forwarded-proto"}


def whoami(server: ProdServer, headers: dict[str, str] | None = None) -> dict[str, Any]:
    response = httpx.get(server.url("/whoami/"), headers=SPOOF if headers is None else headers, timeout=10)
    assert response.status_code == 200, response.text
    facts: dict[str, Any] = response.json()
    return facts


def start(launcher: Launcher, backend: str, args: dict[str, Any], extra_settings: str = "") -> ProdServer:
    own = QUIET if backend == GUNICORN else {}
    return launcher.start(backend, {**own, **args}, extra_settings=extra_settings)


# W201: the server trusts every peer ('*'): the client's headers set the scheme (and the address).
@pytest.mark.parametrize(
    ("backend", "trust", "spoofed_address"),
    [
        (UVICORN, {"forwarded-allow-ips": "*"}, True),
        (GUNICORN, {"forwarded-allow-ips": "*"}, False),
        (WAITRESS, {"trusted-proxy": "*", **WAITRESS_HEADERS}, True),
    ],
    ids=["uvicorn", "gunicorn", "waitress"],
)
def test_a_server_that_trusts_every_client_believes_its_forwarded_headers(
    launcher: Launcher, backend: str, trust: dict[str, Any], spoofed_address: bool
) -> None:
    facts = whoami(start(launcher, backend, trust))
    assert facts["is_secure"] is True
    assert facts["remote_addr"] == ("203.0.113.7" if spoofed_address else "127.0.0.1")


# (waitress' twin is test_waitress_removes_the_headers_of_a_client_it_does_not_trust's 'another-proxy'.)
@pytest.mark.parametrize("backend", [UVICORN, GUNICORN], ids=["uvicorn", "gunicorn"])
def test_a_server_that_trusts_only_the_proxy_ignores_another_client(launcher: Launcher, backend: str) -> None:
    # On 'localhost' too: gunicorn and uvicorn bind a host name (django-prodserver 3.0's settings keep working).
    server = start(launcher, backend, {"address": "localhost", "forwarded-allow-ips": "10.0.0.1"})
    facts = whoami(server)
    assert (facts["is_secure"], facts["remote_addr"]) == (False, "127.0.0.1")


# W202 and W203: Django reads the header itself; the server passes it on from a client it does not trust.
@pytest.mark.parametrize(
    ("backend", "trust"),
    [
        (UVICORN, {"forwarded-allow-ips": "10.0.0.1"}),
        (GUNICORN, {"forwarded-allow-ips": "10.0.0.1"}),
        (ASGI, {}),
    ],
    ids=["uvicorn", "gunicorn", "granian"],
)
def test_django_believes_the_headers_a_server_passes_on_from_any_client(
    launcher: Launcher, backend: str, trust: dict[str, Any]
) -> None:
    facts = whoami(start(launcher, backend, trust, PROXY_SETTINGS))
    assert (facts["is_secure"], facts["host"]) == (True, "other.example")


# With no trusted proxy waitress removes them from the proxy too (W204): the test client on 127.0.0.1
# is the proxy there, and Django never sees its https.
@pytest.mark.parametrize(
    "trust", [{}, {"trusted-proxy": "10.0.0.1", **WAITRESS_HEADERS}], ids=["no-trusted-proxy", "another-proxy"]
)
def test_waitress_removes_the_headers_of_a_client_it_does_not_trust(launcher: Launcher, trust: dict[str, Any]) -> None:
    facts = whoami(start(launcher, WAITRESS, trust, PROXY_SETTINGS))
    assert (facts["is_secure"], facts["remote_addr"]) == (False, "127.0.0.1")
    assert facts["host"].startswith("127.0.0.1:")


def test_waitress_passes_the_trusted_proxys_header_on_to_django(launcher: Launcher) -> None:
    # W204's twin: the proxy (the test client, 127.0.0.1) trusted, Django's SECURE_PROXY_SSL_HEADER sees https.
    server = start(launcher, WAITRESS, {"trusted-proxy": "127.0.0.1", **WAITRESS_HEADERS}, PROXY_SETTINGS)
    assert whoami(server)["is_secure"] is True


# W200: a trust-list value the server never matches trusts nobody, not even the proxy.
@pytest.mark.parametrize(
    ("backend", "never", "matches"),
    [
        (UVICORN, {"forwarded-allow-ips": "127.0.0.1/8"}, {"forwarded-allow-ips": "127.0.0.0/8"}),
        (WAITRESS, {"trusted-proxy": "127.0.0.0/8"}, {"trusted-proxy": "127.0.0.1"}),
    ],
    ids=["uvicorn", "waitress"],
)
def test_a_trust_list_value_the_server_never_matches_trusts_not_even_the_proxy(
    launcher: Launcher, backend: str, never: dict[str, Any], matches: dict[str, Any]
) -> None:
    headers = WAITRESS_HEADERS if backend == WAITRESS else {}
    # The test client is the proxy here: it sits on 127.0.0.1.
    assert whoami(start(launcher, backend, {**never, **headers}))["is_secure"] is False
    assert whoami(start(launcher, backend, {**matches, **headers}))["is_secure"] is True


def proxy_protocol_whoami(server: ProdServer, claimed: str) -> tuple[int, dict[str, Any] | None]:
    """A request that opens with a PROXY protocol v1 line claiming the client address ``claimed``."""
    request = (
        f"PROXY TCP4 {claimed} 127.0.0.1 40000 {server.port}\r\n"
        "GET /whoami/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(request)
        reply = b""
        while chunk := connection.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    status = int(head.split()[1])
    return status, json.loads(body) if status == 200 else None


# W201 for gunicorn's PROXY protocol: with proxy-allow-from '*' any client states its own address.
@pytest.mark.parametrize(("allow", "expected"), [("*", (200, "203.0.113.7")), ("10.0.0.1", (403, None))])
def test_gunicorn_believes_the_proxy_protocol_of_the_clients_it_allows(
    launcher: Launcher, allow: str, expected: tuple[int, str | None]
) -> None:
    server = start(launcher, GUNICORN, {"proxy-protocol": "v1", "proxy-allow-from": allow})
    status, facts = proxy_protocol_whoami(server, "203.0.113.7")
    assert (status, facts and facts["remote_addr"]) == expected
