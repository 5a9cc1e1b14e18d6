"""Development server backends: run a Django management command (``runserver`` and its extensions).

:class:`RunserverBackend` is the shared part: the command runs in-process through
``call_command`` with the keywords its own parser would give it, and ``--dry-run`` prints the
``python manage.py <command>`` line.  Importing this module imports no tool.
"""

from __future__ import annotations

import signal
from types import FrameType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from ...problems import Problem
from ..applications import wsgi_target
from ..base import ServerStartError, TypedServer
from ..drain import INT, TERM, Drain
from ..listening import Listener
from .options import STATICFILES_OPTIONS, RunserverArgs
from .rendering import command_argv, command_options, listeners
from .rules import runserver_problems, staticfiles_installed

if TYPE_CHECKING:
    from django.core.management.base import BaseCommand

ArgsT = TypeVar("ArgsT", bound=RunserverArgs)


class RunserverBackend(TypedServer[ArgsT]):
    """A development server started as the management command :attr:`command`."""

    program = "python"
    command: ClassVar[str]
    """The management command, as ``manage.py`` names it."""

    def command_instance(self) -> BaseCommand:
        """The command to run (imports the tool)."""
        raise NotImplementedError

    def own_problems(self, args: ArgsT) -> list[Problem]:
        """The backend's rules beyond the shared ones."""
        return []

    def left_out(self, args: ArgsT) -> tuple[str, ...]:
        """Options not passed on: without staticfiles, runserver has no --nostatic or --insecure."""
        return () if staticfiles_installed() else STATICFILES_OPTIONS

    def rules(self, args: ArgsT, *, starting: bool) -> list[Problem]:
        return [*runserver_problems(args, self.command), *self.own_problems(args)]

    def command_line(self, args: ArgsT, *, reveal_secrets: bool = False) -> list[str]:
        return command_argv(self.command, args, self.left_out(args))

    def listeners(self, args: ArgsT) -> tuple[Listener, ...]:
        return listeners(args)

    def run_arguments(self, args: ArgsT) -> tuple[list[str], dict[str, Any]]:
        """The positional arguments and keywords ``call_command`` gives the command."""
        return command_options(args, self.left_out(args))

    def drain(self, args: ArgsT) -> Drain:
        # A development server: it stops at once on SIGINT, and on SIGTERM as run() installs it.
        return Drain((TERM, INT), 0)

    def run(self, args: ArgsT) -> None:
        from django.core.management import CommandError, call_command

        positional, options = self.run_arguments(args)
        # A development server stops on Ctrl-C; SIGTERM (a supervisor, a container) stops it as cleanly.
        signal.signal(signal.SIGTERM, _exit)
        try:
            call_command(self.command_instance(), *positional, **options)
        except CommandError as exc:
            raise ServerStartError(str(exc)) from None


RETRY_SECONDS = 0.05
"""How soon a SIGTERM that arrived during a request is acted on again."""


def _exit(signum: int, frame: FrameType | None) -> Any:
    if _in_request(frame):
        # Without threads the request runs in this (the main) thread, and wsgiref's handler catches
        # everything a request raises (a bare except): a SystemExit there answered 500 and was lost.
        # Let the request finish; SIGALRM brings this handler back until it lands between requests.
        signal.signal(signal.SIGALRM, _exit)
        signal.setitimer(signal.ITIMER_REAL, RETRY_SECONDS)
        return
    raise SystemExit(0)


def _in_request(frame: FrameType | None) -> bool:
    """Whether ``frame`` runs inside wsgiref's handling of a request."""
    from wsgiref.handlers import BaseHandler

    while frame is not None:
        if frame.f_code is BaseHandler.run.__code__:
            return True
        frame = frame.f_back
    return False


class DjangoRunserver(RunserverBackend[RunserverArgs]):
    """Django's own ``runserver`` (with ``django.contrib.staticfiles``' static files when installed)."""

    args_model = RunserverArgs
    command = "runserver"

    def command_instance(self) -> BaseCommand:
        # Django's runserver even when another app (daphne) overrides the command's name.
        if staticfiles_installed():
            from django.contrib.staticfiles.management.commands.runserver import Command
        else:
            from django.core.management.commands.runserver import Command  # type: ignore[assignment]
        return Command()

    def target(self) -> str:
        return wsgi_target()
