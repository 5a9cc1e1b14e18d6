"""Granian backends: serve the Django project's ASGI or WSGI application with Granian.

Importing this module reads no setting and does not import granian: the check imports it
on every management command.  Granian is imported when a server starts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from ...args.base import Package
from ...problems import Problem
from ..applications import application_fault, asgi_target, wsgi_target
from ..base import ServerStartError, TypedServer, freeze_before_fork
from ..drain import INT, TERM, Drain
from .options import GranianArgs, GranianASGIArgs, GranianWSGIArgs
from .rendering import Invocation, bind_address, command_line, metrics_address, server_kwargs
from .rules import granian_problems

if TYPE_CHECKING:
    from granian.server.common import AbstractServer

ArgsT = TypeVar("ArgsT", bound=GranianArgs)


class GranianServer(TypedServer[ArgsT]):
    """Common part of the Granian backends; subclasses pick the model, interface and target."""

    program = "granian"
    requires = Package("granian", "django-prodserver[granian]")
    reuses_port = True
    interface: ClassVar[str]

    def invocation(self, args: ArgsT) -> Invocation:
        return Invocation(target=self.target(), interface=self.interface, args=args)

    def target(self) -> str:
        raise NotImplementedError

    def target_problems(self, args: ArgsT | None) -> list[Problem]:
        if args is not None and args.working_dir is not None:
            # Granian imports the application from its working directory, not from here.
            return []
        return super().target_problems(args)

    def rules(self, args: ArgsT, *, starting: bool) -> list[Problem]:
        return granian_problems(args, wsgi=self.interface == "wsgi", starting=starting)

    def command_line(self, args: ArgsT, *, reveal_secrets: bool = False) -> list[str]:
        return command_line(self.invocation(args), reveal_secrets=reveal_secrets)

    def address(self, args: ArgsT) -> str:
        return bind_address(args)

    def address_option(self, args: ArgsT) -> str:
        return "uds" if args.uds is not None else "port"

    def other_addresses(self, args: ArgsT) -> dict[str, str]:
        return {"metrics_port": metrics_address(args)} if args.metrics else {}

    def drain(self, args: ArgsT) -> Drain:
        # Granian stops on SIGINT and SIGTERM alike; it waits for its workers without limit unless told.
        return Drain((TERM, INT), args.workers_kill_timeout, "workers-kill-timeout")

    def run(self, args: ArgsT) -> None:
        from granian.errors import FatalError

        invocation = self.invocation(args)
        if invocation.args.working_dir is not None:
            # As Granian's CLI does, so the target imports from the working directory.
            from granian._internal import patch_pypath

            patch_pypath(invocation.args.working_dir)
        # Granian would import the application in each worker and log a traceback per worker.
        if (fault := application_fault(invocation.target)) is not None:
            raise ServerStartError(fault)
        server = _build_server(invocation)
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
            raise _socket_fault(server, invocation.args, reason) from None


# Granian's Rust core reports a socket error as RuntimeError("Address already in use (os error 98)"),
# followed by a Rust backtrace when RUST_BACKTRACE is set.
_OS_ERROR = re.compile(r"(?P<reason>[^\n]+) \(os error \d+\)(\n|$)")


def _os_error_reason(exc: RuntimeError) -> str | None:
    """The reason of an OS error raised by Granian's Rust core, without error number or backtrace."""
    match = _OS_ERROR.match(str(exc))
    return match["reason"] if match else None


def _build_server(invocation: Invocation) -> AbstractServer[Any]:
    from granian.server import Server

    try:
        return Server(**server_kwargs(invocation))
    except OSError as exc:
        # Granian loads the TLS certificate and key here (ssl.SSLError is an OSError); nothing else reads files.
        if invocation.args.ssl_cert is None:
            raise
        raise ServerStartError(_tls_fault(invocation.args, exc)) from None


def _tls_fault(args: GranianArgs, exc: OSError) -> str:
    if getattr(exc, "reason", None) == "KEY_VALUES_MISMATCH":
        why = "the private key does not match the certificate"
    else:
        why = exc.strerror or str(exc)
    return f"Cannot load the TLS certificate {args.ssl_cert} with the key {args.ssl_key}: {why}."


def _socket_fault(server: AbstractServer[Any], args: GranianArgs, reason: str) -> ServerStartError:
    if not server.wrks:
        # Granian binds the listening socket before it spawns any worker.
        stale = args.uds is not None and args.uds.exists()
        # A server killed without its shutdown leaves its socket file behind, and the next bind fails on it.
        remedy = " If no server is running, remove that socket file (left by one that did not stop)." if stale else ""
        return ServerStartError(f"Cannot listen on {bind_address(args)}: {reason}.{remedy}")
    # The workers run already: stop them, or the process never exits.
    server.shutdown()  # type: ignore[no-untyped-call]  # Granian leaves it unannotated
    if not args.metrics:
        return ServerStartError(f"Granian stopped: {reason}.")
    # The metrics exporter is the only socket Granian binds after spawning the workers.
    return ServerStartError(f"Cannot serve metrics on {metrics_address(args)}: {reason}.")


class GranianASGIServer(GranianServer[GranianASGIArgs]):
    """Serve ``ASGI_APPLICATION`` (or the ``asgi`` module beside ``WSGI_APPLICATION``)."""

    args_model = GranianASGIArgs
    # Django's ASGIHandler refuses the lifespan protocol; "asginl" is Granian's ASGI
    # without lifespan, so no "Lifespan errored" warning at every start.
    interface = "asginl"

    def target(self) -> str:
        return asgi_target()


class GranianWSGIServer(GranianServer[GranianWSGIArgs]):
    """Serve ``WSGI_APPLICATION``."""

    args_model = GranianWSGIArgs
    interface = "wsgi"

    def target(self) -> str:
        return wsgi_target()
