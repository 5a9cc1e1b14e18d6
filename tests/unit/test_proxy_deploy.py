"""``check --deploy`` behind a proxy (W201-W203): exact messages, and the combinations that get none.

Each warning's combination is shown misbehaving with a real request in
``tests/integration/test_proxy_servers.py``; the twins here are the ones shown working there.
"""

from __future__ import annotations

from typing import Any

import pytest
from pytest_django.fixtures import Settings

from django_prodserver.backends.listening import Listener
from django_prodserver.backends.waitress.options import CLEARED
from django_prodserver.rules.proxy_deploy import reachable_host
from django_prodserver.validation import validate_process

UVICORN = "django_prodserver.backends.uvicorn.UvicornServer"
GUNICORN = "django_prodserver.backends.gunicorn.GunicornServer"
WAITRESS = "django_prodserver.backends.waitress.WaitressServer"
GRANIAN = "django_prodserver.backends.granian.GranianASGIServer"
ARGS = "PRODUCTION_PROCESSES['web']['ARGS']"
REACH = "listen on 127.0.0.1 or a Unix socket, or let a firewall admit only the proxy"


def advice(backend: str, args: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    report = validate_process("web", {"BACKEND": backend, "ARGS": args})
    return [(p.id, p.message, p.hint) for p in report.problems if p.id in {f"prodserver.W20{n}" for n in (1, 2, 3)}]


@pytest.fixture
def django_believes_proxies(settings: Settings) -> None:
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.USE_X_FORWARDED_HOST = True


def test_w201_a_server_that_trusts_every_client_on_a_public_address() -> None:
    assert advice(UVICORN, {"address": "0.0.0.0", "forwarded-allow-ips": "*"}) == [
        (
            "prodserver.W201",
            f"{ARGS}['forwarded-allow-ips'] trusts every client with its X-Forwarded-* headers ('*') while uvicorn "
            "listens on 0.0.0.0:8000: a client that goes around the proxy passes for it, and Django sees the https "
            "(or the client address) its headers claim.",
            f"List only the proxy's addresses, or {REACH}.",
        )
    ]


def test_w201_gunicorn_believes_the_proxy_protocol_of_every_client() -> None:
    args = {"address": "0.0.0.0", "proxy-protocol": "v1", "proxy-allow-from": "*"}
    [(check_id, message, _)] = advice(GUNICORN, args)
    assert (check_id, message) == (
        "prodserver.W201",
        f"{ARGS}['proxy-allow-from'] trusts every client with its PROXY protocol header ('*') while gunicorn "
        "listens on 0.0.0.0:8000: a client that goes around the proxy passes for it, and Django sees the client "
        "address it claims.",
    )


@pytest.mark.parametrize(
    ("backend", "args", "field"),
    [
        (GUNICORN, {"address": "0.0.0.0", "forwarded-allow-ips": "10.0.0.1,*"}, "forwarded-allow-ips"),
        (WAITRESS, {"trusted-proxy": "*", "trusted-proxy-headers": "x-forwarded-proto"}, "trusted-proxy"),
        (UVICORN, {"address": "::", "forwarded-allow-ips": "*"}, "forwarded-allow-ips"),
    ],
)
def test_w201_on_each_server(backend: str, args: dict[str, Any], field: str) -> None:
    [(check_id, message, _)] = advice(backend, args)
    assert (check_id, message.startswith(f"{ARGS}['{field}'] trusts every client")) == ("prodserver.W201", True)


@pytest.mark.parametrize(
    ("backend", "args"),
    [
        # Only the proxy reaches a server on loopback or a Unix socket.
        (UVICORN, {"address": "127.0.0.1", "forwarded-allow-ips": "*"}),
        (UVICORN, {"uds": "web.sock", "forwarded-allow-ips": "*"}),
        (GUNICORN, {"bind": "unix:web.sock", "forwarded-allow-ips": "*"}),
        # A host name may be loopback: not judged.
        (GUNICORN, {"address": "localhost", "forwarded-allow-ips": "*"}),
        # The list names the proxy.
        (UVICORN, {"address": "0.0.0.0", "forwarded-allow-ips": "10.0.0.1"}),
        (WAITRESS, {"trusted-proxy": "10.0.0.1", "trusted-proxy-headers": "x-forwarded-proto"}),
        # uvicorn reads no forwarded header at all.
        (UVICORN, {"address": "0.0.0.0", "forwarded-allow-ips": "*", "proxy-headers": False}),
        # gunicorn reads no PROXY protocol header unless proxy-protocol is on.
        (GUNICORN, {"address": "0.0.0.0", "proxy-allow-from": "*"}),
        # The uwsgi protocol's list: not shown misbehaving by a test.
        (GUNICORN, {"address": "0.0.0.0", "uwsgi-allow-from": "*"}),
    ],
)
def test_no_w201(backend: str, args: dict[str, Any]) -> None:
    assert advice(backend, args) == []


@pytest.mark.usefixtures("django_believes_proxies")
def test_w202_and_w203_django_believes_what_the_server_passes_on() -> None:
    assert advice(GUNICORN, {"address": "0.0.0.0", "forwarded-allow-ips": "10.0.0.1"}) == [
        (
            "prodserver.W202",
            f"{ARGS}['port'] has gunicorn listen on 0.0.0.0:8000, passing X-Forwarded-Proto on from any client, "
            "and Django's SECURE_PROXY_SSL_HEADER believes it: a client that goes around the proxy makes "
            "request.is_secure() return True.",
            f"Let only the proxy reach the server: {REACH}.",
        ),
        (
            "prodserver.W203",
            f"{ARGS}['port'] has gunicorn listen on 0.0.0.0:8000, passing X-Forwarded-Host on from any client, "
            "and Django's USE_X_FORWARDED_HOST believes it: a client that goes around the proxy makes "
            "request.get_host() return any allowed host.",
            f"Let only the proxy reach the server: {REACH}.",
        ),
    ]


@pytest.mark.usefixtures("django_believes_proxies")
@pytest.mark.parametrize(
    ("backend", "args", "server"),
    [
        (UVICORN, {"address": "0.0.0.0"}, "uvicorn"),
        (GRANIAN, {"address": "0.0.0.0"}, "the server"),
        # waitress removes them only from a client it does not trust, when asked to.
        (WAITRESS, {"clear-untrusted-proxy-headers": False}, "waitress"),
    ],
)
def test_w202_and_w203_on_each_server(backend: str, args: dict[str, Any], server: str) -> None:
    found = advice(backend, args)
    assert [check_id for check_id, _, _ in found] == ["prodserver.W202", "prodserver.W203"]
    assert all(f"['port'] has {server} listen on " in message for _, message, _ in found)


@pytest.mark.usefixtures("django_believes_proxies")
@pytest.mark.parametrize(
    ("backend", "args"),
    [
        (GUNICORN, {"address": "127.0.0.1"}),
        (UVICORN, {"uds": "web.sock"}),
        # waitress removes the proxy headers of a client it does not trust, before Django sees them.
        (WAITRESS, {}),
        (WAITRESS, {"trusted-proxy": "10.0.0.1", "trusted-proxy-headers": "x-forwarded-for x-forwarded-proto"}),
    ],
)
def test_no_w202_nor_w203(backend: str, args: dict[str, Any]) -> None:
    assert advice(backend, args) == []


def test_without_django_believing_a_header_nothing_is_said() -> None:
    assert advice(GUNICORN, {"address": "0.0.0.0"}) == []


def test_the_advice_shows_under_deploy_only() -> None:
    report = validate_process("web", {"BACKEND": UVICORN, "ARGS": {"address": "0.0.0.0", "forwarded-allow-ips": "*"}})
    assert [p.deploy for p in report.problems if p.id == "prodserver.W201"] == [True]


@pytest.mark.parametrize(
    ("listener", "host"),
    [
        (Listener.tcp("port", "0.0.0.0", 8000), "0.0.0.0"),
        (Listener.tcp("port", "::", 8000), "::"),
        (Listener.tcp("port", "10.1.2.3", 80), "10.1.2.3"),
        (Listener.tcp("port", "127.0.0.1", 8000), None),
        (Listener.tcp("port", "::1", 8000), None),
        (Listener.tcp("port", "localhost", 8000), None),
        (Listener.unix("uds", "/run/web.sock"), None),
        (Listener("fd", "fd", "fd:3"), None),
        (None, None),
    ],
)
def test_reachable_host(listener: Listener | None, host: str | None) -> None:
    assert reachable_host(None if listener is None else listener.host) == host


def test_waitress_clears_the_headers_its_own_code_names() -> None:
    from waitress.proxy_headers import PROXY_HEADERS  # type: ignore[import-untyped]

    assert {f"HTTP_{name}" for name in PROXY_HEADERS} == CLEARED


def test_w204_waitress_removes_the_header_django_reads_from_every_request(settings: Settings) -> None:
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    report = validate_process("web", {"BACKEND": WAITRESS, "ARGS": {"address": "127.0.0.1"}})
    assert [(p.id, p.message, p.hint, p.deploy) for p in report.problems] == [
        (
            "prodserver.W204",
            f"{ARGS}['trusted-proxy'] is not set, so waitress removes X-Forwarded-Proto from every request, the "
            "proxy's included: Django's SECURE_PROXY_SSL_HEADER never sees https (SECURE_SSL_REDIRECT would loop).",
            "Give trusted-proxy the proxy's address, with X-Forwarded-Proto among the headers it trusts.",
            False,
        )
    ]


@pytest.mark.parametrize(
    "args",
    [
        {"trusted-proxy": "127.0.0.1", "trusted-proxy-headers": "x-forwarded-proto"},
        {"clear-untrusted-proxy-headers": False},
    ],
)
def test_no_w204_when_waitress_passes_the_proxys_header_on(settings: Settings, args: dict[str, Any]) -> None:
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    report = validate_process("web", {"BACKEND": WAITRESS, "ARGS": {"address": "127.0.0.1", **args}})
    assert [p.id for p in report.problems if p.id == "prodserver.W204"] == []


def test_no_w204_for_a_header_waitress_does_not_know(settings: Settings) -> None:
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_SCHEME", "https")
    report = validate_process("web", {"BACKEND": WAITRESS, "ARGS": {"address": "127.0.0.1"}})
    assert report.problems == []
