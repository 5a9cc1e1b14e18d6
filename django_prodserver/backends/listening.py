"""Where a server listens: the typed bindings :meth:`TypedBackend.listeners` returns.

Each backend decides in one method, with its tool's own precedence (uvicorn: a Unix socket, else a
file descriptor, else address and port), every place its tool listens with the given ARGS and the
option that sets each one.  Shared code reads them and never asks which tool it is: validation
(two processes on one address, W047; the proxy rules judge the address the application is served
on), ``prodserver --list``, and the fleet (the port an engine routes to, the override that moves it,
the other ports a container publishes).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ..args.common import host_and_port

Via = Literal["tcp", "unix", "fd"]
"""A TCP address and port, a Unix socket's path, or a file descriptor the process inherits."""


@dataclass(frozen=True)
class Listener:
    """One place a process listens, and the ARGS option that sets it."""

    option: str
    """The field that sets it (``port``, ``bind``, ``uds``, ``metrics_port``): messages and overrides name it."""
    via: Via
    address: str
    """As users read it: ``127.0.0.1:8000``, ``[::1]:8000``, ``unix:/run/web.sock``, ``fd:3``."""
    serves: bool = True
    """True where the application is served; False for another service on its own port (Granian's metrics)."""

    @classmethod
    def tcp(cls, option: str, host: str, port: int | str, *, serves: bool = True) -> Listener:
        return cls(option, "tcp", host_and_port(host, port), serves)

    @classmethod
    def unix(cls, option: str, path: str, *, serves: bool = True) -> Listener:
        return cls(option, "unix", f"unix:{path}", serves)

    @property
    def host(self) -> str | None:
        """The host of a TCP address, without an IPv6 address's brackets."""
        return self.address.rpartition(":")[0].strip("[]") if self.via == "tcp" else None

    @property
    def port(self) -> int | None:
        """The port of a TCP address (None if it names none: gunicorn's ``bind`` may give a host alone)."""
        port = self.address.rpartition(":")[2] if self.via == "tcp" else ""
        return int(port) if port.isdigit() else None


def serving(listeners: Iterable[Listener]) -> Listener | None:
    """Where the application is served (a server's first listener that serves it); None for a worker."""
    return next((listener for listener in listeners if listener.serves), None)


__all__ = ["Listener", "Via", "serving"]
