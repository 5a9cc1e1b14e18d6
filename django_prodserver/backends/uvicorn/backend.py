"""uvicorn backends: serve the Django project's ASGI application, or its WSGI one through uvicorn's adapter.

Importing this module reads no setting and does not import uvicorn: the check imports it.
:meth:`UvicornBackend.run` imports the application (a fault is one line), then hands the validated
configuration over to :mod:`.launch`, which replaces this process and imports uvicorn.
"""

from __future__ import annotations

import sys
from typing import ClassVar, TypeVar

from ...args.base import Package
from ...problems import Problem
from ...rules.application import lifespan_problems
from ..applications import application_fault, asgi_target, wsgi_target
from ..base import ServerStartError, TypedServer
from ..drain import INT, TERM, Drain
from ..handover import hand_over
from ..listening import Listener
from .native import EXTRA
from .options import UvicornArgs, UvicornASGIArgs, UvicornWSGIArgs
from .rendering import Invocation, command_line, config_kwargs, listeners, wsgi_threads
from .rules import uvicorn_problems

ArgsT = TypeVar("ArgsT", bound=UvicornArgs)


class UvicornBackend(TypedServer[ArgsT]):
    """Common part of the uvicorn backends; subclasses pick the model, interface and target."""

    program = "uvicorn"
    requires = Package("uvicorn", EXTRA)
    interface: ClassVar[str]

    def invocation(self, args: ArgsT) -> Invocation:
        return Invocation(target=self.target(), interface=self.interface, args=args)

    def target(self) -> str:
        raise NotImplementedError

    def target_problems(self, args: ArgsT | None) -> list[Problem]:
        if args is not None and args.app_dir is not None:
            # uvicorn imports the application from its app-dir, not from here.
            return []
        return super().target_problems(args)

    def rules(self, args: ArgsT, *, starting: bool) -> list[Problem]:
        return uvicorn_problems(args, starting=starting)

    def command_line(self, args: ArgsT, *, reveal_secrets: bool = False) -> list[str]:
        return command_line(self.invocation(args), reveal_secrets=reveal_secrets)

    def listeners(self, args: ArgsT) -> tuple[Listener, ...]:
        return listeners(args)

    def drain(self, args: ArgsT) -> Drain:
        # uvicorn shuts down gracefully on SIGINT and SIGTERM, waiting for requests without limit unless told.
        return Drain((TERM, INT), args.timeout_graceful_shutdown, "timeout-graceful-shutdown")

    def launch(self, args: ArgsT) -> tuple[dict[str, object], int | None, str | None]:
        """What :mod:`.launch` serves: ``uvicorn.Config``'s keywords, the WSGI threads, the app-dir."""
        app_dir = None if args.app_dir is None else str(args.app_dir.absolute())
        return config_kwargs(self.invocation(args)), wsgi_threads(args), app_dir

    def run(self, args: ArgsT) -> None:
        launch = self.launch(args)
        if launch[2] is not None:
            # As uvicorn's --app-dir does, so the target imports from that directory.
            sys.path.insert(0, launch[2])
        if (fault := application_fault(self.target())) is not None:
            raise ServerStartError(fault)
        if launch[0].get("ssl_certfile") is not None:
            # Judged here, in one line, before the hand-over (imports uvicorn, in this process only then).
            from .launch import check_tls

            check_tls(launch[0], launch[1])
        hand_over("django_prodserver.backends.uvicorn.launch", launch)


class UvicornServer(UvicornBackend[UvicornASGIArgs]):
    """Serve ``ASGI_APPLICATION`` (or the ``asgi`` module beside ``WSGI_APPLICATION``)."""

    args_model = UvicornASGIArgs
    # Django's ASGIHandler is an ASGI 3 application; saying so spares uvicorn's guess.
    interface = "asgi3"

    def target(self) -> str:
        return asgi_target()

    def rules(self, args: UvicornASGIArgs, *, starting: bool) -> list[Problem]:
        outcome = "uvicorn's startup fails with a traceback, and it exits (status 3)"
        return [
            *super().rules(args, starting=starting),
            *lifespan_problems("lifespan", args.lifespan, self.target(), outcome),
        ]


class UvicornWSGIServer(UvicornBackend[UvicornWSGIArgs]):
    """Serve ``WSGI_APPLICATION`` through uvicorn's WSGI interface (a2wsgi when installed)."""

    args_model = UvicornWSGIArgs
    interface = "wsgi"

    def target(self) -> str:
        return wsgi_target()
