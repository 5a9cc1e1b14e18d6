"""A setting that shows each check ID of the django-tasks worker (see ``django_prodserver/catalogue.py``).

The examples replace what the worker reads of the project (:func:`.backend.project_settings`)
with a project that installs django-tasks-db; the settings twins run on the unit tests' project.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...catalogue import Example

WORKER = "django_prodserver.backends.django_tasks.DjangoTasksWorker"
SETTINGS = "django_prodserver.backends.django_tasks.backend"
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def project(**changes: Any) -> tuple[tuple[str, str, Callable[[], dict[str, Any]]], ...]:
    """Pretend a project with django-tasks-db installed and configured, but for ``changes``."""
    settings = {"tasks": DATABASE, "app_installed": True, "debug": False, **changes}
    return ((SETTINGS, "project_settings", lambda: settings),)


def tasks(args: object) -> dict[str, object]:
    return {"tasks": {"BACKEND": WORKER, "ARGS": args}}


EXAMPLES: tuple[Example, ...] = (
    Example("prodserver.E127", tasks({}), pretend=project(tasks=None)),
    Example(
        "prodserver.E127",
        tasks({"backend": "default"}),
        pretend=project(tasks={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}),
    ),
    Example("prodserver.E128", tasks({}), pretend=project(app_installed=False)),
    Example("prodserver.E129", tasks({"exclude-queues": "emails"}), pretend=project()),
    Example("prodserver.E130", tasks({"worker-id": "w" * 65}), pretend=project()),
    Example("prodserver.E141", tasks({"queue-name": "emails"}), pretend=project()),
    Example("prodserver.W126", tasks({"batch": True, "reload": True}), pretend=project()),
    Example("prodserver.W127", tasks({}), pretend=project(debug=True), deploy=True),
)
