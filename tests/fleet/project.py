"""A project with two servers and a worker, run from example/ as a user would run it.

The settings module (``fleet_settings`` in the test's directory) is the demo's settings with
django-tasks' database backend (no broker needed) and PRODUCTION_PROCESSES on free ports: Granian
(ASGI), gunicorn (WSGI) and a django-tasks worker whose tasks leave files in the directory.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.integration.servers import django_code, free_port, run_ok

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "fleet_settings"
GRANIAN = "django_prodserver.backends.granian.GranianASGIServer"
GUNICORN = "django_prodserver.backends.gunicorn.GunicornServer"
TASKS = "django_prodserver.backends.django_tasks.DjangoTasksWorker"


def processes(web: int, wsgi: int) -> dict[str, Any]:
    return {
        "web": {"BACKEND": GRANIAN, "ARGS": {"address": "127.0.0.1", "port": web, "workers-kill-timeout": 5}},
        "wsgi": {"BACKEND": GUNICORN, "ARGS": {"address": "127.0.0.1", "port": wsgi, "graceful-timeout": 5}},
        "tasks": {"BACKEND": TASKS, "ARGS": {"interval": 0.1, "no-startup-delay": True}},
    }


def write(directory: Path, fleet: Mapping[str, Any], extra: str = "") -> None:
    database = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(directory / "db.sqlite3")}}
    (directory / f"{SETTINGS}.py").write_text(
        "from demo.settings import *  # noqa: F403\n\n"
        'INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks", "django_tasks_db"]  # noqa: F405\n'
        'TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}\n'
        f"DATABASES = {database!r}\n"
        f"PRODUCTION_PROCESSES = {dict(fleet)!r}\n{extra}"
    )


def environment(directory: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(
        PYTHONPATH=os.pathsep.join([str(directory), str(ROOT)]),
        WORKERS_DIR=str(directory),
        DJANGO_SETTINGS_MODULE=SETTINGS,
        # The venv's python and tools first: exported commands name `python`.
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
    )
    env.update(extra or {})
    return env


def migrated(directory: Path) -> Path:
    """A migrated database in ``directory``, for :func:`project` to copy."""
    write(directory, {})
    run_ok([sys.executable, "manage.py", "migrate", "--verbosity", "0"], environment(directory))
    return directory / "db.sqlite3"


def project(directory: Path, database: Path) -> tuple[int, int]:
    """The project in ``directory``, on a copy of the migrated ``database``; the servers' ports."""
    web, wsgi = free_port(), free_port()
    write(directory, processes(web, wsgi))
    shutil.copyfile(database, directory / "db.sqlite3")
    return web, wsgi


def enqueue(directory: Path, name: str, seconds: float = 0.0) -> None:
    code = f"from tests.workers_project.tasks import tasks_mark\ntasks_mark.enqueue({name!r}, {seconds})"
    run_ok(django_code(code), environment(directory))
