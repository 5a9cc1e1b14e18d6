"""Granian backends: serve the Django project's ASGI or WSGI application with Granian.

Importing this module reads no setting and does not import granian: the check imports it.
:meth:`GranianServer.run` imports the application (a fault is one line), then hands the validated
keywords over to :mod:`.launch`, which replaces this process.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from ...args.base import Package
from ...problems import Problem
from ..applications import application_fault, asgi_target, wsgi_target
from ..base import ServerStartError, TypedServer
from ..drain import INT, TERM, Drain
from ..handover import hand_over
from ..listening import Listener
from .launch import Places, check_tls
from .options import GranianArgs, GranianASGIArgs, GranianWSGIArgs
from .rendering import Invocation, command_line, listeners, server_kwargs
from .rules import granian_problems

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

    def listeners(self, args: ArgsT) -> tuple[Listener, ...]:
        return listeners(args)

    def drain(self, args: ArgsT) -> Drain:
        # Granian stops on SIGINT and SIGTERM alike; it waits for its workers without limit unless told.
        return Drain((TERM, INT), args.workers_kill_timeout, "workers-kill-timeout")

    def launch(self, args: ArgsT) -> tuple[dict[str, Any], Places]:
        """What :mod:`.launch` serves: ``granian.server.Server``'s keywords, and what its faults name."""
        served, *metrics = listeners(args)
        places = Places(
            address=served.address,
            uds=None if args.uds is None else str(args.uds),
            metrics=metrics[0].address if metrics else None,
            ssl_cert=None if args.ssl_cert is None else str(args.ssl_cert),
            ssl_key=None if args.ssl_key is None else str(args.ssl_key),
        )
        return server_kwargs(self.invocation(args)), places

    def run(self, args: ArgsT) -> None:
        if args.working_dir is not None:
            # As Granian's CLI does, so the target imports from the working directory (here, and there).
            from granian._internal import patch_pypath

            patch_pypath(args.working_dir)
        # Granian would import the application in each worker and log a traceback per worker.
        if (fault := application_fault(self.target())) is not None:
            raise ServerStartError(fault)
        launch = self.launch(args)
        check_tls(*launch)
        hand_over("django_prodserver.backends.granian.launch", launch)


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
