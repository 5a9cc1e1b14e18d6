"""waitress' own rules: what ``Adjustments`` refuses together, ignores or changes, and production advice.

waitress raises ``ValueError`` for these when it starts (``adjustments.py``); django-prodserver 3.x
passed them through, so a typo showed waitress' help and exited 0.  The shared rules (the socket's
directory, options without the option they need) run for every backend; :func:`waitress_problems`
adds these.  Paths are relative to the process, by field name.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from ...problems import Problem, Severity
from ...rules.addresses import collide
from ...rules.args import E066
from ...rules.text import shown
from .options import CHANNELS_PER_LISTENER, SERVER_CHANNELS, WaitressArgs

E101 = "prodserver.E101"
E102 = "prodserver.E102"
E103 = "prodserver.E103"
E104 = "prodserver.E104"
E105 = "prodserver.E105"
E114 = "prodserver.E114"
E115 = "prodserver.E115"
W100 = "prodserver.W100"
W101 = "prodserver.W101"
W102 = "prodserver.W102"
W103 = "prodserver.W103"

W100_NO_FAMILY = Problem(
    W100,
    Severity.WARNING,
    ("ARGS", "ipv4"),
    "is False, as is ipv6: waitress then binds both families, not neither.",
    "Turn off only the family you do not want.",
)
W101_SEND_BYTES = Problem(
    W101,
    Severity.WARNING,
    ("ARGS", "send_bytes"),
    "is deprecated by waitress and will be removed.",
    "Remove it; waitress sizes its writes itself.",
)
W102_IMPLICIT_PROTO = Problem(
    W102,
    Severity.WARNING,
    ("ARGS", "trusted_proxy"),
    "is set without trusted-proxy-headers: waitress then trusts X-Forwarded-Proto only (deprecated).",
    "Set trusted-proxy-headers to the headers your proxy sets, e.g. 'x-forwarded-for x-forwarded-proto'.",
)
W103_TRACEBACKS = Problem(
    W103,
    Severity.WARNING,
    ("ARGS", "expose_tracebacks"),
    "is True: every client sees the traceback of a failing request.",
    "Remove it in production; Django's logging records the tracebacks.",
    deploy=True,
)

Rule = Callable[[WaitressArgs], list[Problem]]


def waitress_problems(args: WaitressArgs) -> list[Problem]:
    """Problems with valid-typed waitress ARGS; paths are relative to the process."""
    return [problem for rule in RULES for problem in rule(args)]


def _given(args: WaitressArgs, *fields: str) -> list[str]:
    return [field for field in fields if field in args.model_fields_set]


def listen_with_address(args: WaitressArgs) -> list[Problem]:
    if not args.listen:
        return []
    return [
        Problem(
            E101,
            Severity.ERROR,
            ("ARGS", field),
            "is set with listen; waitress refuses both.",
            f"Remove {WaitressArgs.options()[field].name}, or put it in listen ('{args.address}:{args.port}').",
        )
        for field in _given(args, "address", "port")
    ]


def unix_socket_with_address(args: WaitressArgs) -> list[Problem]:
    if args.unix_socket is None:
        return []
    others = _given(args, "address", "port") + (["listen"] if args.listen else [])
    return [
        Problem(
            E102,
            Severity.ERROR,
            ("ARGS", field),
            "is set with unix-socket; waitress refuses both.",
            "Keep either the Unix socket or the TCP address.",
        )
        for field in others
    ]


def proxy_without_trusted_proxy(args: WaitressArgs) -> list[Problem]:
    if args.trusted_proxy:
        return []
    return [
        Problem(
            E103,
            Severity.ERROR,
            ("ARGS", field),
            "has no meaning without trusted-proxy; waitress refuses it.",
            "Set trusted-proxy to your proxy's address ('*' for any), or remove it.",
        )
        for field in ("trusted_proxy_count", "trusted_proxy_headers")
        if field in args.model_fields_set and getattr(args, field)
    ]


def forwarded_with_x_forwarded(args: WaitressArgs) -> list[Problem]:
    headers = set(args.trusted_proxy_headers)
    if "forwarded" not in headers or headers == {"forwarded"}:
        return []
    return [
        Problem(
            E104,
            Severity.ERROR,
            ("ARGS", "trusted_proxy_headers"),
            "mixes Forwarded with X-Forwarded-* headers; waitress refuses to trust both.",
            "Keep 'forwarded' alone, or only the x-forwarded-* headers.",
        )
    ]


def listen_entries(args: WaitressArgs) -> list[Problem]:
    return [
        Problem(
            E105,
            Severity.ERROR,
            ("ARGS", "listen"),
            f"has {shown(entry)}; expected host:port with a port between 0 and 65535.",
            "Write each entry as '127.0.0.1:8080', '[::1]:8080' or '*:8080'.",
        )
        for entry in args.listen
        if not _is_host_port(entry)
    ]


def colliding_entries(args: WaitressArgs) -> list[Problem]:
    """Two listen entries on one port where the first takes it for both: the second bind fails at start."""
    problems = []
    valid = [entry for entry in args.listen if _is_host_port(entry)]
    for index, entry in enumerate(valid):
        earlier = next((other for other in valid[:index] if _collide(other, entry)), None)
        if earlier is not None:
            problems.append(
                Problem(
                    E115,
                    Severity.ERROR,
                    ("ARGS", "listen"),
                    f"has {shown(entry)}, which {shown(earlier)} already takes: waitress' second bind of the "
                    "port fails, and it would refuse to start.",
                    "Give each address once; a wildcard (0.0.0.0, ::, *) takes the port on every interface.",
                )
            )
    return problems


def _collide(first: str, second: str) -> bool:
    # waitress binds '*' on every address of both families, its IPv6 sockets are IPv6-only, and it
    # binds an address given twice once (Adjustments drops repeated host:port pairs).
    return any(a != b and collide(a, b) for a in _wildcards(first) for b in _wildcards(second))


def _wildcards(entry: str) -> list[str]:
    host, _, port = entry.rpartition(":")
    return [f"0.0.0.0:{port}", f"[::]:{port}"] if host == "*" else [entry]


def _is_host_port(entry: str) -> bool:
    host, colon, port = entry.rpartition(":")
    return bool(colon and host.strip("[]") and port.isdecimal() and int(port) <= 65535)


def disabled_family(args: WaitressArgs) -> list[Problem]:
    """An IP address of a family turned off: waitress finds no address to bind ("Invalid host/port")."""
    if args.ipv4 == args.ipv6:
        # Both on, or both off (waitress then binds both: W100).
        return []
    off = "ipv6" if args.ipv4 else "ipv4"
    hosts = [("listen", entry.rpartition(":")[0]) for entry in args.listen] or [("address", args.address)]
    return [
        Problem(
            E114,
            Severity.ERROR,
            ("ARGS", field),
            f"has the {off.replace('ip', 'IP')} address {host.strip('[]')}, but {off} is False: it cannot be bound.",
            f"Remove {off}: False, or use an address of the other family.",
        )
        for field, host in hosts
        if _family(host) == off
    ]


def _family(host: str) -> str | None:
    try:
        return f"ipv{ipaddress.ip_address(host.strip('[]')).version}"
    except ValueError:
        # A host name or '*': waitress binds the addresses of the families it may.
        return None


def connections_for_listeners(args: WaitressArgs) -> list[Problem]:
    """E066: a limit that the listeners' own channels reach before any client connects (one is the type's)."""
    listeners = 1 if args.unix_socket is not None else max(len(args.listen), 1)
    least = CHANNELS_PER_LISTENER * listeners + 1
    if listeners == 1 or args.connection_limit >= least:
        return []
    return [
        Problem(
            E066,
            Severity.ERROR,
            ("ARGS", "connection_limit"),
            f"is {args.connection_limit}: the server would refuse every request ({SERVER_CHANNELS}, "
            f"so its {listeners} listen entries take at least {least - 1}).",
            f"Use at least {least}.",
        )
    ]


def advice(args: WaitressArgs) -> list[Problem]:
    problems = []
    if not args.ipv4 and not args.ipv6:
        problems.append(W100_NO_FAMILY)
    if "send_bytes" in args.model_fields_set:
        problems.append(W101_SEND_BYTES)
    if args.trusted_proxy and not args.trusted_proxy_headers:
        problems.append(W102_IMPLICIT_PROTO)
    if args.expose_tracebacks:
        problems.append(W103_TRACEBACKS)
    return problems


RULES: tuple[Rule, ...] = (
    listen_with_address,
    unix_socket_with_address,
    proxy_without_trusted_proxy,
    forwarded_with_x_forwarded,
    listen_entries,
    colliding_entries,
    disabled_family,
    connections_for_listeners,
    advice,
)
