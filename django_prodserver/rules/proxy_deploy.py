"""Behind a proxy: where Django's settings and the server's forwarded-header trust meet (``check --deploy``).

A server that listens on an address other clients reach (anything but loopback and Unix sockets) is
reached *around* the proxy too, unless a firewall says otherwise.  A client that goes around it sends
its own X-Forwarded-* headers, and Django believes them when:

- the server trusts every peer with them (W201: ``forwarded-allow-ips: '*'``, waitress' ``trusted-proxy:
  '*'``): the server sets the scheme (and on uvicorn and waitress the client address) from them; as
  gunicorn's ``proxy-allow-from: '*'`` does with ``proxy-protocol`` on, from a PROXY protocol header;
- Django reads the header itself (W202 ``SECURE_PROXY_SSL_HEADER``, W203 ``USE_X_FORWARDED_HOST``) and the
  server passes it on from any peer: gunicorn, uvicorn and Granian do; waitress removes the proxy headers
  of a peer it does not trust (``clear-untrusted-proxy-headers``), so there nothing reaches Django.

Each is shown with a real request through the real server in ``tests/integration/test_proxy_servers.py``
(``request.is_secure()`` True, ``REMOTE_ADDR`` or the host spoofed), beside its twin that is not.
Django's settings come in as plain values: the rules import no Django.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from dataclasses import dataclass

from ..args.addresses import PeerMatching, peer_matching
from ..args.base import BackendArgs
from ..problems import Problem, Severity

W201 = "prodserver.W201"
W202 = "prodserver.W202"
W203 = "prodserver.W203"
W204 = "prodserver.W204"

REACH_ONLY_THROUGH_THE_PROXY = "listen on 127.0.0.1 or a Unix socket, or let a firewall admit only the proxy"


@dataclass(frozen=True)
class DjangoProxySettings:
    """What Django believes of a proxy: ``SECURE_PROXY_SSL_HEADER``'s header, ``USE_X_FORWARDED_HOST``."""

    ssl_header: str | None = None
    """The ``request.META`` name (``HTTP_X_FORWARDED_PROTO``), None when the setting is unset."""
    forwarded_host: bool = False


def reachable_host(host: str | None) -> str | None:
    """``host`` (a TCP listener's, None for a Unix socket or an inherited descriptor) if clients other than
    this machine's reach it; None for loopback and host names (which a name may resolve to loopback)."""
    if host is None:
        return None
    try:
        return None if ipaddress.ip_address(host).is_loopback else host
    except ValueError:
        return None


def proxy_deploy_problems(
    args: BackendArgs, address: str, host: str | None, key: str, django: DjangoProxySettings
) -> list[Problem]:
    """W201-W203 for a server listening at ``address`` (on ``host``, set by option ``key``), given Django's settings."""
    if reachable_host(host) is None:
        return []
    trusting = [(field, matching) for field, matching in _trust_lists(args) if matching.carries is not None]
    problems = [
        _w201(field, address, matching)
        for field, matching in trusting
        if _switched_on(args, matching) and _trusts_everyone(getattr(args, field), matching)
    ]
    for setting, header, check_id, outcome in _believed(django):
        if not any(_clears(args, field, matching, header) for field, matching in trusting):
            server = trusting[0][1].server if trusting else "the server"
            problems.append(_django_believes(check_id, key, address, setting, header, server, outcome))
    return problems


def removed_header_problems(args: BackendArgs, django: DjangoProxySettings) -> list[Problem]:
    """W204: Django's SECURE_PROXY_SSL_HEADER names a header the server removes from every request,
    the proxy's included, as it trusts no proxy (waitress with no trusted-proxy): never https."""
    header = django.ssl_header
    if header is None:
        return []
    return [
        Problem(
            W204,
            Severity.WARNING,
            ("ARGS", field),
            f"is not set, so {matching.server} removes {_shown(header)} from every request, the proxy's "
            "included: Django's SECURE_PROXY_SSL_HEADER never sees https (SECURE_SSL_REDIRECT would loop).",
            f"Give {_option(args, field)} the proxy's address, with {_shown(header)} among the headers it trusts.",
        )
        for field, matching in _trust_lists(args)
        if matching.clears is not None
        and not getattr(args, field)
        and bool(getattr(args, matching.clears[0]))
        and header in matching.clears[1]
    ]


def _shown(header: str) -> str:
    """``X-Forwarded-Proto`` for ``HTTP_X_FORWARDED_PROTO``."""
    return header.removeprefix("HTTP_").replace("_", "-").title()


def _option(args: BackendArgs, field: str) -> str:
    return type(args).options()[field].name


def _trust_lists(args: BackendArgs) -> Iterator[tuple[str, PeerMatching]]:
    for field, info in type(args).model_fields.items():
        matching = peer_matching(info)
        if matching is not None:
            yield field, matching


def _switched_on(args: BackendArgs, matching: PeerMatching) -> bool:
    return matching.switch is None or getattr(args, matching.switch) not in (None, False, "off")


def _trusts_everyone(value: object, matching: PeerMatching) -> bool:
    entries = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    if matching.wildcard == "alone":
        return entries == ["*"]
    return "*" in entries


def _clears(args: BackendArgs, field: str, matching: PeerMatching, header: str) -> bool:
    """Whether the server removes ``header`` from a peer's request before Django sees it (the peer untrusted)."""
    if matching.clears is None or _trusts_everyone(getattr(args, field), matching):
        return False
    switch, headers = matching.clears
    return bool(getattr(args, switch)) and header in headers


def _believed(django: DjangoProxySettings) -> Iterator[tuple[str, str, str, str]]:
    """(Django setting, the header it believes, check ID, what a client then makes Django see)."""
    if django.ssl_header is not None:
        yield "SECURE_PROXY_SSL_HEADER", django.ssl_header, W202, "request.is_secure() return True"
    if django.forwarded_host:
        yield "USE_X_FORWARDED_HOST", "HTTP_X_FORWARDED_HOST", W203, "request.get_host() return any allowed host"


def _w201(field: str, address: str, matching: PeerMatching) -> Problem:
    return Problem(
        W201,
        Severity.WARNING,
        ("ARGS", field),
        f"trusts every client with its {matching.carries} ('*') while {matching.server} listens on "
        f"{address}: a client that goes around the proxy passes for it, and Django sees {matching.claims}.",
        f"List only the proxy's addresses, or {REACH_ONLY_THROUGH_THE_PROXY}.",
        deploy=True,
    )


def _django_believes(
    check_id: str, key: str, address: str, setting: str, header: str, server: str, outcome: str
) -> Problem:
    name = _shown(header)
    return Problem(
        check_id,
        Severity.WARNING,
        ("ARGS", key),
        f"has {server} listen on {address}, passing {name} on from any client, and Django's {setting} "
        f"believes it: a client that goes around the proxy makes {outcome}.",
        f"Let only the proxy reach the server: {REACH_ONLY_THROUGH_THE_PROXY}.",
        deploy=True,
    )


__all__ = [
    "W201",
    "W202",
    "W203",
    "W204",
    "DjangoProxySettings",
    "proxy_deploy_problems",
    "reachable_host",
    "removed_header_problems",
]
