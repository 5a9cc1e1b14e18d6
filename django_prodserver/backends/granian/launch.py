"""Granian's launcher: the process ``manage.py prodserver`` becomes (:mod:`..handover`), building Granian's
``Server`` from the validated keywords, as ``granian``'s command does, with faults reported in one line.

It runs in a fresh interpreter that imports Granian and no Django, pydantic nor project: Granian's
workers (spawned) import the application, and a ``HUP`` reload spawns them again with the new code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..handover import ServerStartError, freeze_before_fork, launched, taken_over

if TYPE_CHECKING:
    from granian.server.common import AbstractServer


@dataclass(frozen=True)
class Places:
    """What the one-line faults name, as the ARGS give them (the launcher has no model to ask)."""

    address: str
    """Where the server listens (``127.0.0.1:8000``, ``unix:/run/web.sock``)."""
    uds: str | None
    metrics: str | None
    """Where the metrics exporter listens, if it runs."""
    ssl_cert: str | None
    ssl_key: str | None


def serve(kwargs: dict[str, Any], places: Places) -> None:
    """Run Granian in the foreground until it is stopped; :class:`ServerStartError` if it cannot start."""
    from granian.errors import FatalError

    server = _build_server(kwargs, places)
    if kwargs.get("metrics_enabled"):
        _spawn_workers()
    freeze_before_fork()
    try:
        server.serve()
    except FatalError:
        # Granian logged the reason on its own line already.
        raise ServerStartError("Granian refused to start (see the error above).") from None
    except RuntimeError as exc:
        reason = _os_error_reason(exc)
        if reason is None:
            raise
        raise _socket_fault(server, places, reason) from None


def _spawn_workers() -> None:
    """Have Granian start its workers as fresh interpreters (``spawn``), not as forks of this process.

    With metrics on, Granian starts a thread per worker (its metrics receiver, which builds a tokio
    runtime) right before it forks the workers.  A worker forked while such a thread is half-way
    through initialising a global of the Rust runtime inherits it half-made: it logs "Started
    worker-N", listens, and hangs building its own runtime, never accepting a connection.  A spawned
    worker inherits no memory of this process, so no lock or half-made global either.
    """
    import multiprocessing

    multiprocessing.set_start_method("spawn", force=True)


def check_tls(kwargs: dict[str, Any], places: Places) -> None:
    """Load the certificate and key as the launcher will (Granian's ``Server`` loads them when built):
    called before the hand-over, so a fault is one line of the command that validated."""
    if places.ssl_cert is not None:
        _build_server(kwargs, places)


# Granian's Rust core reports a socket error as RuntimeError("Address already in use (os error 98)"),
# followed by a Rust backtrace when RUST_BACKTRACE is set.
_OS_ERROR = re.compile(r"(?P<reason>[^\n]+) \(os error \d+\)(\n|$)")


def _os_error_reason(exc: RuntimeError) -> str | None:
    """The reason of an OS error raised by Granian's Rust core, without error number or backtrace."""
    match = _OS_ERROR.match(str(exc))
    return match["reason"] if match else None


def _build_server(kwargs: dict[str, Any], places: Places) -> AbstractServer[Any]:
    from granian.server import Server

    try:
        return Server(**kwargs)
    except OSError as exc:
        # Granian loads the TLS certificate and key here (ssl.SSLError is an OSError); nothing else reads files.
        if places.ssl_cert is None:
            raise
        raise ServerStartError(_tls_fault(places, exc)) from None


def _tls_fault(places: Places, exc: OSError) -> str:
    if getattr(exc, "reason", None) == "KEY_VALUES_MISMATCH":
        why = "the private key does not match the certificate"
    else:
        why = exc.strerror or str(exc)
    return f"Cannot load the TLS certificate {places.ssl_cert} with the key {places.ssl_key}: {why}."


def _socket_fault(server: AbstractServer[Any], places: Places, reason: str) -> ServerStartError:
    import os

    if not server.wrks:
        # Granian binds the listening socket before it spawns any worker.
        stale = places.uds is not None and os.path.exists(places.uds)
        # A server killed without its shutdown leaves its socket file behind, and the next bind fails on it.
        remedy = " If no server is running, remove that socket file (left by one that did not stop)." if stale else ""
        return ServerStartError(f"Cannot listen on {places.address}: {reason}.{remedy}")
    # The workers run already: stop them, or the process never exits.
    server.shutdown()  # type: ignore[no-untyped-call]  # Granian leaves it unannotated
    if places.metrics is None:
        return ServerStartError(f"Granian stopped: {reason}.")
    # The metrics exporter is the only socket Granian binds after spawning the workers.
    return ServerStartError(f"Cannot serve metrics on {places.metrics}: {reason}.")


def main() -> None:
    """The launcher's entry: serve what ``manage.py prodserver`` validated and handed over."""
    kwargs, places = taken_over()
    launched(lambda: serve(kwargs, places))


if __name__ == "__main__":
    main()
