"""Processes of one setting that bind the same address.

Granian binds with ``SO_REUSEPORT``: a second server on a taken address and port does not fail
to start, both serve, and the kernel splits the connections between them.  Two processes
given one port is therefore a silent mix-up, not a start-up error.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping

from ..problems import Problem, Severity

W047 = "prodserver.W047"


def _host_and_port(address: str) -> tuple[str, str]:
    """``("::1", "8000")`` from ``"[::1]:8000"``; a Unix socket is its own host, with no port."""
    if address.startswith("unix:"):
        return address, ""
    host, _, port = address.rpartition(":")
    return host.strip("[]"), port


def _collide(first: str, second: str) -> bool:
    if first == second:
        return True
    (host_a, port_a), (host_b, port_b) = _host_and_port(first), _host_and_port(second)
    if not port_a or port_a != port_b or port_a == "0":
        return False
    # A wildcard address takes the port on every interface of its family.
    a, b = ipaddress.ip_address(host_a), ipaddress.ip_address(host_b)
    return a.version == b.version and (a.is_unspecified or b.is_unspecified)


def shared_addresses(bound: Mapping[str, str]) -> list[Problem]:
    """``bound`` maps each process to the address it binds; paths are relative to the setting."""
    problems = []
    names = list(bound)
    for index, name in enumerate(names):
        other = next((earlier for earlier in names[:index] if _collide(bound[earlier], bound[name])), None)
        if other is None:
            continue
        key = "uds" if bound[name].startswith("unix:") else "port"
        problems.append(
            Problem(
                W047,
                Severity.WARNING,
                (name, "ARGS", key),
                f"binds {bound[name]}, as process {other!r} does ({bound[other]}): Granian then shares "
                "the port and the kernel splits the connections between the two.",
                "Give each process its own port.",
            )
        )
    return problems
