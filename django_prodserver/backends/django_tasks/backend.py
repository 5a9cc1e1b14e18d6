"""The django-tasks database worker: ``manage.py db_worker`` of django-tasks-db.

django-prodserver 3.x called ``db_worker`` from django-tasks, which moved it to django-tasks-db
in 0.12.  Importing this module reads no setting and imports neither package.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.conf import settings

from ...args.base import Package
from ...problems import Problem
from ..base import ServerStartError, TypedWorker
from ..drain import INT, TERM, Drain
from .options import DjangoTasksArgs
from .rendering import COMMAND, command_line
from .rules import APP, tasks_problems


def project_settings() -> dict[str, Any]:
    """What db_worker reads of the project: TASKS, whether its app is installed, DEBUG."""
    return {
        "tasks": getattr(settings, "TASKS", None),
        "app_installed": apps.is_installed(APP),
        "debug": settings.DEBUG,
    }


class DjangoTasksWorker(TypedWorker[DjangoTasksArgs]):
    """Run the tasks of a django-tasks database backend; SIGTERM lets the running task finish."""

    args_model = DjangoTasksArgs
    program = "python"
    requires = Package("django_tasks_db", "django-prodserver[django-tasks]")

    def rules(self, args: DjangoTasksArgs, *, starting: bool) -> list[Problem]:
        return tasks_problems(args, **project_settings())

    def command_line(self, args: DjangoTasksArgs, *, reveal_secrets: bool = False) -> list[str]:
        return command_line(args, reveal_secrets=reveal_secrets)

    def drain(self, args: DjangoTasksArgs) -> Drain:
        # db_worker finishes the task it is running on SIGTERM or SIGINT, however long it takes.
        return Drain((TERM, INT), None)

    def run(self, args: DjangoTasksArgs) -> None:
        from django.core.management import CommandError, call_command
        from django.db import DatabaseError

        try:
            call_command(COMMAND, *self.command_line(args, reveal_secrets=True)[3:])
        except CommandError as error:
            raise ServerStartError(f"db_worker refused to start: {error}") from None
        except DatabaseError as error:
            # No tasks table (migrate not run) or a database that is down: one line, not a traceback.
            raise ServerStartError(
                f"db_worker cannot read its tasks from the database ({type(error).__name__}: {error}); "
                "run 'manage.py migrate', and check that the database is reachable."
            ) from None
