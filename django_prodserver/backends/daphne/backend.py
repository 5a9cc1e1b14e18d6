"""The daphne development server: daphne's ``runserver`` (Channels' former runserver), in-process.

Importing this module imports no tool; daphne is imported when the server starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings

from ...args.base import Package
from ...problems import Problem
from ..applications import import_target, wsgi_target
from ..django_runserver.backend import RunserverBackend
from .options import DaphneRunserverArgs
from .rules import daphne_problems

if TYPE_CHECKING:
    from django.core.management.base import BaseCommand


class DaphneRunserver(RunserverBackend[DaphneRunserverArgs]):
    """``manage.py runserver`` as daphne overrides it: ASGI (websockets too), with autoreload."""

    args_model = DaphneRunserverArgs
    command = "runserver"
    requires = Package("daphne", "django-prodserver[daphne]")

    def command_instance(self) -> BaseCommand:
        from daphne.management.commands.runserver import Command  # type: ignore[import-untyped]  # no types

        command: BaseCommand = Command()
        return command

    def target(self) -> str | None:
        dotted = getattr(settings, "ASGI_APPLICATION", None)
        # E111 reports a missing ASGI_APPLICATION; noasgi serves WSGI_APPLICATION.
        return import_target(str(dotted)) if dotted else None

    def target_problems(self, args: DaphneRunserverArgs | None) -> list[Problem]:
        if args is not None and args.noasgi:
            from ...rules.application import target_problems

            return target_problems(wsgi_target())
        return super().target_problems(args)

    def own_problems(self, args: DaphneRunserverArgs) -> list[Problem]:
        return daphne_problems(args)
