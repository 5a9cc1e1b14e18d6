"""Trust lists (W200, E084): the exact messages, and the verdict checked against each server's own matcher.

uvicorn's ``_TrustedHosts``, gunicorn's ``_ip_in_allow_list`` and waitress' ``REMOTE_ADDR ==
trusted_proxy`` are called with sample peers: an entry the rule reports is matched by none of
them, and an entry it accepts is matched by one.
"""

from __future__ import annotations

from typing import Any

import pytest
from gunicorn.config import validate_string_to_addr_list  # type: ignore[import-untyped]

from django_prodserver.validation import validate_process

UVICORN = "django_prodserver.backends.uvicorn.UvicornServer"
WAITRESS = "django_prodserver.backends.waitress.WaitressServer"
GUNICORN = "django_prodserver.backends.gunicorn.GunicornServer"
ARGS = "PRODUCTION_PROCESSES['web']['ARGS']"
PEERS = ("127.0.0.1", "::1", "10.0.0.1", "10.1.2.3", "192.168.1.10", "2001:db8::1")
"""Client addresses as the servers read them from the socket (compressed IPv6, as inet_ntop writes)."""


def found(backend: str, args: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    report = validate_process("web", {"BACKEND": backend, "ARGS": args})
    return [(p.id, p.message, p.hint) for p in report.problems if p.id in {"prodserver.W200", "prodserver.E084"}]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            {"forwarded-allow-ips": "127.0.0.1,localhost"},
            "holds 'localhost', which uvicorn does not read as an IP address and compares as text with the "
            "client's IP address: it never matches.",
        ),
        (
            {"forwarded-allow-ips": ["10.0.0.1/8"]},
            "holds '10.0.0.1/8', which uvicorn does not read as a network and compares as text with the "
            "client's IP address: it never matches (host bits are set).",
        ),
        (
            {"forwarded-allow-ips": "10.0.0.0/8,*"},
            "holds '*', which uvicorn reads as 'any client' only when it is the whole value: among other "
            "entries it is text that no client address matches.",
        ),
        (
            {"uds": "web.sock", "forwarded-allow-ips": "127.0.0.1"},
            "holds '127.0.0.1', which uvicorn never matches on a Unix socket: its clients have no address "
            "to compare, only '*' trusts them.",
        ),
    ],
)
def test_uvicorn_entries_it_never_matches(args: dict[str, Any], expected: str) -> None:
    [(check_id, message, _hint)] = found(UVICORN, args)
    assert (check_id, message) == ("prodserver.W200", f"{ARGS}['forwarded-allow-ips'] {expected}")


def test_the_hints_name_the_fix() -> None:
    hints = [hint for _, _, hint in found(UVICORN, {"forwarded-allow-ips": "10.0.0.1/8,localhost"})]
    assert hints == [
        "Write '10.0.0.0/8'.",
        "Use IP addresses or networks ('10.0.0.0/8'): uvicorn resolves no host name here.",
    ]
    [(_, _, hint)] = found(WAITRESS, {"trusted-proxy": "0:0::1", "trusted-proxy-headers": "x-forwarded-for"})
    assert hint == "Write '::1'."


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            {"trusted-proxy": "10.0.0.0/8"},
            "is '10.0.0.0/8', which waitress compares as text with the client's IP address: a network never matches.",
        ),
        (
            {"trusted-proxy": "10.0.0.1,10.0.0.2"},
            "is '10.0.0.1,10.0.0.2', which waitress compares as text with the client's IP address: "
            "a list never matches.",
        ),
        (
            {"trusted-proxy": "localhost"},
            "is 'localhost', which waitress compares as text with the client's IP address: a name never matches.",
        ),
        (
            {"trusted-proxy": "0:0::1"},
            "is '0:0::1', which waitress compares as text with the client's IP address, which reads '::1': "
            "it never matches.",
        ),
        (
            {"unix-socket": "web.sock", "trusted-proxy": "127.0.0.1"},
            "is '127.0.0.1', which waitress never matches on a Unix socket: every client there has the "
            "address 'localhost'.",
        ),
    ],
)
def test_waitress_values_it_never_matches(args: dict[str, Any], expected: str) -> None:
    [(check_id, message, _hint)] = found(WAITRESS, {**args, "trusted-proxy-headers": "x-forwarded-for"})
    assert (check_id, message) == ("prodserver.W200", f"{ARGS}['trusted-proxy'] {expected}")


