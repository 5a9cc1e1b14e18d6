"""The waitress backend: serve the Django project's WSGI application with waitress 3.

Importing this module reads no setting and does not import waitress: the check imports it.
:meth:`WaitressServer.run` hands the validated keywords over to :mod:`.launch`, which replaces
this process and imports waitress and the application, as ``waitress-serve`` does.
"""

from __future__ import annotations

from typing import Any

from ...args.base import Package
from ...problems import Problem
from ..applications import wsgi_target
from ..base import TypedServer
from ..drain import INT, TERM, Drain
from ..handover import hand_over
from ..listening import Listener
from .options import WaitressArgs
from .rendering import command_line, listeners, serve_kwargs
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

    def listeners(self, args: WaitressArgs) -> tuple[Listener, ...]:
        return listeners(args)

    def drain(self, args: WaitressArgs) -> Drain:
        # waitress has no graceful stop: on SIGTERM (launch.py makes it SystemExit) or SIGINT it closes
        # its sockets and exits at once, status 0.
        return Drain((TERM, INT), 0)

    def launch(self, args: WaitressArgs) -> tuple[str, dict[str, Any], str]:
        """What :mod:`.launch` serves: the application, ``waitress.serve``'s keywords, and where it listens."""
        return self.target(), serve_kwargs(args), listeners(args)[0].address

    def run(self, args: WaitressArgs) -> None:
        hand_over("django_prodserver.backends.waitress.launch", self.launch(args))
