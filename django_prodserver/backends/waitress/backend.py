"""The waitress backend: serve the Django project's WSGI application with waitress 3.

Importing this module reads no setting and does not import waitress: the check imports it on
every management command.  waitress is imported when the server starts.
"""

from __future__ import annotations

import logging
import signal
from types import FrameType
from typing import Any

from ...args.base import Package
from ...problems import Problem
from ..applications import wsgi_target
from ..base import ServerStartError, TypedServer
from ..drain import TERM, Drain
from .options import WaitressArgs
from .rendering import bind_address, command_line, serve_kwargs
from .rules import waitress_problems


class WaitressServer(TypedServer[WaitressArgs]):
    """Serve ``WSGI_APPLICATION`` with waitress (threads in one process; any platform)."""

    args_model = WaitressArgs
    program = "waitress-serve"
    requires = Package("waitress", "django-prodserver[waitress]")

    def target(self) -> str:
        return wsgi_target()

    def rules(self, args: WaitressArgs, *, starting: bool) -> list[Problem]:
        return waitress_problems(args)

    def command_line(self, args: WaitressArgs, *, reveal_secrets: bool = False) -> list[str]:
        return command_line(args, self.target())

    def address(self, args: WaitressArgs) -> str:
        return bind_address(args)

    def address_option(self, args: WaitressArgs) -> str:
        return "unix_socket" if args.unix_socket is not None else "listen" if args.listen else "port"

    def drain(self, args: WaitressArgs) -> Drain:
        # waitress has no graceful stop: on SIGTERM (see run()) it closes its sockets and exits at once.
        return Drain((TERM,), 0)

    def run(self, args: WaitressArgs) -> None:
        import pkgutil

        from waitress import serve  # type: ignore[import-untyped]  # waitress ships no types

        application = pkgutil.resolve_name(self.target())
        # As waitress-serve does: its "Serving on ..." line is logged at INFO.
        logger = logging.getLogger("waitress")
        if logger.level == logging.NOTSET:
            logger.setLevel(logging.INFO)
        # waitress stops on SystemExit (closing its sockets and threads); SIGTERM would kill it mid-request.
        signal.signal(signal.SIGTERM, _exit)
        try:
            serve(application, **serve_kwargs(args))
        except ValueError as exc:
            # Adjustments refuses what the check cannot know (a host name that does not resolve).
            raise ServerStartError(f"waitress refused to start: {exc}") from None
        except OSError as exc:
            raise ServerStartError(f"Cannot listen on {bind_address(args)}: {exc.strerror or exc}.") from None


def _exit(signum: int, frame: FrameType | None) -> Any:
    raise SystemExit(0)