@pytest.mark.parametrize(
    ("backend", "args"),
    [
        (UVICORN, {"forwarded-allow-ips": "127.0.0.1,::1,10.0.0.0/8"}),
        (UVICORN, {"forwarded-allow-ips": "*"}),
        (UVICORN, {"uds": "web.sock", "forwarded-allow-ips": "*"}),
        # An inherited socket may be TCP or Unix: only what matches on neither is reported.
        (UVICORN, {"fd": 3, "forwarded-allow-ips": "10.0.0.1"}),
        # uvicorn's own default is not the user's: on a Unix socket it trusts nobody, as documented.
        (UVICORN, {"uds": "web.sock"}),
        (WAITRESS, {"trusted-proxy": "10.0.0.1", "trusted-proxy-headers": "x-forwarded-for"}),
        (
            WAITRESS,
            {"unix-socket": "web.sock", "trusted-proxy": "localhost", "trusted-proxy-headers": "x-forwarded-for"},
        ),
        (GUNICORN, {"forwarded-allow-ips": "10.0.0.0/8,::1"}),
        # gunicorn trusts every Unix-socket peer, whatever the list says.
        (GUNICORN, {"bind": "unix:web.sock", "forwarded-allow-ips": "10.0.0.1"}),
    ],
)
def test_values_the_server_can_match_pass(backend: str, args: dict[str, Any]) -> None:
    assert found(backend, args) == []


def test_gunicorn_refuses_what_it_cannot_parse() -> None:
    assert found(GUNICORN, {"forwarded-allow-ips": "10.0.0.1/8"}) == [
        (
            "prodserver.E084",
            f"{ARGS}['forwarded-allow-ips'] holds '10.0.0.1/8', which gunicorn rejects (10.0.0.1/8 has host bits set).",
            "Use '*', IP addresses or networks with their host bits clear ('10.0.0.0/8').",
        )
    ]


def test_gunicorn_refuses_a_name_in_its_own_words() -> None:
    """gunicorn parses each entry with ip_network: its error says "network", even for a plain address."""
    assert found(GUNICORN, {"forwarded-allow-ips": "proxy.internal"}) == [
        (
            "prodserver.E084",
            f"{ARGS}['forwarded-allow-ips'] holds 'proxy.internal', which gunicorn rejects "
            "('proxy.internal' does not appear to be an IPv4 or IPv6 network).",
            "Use '*', IP addresses or networks with their host bits clear ('10.0.0.0/8').",
        )
    ]
    with pytest.raises(ValueError, match="does not appear to be an IPv4 or IPv6 network"):
        validate_string_to_addr_list("proxy.internal")


def _uvicorn_matches(value: str, peer: str) -> bool:
    from uvicorn.middleware.proxy_headers import _TrustedHosts

    return peer in _TrustedHosts(value)


def _waitress_matches(value: str, peer: str) -> bool:
    # waitress.proxy_headers.proxy_headers_middleware: trusted_proxy == "*" or remote_peer == trusted_proxy.
    return value == "*" or peer == value


UVICORN_VALUES = ["localhost", "10.0.0.1/8", "10.0.0.0/8", "127.0.0.1", "::0001", "10.0.0.0/8,*", "*", "unix:/x"]
WAITRESS_VALUES = ["10.0.0.0/8", "10.0.0.1", "0:0::1", "::1", "localhost", "10.0.0.1 10.0.0.2", "*"]


@pytest.mark.parametrize("value", UVICORN_VALUES)
def test_uvicorn_reports_exactly_what_its_matcher_never_matches(value: str) -> None:
    reported = bool(found(UVICORN, {"forwarded-allow-ips": value}))
    matched = any(_uvicorn_matches(value, peer) for peer in PEERS)
    # One W200 per entry: a list with one bad entry may still match through the others.
    assert reported != matched or "," in value


@pytest.mark.parametrize("value", WAITRESS_VALUES)
def test_waitress_reports_exactly_what_its_matcher_never_matches(value: str) -> None:
    reported = bool(found(WAITRESS, {"trusted-proxy": value, "trusted-proxy-headers": "x-forwarded-for"}))
    assert reported != any(_waitress_matches(value, peer) for peer in PEERS)


def test_a_unix_socket_peer_is_what_each_server_says() -> None:
    from uvicorn.middleware.proxy_headers import _TrustedHosts
    from waitress.server import UnixWSGIServer  # type: ignore[import-untyped]

    # uvicorn: no client address (None); only '*' trusts it.
    assert None not in _TrustedHosts("127.0.0.1,::1,localhost")
    assert None in _TrustedHosts("*")
    # waitress: every Unix-socket peer reads 'localhost'.
    assert UnixWSGIServer.fix_addr(None, "") == ("localhost", None)
