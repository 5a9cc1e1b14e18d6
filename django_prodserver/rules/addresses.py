"""Processes of one setting that bind the same address.

A server that binds with ``SO_REUSEPORT`` does not fail to start on a taken
address and port: both serve, and the kernel splits the connections between them, a silent
mix-up.  Any other server fails to start when its address is taken.  Either way, two processes
given one address is a mistake the check can see.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass

from ..problems import Problem, Severity

W047 = "prodserver.W047"


def _host_and_port(address: str) -> tuple[str, str]:
    """``("::1", "8000")`` from ``"[::1]:8000"``; a Unix socket is its own host, with no port."""
    if address.startswith("unix:"):
        return address, ""
    host, _, port = address.rpartition(":")
    return host.strip("[]"), port


def collide(first: str, second: str) -> bool:
    """Whether two addresses (``host:port`` or ``unix:path``) take the same port or socket: a second bind fails."""
    (host_a, port_a), (host_b, port_b) = _host_and_port(first), _host_and_port(second)
    if port_a == "0" or port_b == "0":
        # Port 0: the kernel gives each server its own free port.
        return False
    if first == second:
        return True
    if not port_a or port_a != port_b:
        return False
    # A wildcard address takes the port on every interface of its family.
    try:
        a, b = ipaddress.ip_address(host_a), ipaddress.ip_address(host_b)
    except ValueError:
        # A host name (gunicorn binds them): its addresses are unknown until it is resolved.
        return False
    return a.version == b.version and (a.is_unspecified or b.is_unspecified)


@dataclass(frozen=True)
class Binding:
    """One address a process listens on, and whether its server binds it with ``SO_REUSEPORT``."""

    process: str
    address: str
    key: str
    """The ARGS field that sets the port (or socket path) the message points at."""
    reuses_port: bool
    default: bool = False
    """Whether the option that sets it was not given: the address is the tool's default."""


def shared_addresses(bound: Sequence[Binding]) -> list[Problem]:
    """Addresses that two processes bind (each process's server and, say, its metrics exporter).

    Paths are relative to the setting; a process's own addresses are judged by its backend's rules.
    """
    problems = []
    for index, here in enumerate(bound):
        other = next(
            (
                earlier
                for earlier in bound[:index]
                if earlier.process != here.process and collide(earlier.address, here.address)
            ),
            None,
        )
        if other is None:
            continue
        socket_file = here.address.startswith("unix:")
        if here.reuses_port and other.reuses_port:
            outcome = "both then serve it and the kernel splits the connections between the two"
        elif socket_file:
            # gunicorn, waitress and Tornado remove a socket file they find there (even one in use).
            outcome = "the one started second takes the path over from the other, or cannot bind it"
        else:
            outcome = "the one started second cannot bind it"
        problems.append(
            Problem(
                W047,
                Severity.WARNING,
                (here.process, "ARGS", here.key),
                f"{'(not set, so its default) ' if here.default else ''}binds {here.address}, as process "
                f"{other.process!r} does ({other.address}): {outcome}.",
                "Give each process its own socket path." if socket_file else "Give each process its own port.",
            )
        )
    return problems
