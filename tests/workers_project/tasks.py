"""Tasks of every tool; each leaves a file in $WORKERS_DIR, so a test sees that it ran (and finished)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from celery import shared_task  # type: ignore[import-untyped]
from django_tasks import task

DIRECTORY = Path(os.environ.get("WORKERS_DIR", "/tmp/prodserver-workers"))


def mark(name: str, seconds: float = 0.0) -> str:
    """Write ``<name>.started``, sleep ``seconds``, write ``<name>.done``."""
    (DIRECTORY / f"{name}.started").write_text(str(os.getpid()))
    time.sleep(seconds)
    (DIRECTORY / f"{name}.done").write_text(str(os.getpid()))
    return name


@shared_task(name="tests.workers_project.tasks.celery_mark")  # type: ignore[untyped-decorator]
def celery_mark(name: str, seconds: float = 0.0) -> str:
    return mark(name, seconds)


@shared_task(name="tests.workers_project.tasks.tick")  # type: ignore[untyped-decorator]
def tick() -> None:
    mark("tick")


@task()
def tasks_mark(name: str, seconds: float = 0.0) -> str:
    return mark(name, seconds)
