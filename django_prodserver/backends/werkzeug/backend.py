"""The Werkzeug development server: django-extensions' ``runserver_plus``, in-process.

Importing this module imports no tool; django-extensions and Werkzeug are imported when it starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...args.base import Package
from ...problems import Problem
from ..applications import wsgi_target
from ..django_runserver.backend import RunserverBackend
from .options import WerkzeugRunserverArgs
from .rules import werkzeug_problems

if TYPE_CHECKING:
    from django.core.management.base import BaseCommand


class WerkzeugRunserver(RunserverBackend[WerkzeugRunserverArgs]):
    """``manage.py runserver_plus``: Werkzeug's server with its interactive debugger."""

    args_model = WerkzeugRunserverArgs
    command = "runserver_plus"
    requires = Package("werkzeug", "django-prodserver[werkzeug]")

    def command_instance(self) -> BaseCommand:
        from django_extensions.management.commands.runserver_plus import Command

        return Command()

    def target(self) -> str:
        return wsgi_target()

    def own_problems(self, args: WerkzeugRunserverArgs) -> list[Problem]:
        return werkzeug_problems(args)


RunserverPlus = WerkzeugRunserver
"""django-prodserver 3.x's alias, for users coming from runserver_plus: the same class."""
