"""Proxies: the trust lists each server matches its peers against, judged as that server reads them.

A value the server will never match trusts no proxy at all, silently: behind the proxy every
request then looks like plain HTTP from the proxy's address.  How a server matches is declared on
the option's type (:class:`~django_prodserver.args.addresses.PeerMatching`), so this one rule judges
every trust list of every backend, in the server's own terms.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import replace

from ..args.addresses import PeerMatching, peer_matching
from ..args.base import BackendArgs
from ..problems import Problem, Severity
from .text import shown

E084 = "prodserver.E084"
W200 = "prodserver.W200"

E084_HINT = "Use '*', IP addresses or networks with their host bits clear ('10.0.0.0/8')."


def trust_list_problems(args: BackendArgs, address: str | None) -> list[Problem]:
    """Entries of each trust list of ``args`` that its server refuses or never matches.

    ``address`` is where the server listens (``unix:/run/web.sock``, ``fd:3``, ``host:port``): a
    Unix-socket peer has no IP address, and each server treats it its own way.
    """
    problems = []
    listener = _listener(address)
    for field, info in type(args).model_fields.items():
        matching = peer_matching(info)
        value = getattr(args, field)
        if matching is None or not value or field not in args.model_fields_set:
            # A server's own default is what it documents; only a value the user gave is judged.
            continue
        entries: Sequence[str] = [value] if isinstance(value, str) else value
        verb = "is" if isinstance(value, str) else "holds"
        for entry in entries:
            problem = _entry_problem(entry, entries, matching, listener, f"{verb} {shown(entry)}, which")
            if problem is not None:
                problems.append(replace(problem, path=("ARGS", field)))
    return problems


def _listener(address: str | None) -> str:
    """``unix``, ``tcp``, or ``unknown`` (an inherited file descriptor may be either)."""
    if address is None or address.startswith("fd"):
        return "unknown"
    return "unix" if address.startswith("unix:") else "tcp"


def _entry_problem(
    entry: str, entries: Sequence[str], matching: PeerMatching, listener: str, holds: str
) -> Problem | None:
    """The problem with one entry (its path still to be set); ``holds`` starts the message."""
    on_tcp = _tcp_fault(entry, entries, matching)
    if on_tcp is not None and matching.refuses_invalid:
        return Problem(E084, Severity.ERROR, (), f"{holds} {matching.server} rejects ({on_tcp[0]}).", E084_HINT)
    on_unix = _unix_fault(entry, entries, matching)
    if listener == "unix":
        fault = on_unix
    elif listener == "tcp":
        fault = on_tcp
    else:
        # Either kind of socket: only an entry that matches on neither is certainly wrong.
        fault = on_tcp if on_unix is not None else None
    if fault is None:
        return None
    reason, hint = fault
    return Problem(W200, Severity.WARNING, (), f"{holds} {matching.server} {reason}.", hint)


def _tcp_fault(entry: str, entries: Sequence[str], matching: PeerMatching) -> tuple[str, str] | None:
    """Why a TCP peer (an IP address) never matches ``entry``, and the fix; None when it can."""
    if entry == "*":
        if matching.wildcard == "alone" and len(entries) > 1:
            return (
                "reads as 'any client' only when it is the whole value: among other entries it is text "
                "that no client address matches",
                "Give '*' alone, or only the proxies' addresses.",
            )
        return None
    if matching.parses:
        return _parse_fault(entry, matching)
    return _text_fault(entry, matching)


def _parse_fault(entry: str, matching: PeerMatching) -> tuple[str, str] | None:
    try:
        # A server that refuses what it cannot parse reads every entry as a network (gunicorn's
        # ip_network), so its own words are quoted: "does not appear to be an IPv4 or IPv6 network".
        if matching.refuses_invalid or ("/" in entry and matching.networks):
            ipaddress.ip_network(entry)
        else:
            ipaddress.ip_address(entry)
        return None
    except ValueError as error:
        if matching.refuses_invalid:
            return str(error), E084_HINT
        if "/" in entry and matching.networks:
            return _bad_network(entry, matching)
        return (
            "does not read as an IP address and compares as text with the client's IP address: it never matches",
            f"Use IP addresses or networks ('10.0.0.0/8'): {matching.server} resolves no host name here.",
        )


def _bad_network(entry: str, matching: PeerMatching) -> tuple[str, str]:
    reason = "does not read as a network and compares as text with the client's IP address: it never matches"
    try:
        network = ipaddress.ip_network(entry, strict=False)
    except ValueError:
        return reason, "Write a network as address/prefix ('10.0.0.0/8')."
    return reason + " (host bits are set)", f"Write {str(network)!r}."


def _text_fault(entry: str, matching: PeerMatching) -> tuple[str, str] | None:
    """Compared as text: only an address written exactly as the peer's reads can match."""
    try:
        written = str(ipaddress.ip_address(entry))
    except ValueError:
        what = "a network" if "/" in entry else "a list" if any(c in entry for c in ", ") else "a name"
        return (
            f"compares as text with the client's IP address: {what} never matches",
            "Give the proxy's one IP address, or '*' (with the number of proxies in front).",
        )
    if written != entry:
        return (
            f"compares as text with the client's IP address, which reads {written!r}: it never matches",
            f"Write {written!r}.",
        )
    return None


def _unix_fault(entry: str, entries: Sequence[str], matching: PeerMatching) -> tuple[str, str] | None:
    """Why a Unix-socket peer never matches ``entry``, and the fix; None when it can."""
    if matching.unix_peer == "trusted":
        return None
    if entry == "*":
        return _tcp_fault(entry, entries, matching)
    if matching.unix_peer == "no address":
        return (
            "never matches on a Unix socket: its clients have no address to compare, only '*' trusts them",
            "Set it to '*' alone: only processes that may open the socket reach the server.",
        )
    if entry != matching.unix_peer:
        return (
            f"never matches on a Unix socket: every client there has the address {matching.unix_peer!r}",
            f"Use {matching.unix_peer!r} (or '*').",
        )
    return None


__all__ = ["E084", "W200", "trust_list_problems"]
