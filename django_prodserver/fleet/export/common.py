"""What several exports share: the environment of a process, the facts a comment states about it."""

from __future__ import annotations

from dataclasses import dataclass

from ..launch import Launch
from ..plan import Member
from . import ExportError


def environment(member: Member, launch: Launch) -> dict[str, str]:
    """The variables a process is started with: the settings module, then its ``DEPLOY`` environment."""
    return {**launch.environment(), **member.deploy.env}


def drain_words(member: Member) -> str:
    """``drains on SIGTERM within 30 s (graceful-timeout)``: the facts behind a stop budget."""
    drain = member.drain
    if drain.seconds is None:
        limit = f"without a limit (set {drain.option} to bound it)" if drain.option else "without a known limit"
        return f"drains on {drain.signal} {limit}; budget {member.stop_budget} s"
    option = f" ({drain.option})" if drain.option else ""
    return f"drains on {drain.signal} within {drain.seconds:g} s{option}; budget {member.stop_budget} s"


def reachable(member: Member, fmt: str) -> None:
    """A server in a container must listen on every interface: a loopback address serves nobody outside."""
    if member.listens_via is not None and member.port is None:
        raise ExportError(
            f"Process {member.name!r} listens on a Unix socket, which {fmt} cannot route to; "
            "give it an address and a port."
        )
    if member.host is not None and (member.host.startswith("127.") or member.host in {"::1", "localhost"}):
        raise ExportError(
            f"Process {member.name!r} listens on {member.host}, which nothing outside its container reaches; "
            "set its ARGS address to '0.0.0.0' (or '::')."
        )


@dataclass(frozen=True)
class Probe:
    """How an engine tells that a process is healthy: its port, a path on it, its own command, or nothing."""

    port: int | None = None
    host: str = "127.0.0.1"
    path: str | None = None
    scheme: str = "http"
    command: str | None = None
    absent: str | None = None
    """Why there is no probe, for a comment."""


def probe(member: Member) -> Probe:
    if member.port is not None:
        # Inside the container: the wildcard address answers on loopback.
        host = "::1" if member.host == "::" else member.host if member.host not in {None, "0.0.0.0"} else "127.0.0.1"
        scheme = "https" if member.tls else "http"
        return Probe(member.port, host or "127.0.0.1", member.deploy.health_path, scheme)
    if member.health_command is not None:
        return Probe(command=member.health_command)
    return Probe(
        absent=f"no probe: {member.name} offers no health check a probe could run, and one that cannot pass "
        "would restart it forever"
    )


def python_check(found: Probe) -> list[str]:
    """A check the image's own Python runs (no curl needed): connect to the port, or GET the path."""
    host = f"[{found.host}]" if ":" in found.host else found.host
    if found.path is None:
        code = f"import socket; socket.create_connection(({found.host!r}, {found.port}), 5).close()"
    else:
        url = f"{found.scheme}://{host}:{found.port}{found.path}"
        code = f"import urllib.request; urllib.request.urlopen({url!r}, timeout=5)"
        if found.scheme == "https":
            # The certificate names the public host, not the loopback address the probe uses.
            unverified = "ssl._create_unverified_context()"
            code = f"import ssl, urllib.request; urllib.request.urlopen({url!r}, timeout=5, context={unverified})"
    return ["python", "-c", code]
