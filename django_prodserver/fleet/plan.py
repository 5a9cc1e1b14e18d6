"""The fleet as the runner and the exporters see it: one :class:`Member` per validated process.

Everything here is read from what the backends declare (their listeners and the options that set
them, their drain, their own health command) and from the process's ``DEPLOY``: no tool is named.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..args.base import dashed
from ..args.deploy import Deploy, deploy_of
from ..backends.drain import UNKNOWN, Drain
from ..backends.listening import Via, serving
from ..validation import ProcessReport

MARGIN = 5
"""Seconds an engine waits beyond a process's drain before it kills it: the exit after the drain."""
UNBOUNDED_DRAIN = 30
"""The drain assumed for a process that waits for its work without a limit: Kubernetes' and Heroku's budget."""
PRE_STOP = 5
"""Seconds a Kubernetes pod sleeps before its SIGTERM, so that its endpoints are removed first."""


@dataclass(frozen=True)
class Member:
    """One process of the fleet, with what its exports need."""

    name: str
    kind: str
    """``server``, ``worker``, or ``process`` for a backend of neither kind (or an invalid one)."""
    drain: Drain
    deploy: Deploy
    host: str | None = None
    port: int | None = None
    """The TCP port a server listens on; None for a worker or a Unix socket."""
    port_option: str | None = None
    """The command-line override that sets where it listens (``--port``, ``--bind``)."""
    health_command: str | None = None
    """A worker's own health check (a shell command), if its tool offers one."""
    tls: bool = False
    """A server that serves HTTPS (its common ``ssl-cert`` option is set)."""
    other_ports: tuple[tuple[str, int], ...] = ()
    """Other TCP ports it listens on (Granian's metrics), by the option that sets each (``metrics-port``)."""
    listens_via: Via | None = None
    """How it listens where it serves (``tcp``, ``unix``, ``fd``); None for a worker, or a 3.x server,
    whose address is unknown."""

    @property
    def stop_budget(self) -> int:
        """Whole seconds an engine gives the process to stop: its drain plus :data:`MARGIN`."""
        seconds = UNBOUNDED_DRAIN if self.drain.seconds is None else self.drain.seconds
        return math.ceil(seconds) + MARGIN

    def port_override(self, value: str) -> list[str]:
        """The command-line options that make this server listen on port ``value`` (``$PORT``)."""
        if self.port_option is None or self.port is None:
            return []
        if self.port_option == "--port":
            return ["--port", value]
        host = f"[{self.host}]" if self.host and ":" in self.host else self.host
        return [self.port_option, f"{host}:{value}"]


def member(report: ProcessReport, config: object) -> Member:
    """The member of a valid process (its report has a backend and valid ARGS)."""
    backend, args = report.backend, report.args
    deploy = deploy_of(config)
    if backend is None or args is None:
        return Member(report.name, "process", UNKNOWN, deploy)
    kind, drain, health = backend.kind or "process", backend.drain(args), backend.health_command(args)
    listeners = backend.listeners(args)
    served = serving(listeners)
    if served is None or served.port is None:
        via = None if served is None else served.via
        return Member(report.name, kind, drain, deploy, health_command=health, listens_via=via)
    options = type(args).options()
    others = tuple(
        (dashed(options[other.option].name), other.port)
        for other in listeners
        if not other.serves and other.port is not None
    )
    return Member(
        report.name,
        kind,
        drain,
        deploy,
        host=served.host,
        port=served.port,
        port_option=f"--{dashed(options[served.option].name)}",
        health_command=health,
        # ssl-cert is one of the options every server declares under the same name.
        tls=getattr(args, "ssl_cert", None) is not None,
        other_ports=others,
        listens_via=served.via,
    )
