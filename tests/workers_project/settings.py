"""Settings of the workers' test project: SQLite and Kombu's filesystem transport under $WORKERS_DIR."""

from __future__ import annotations

import os
from pathlib import Path

DIRECTORY = Path(os.environ.get("WORKERS_DIR", "/tmp/prodserver-workers"))
CELERY_APP = "tests.workers_project.celery.app"

SECRET_KEY = "workers-tests-only-not-secret"
DEBUG = False
USE_TZ = True
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django_prodserver",
    "django_tasks",
    "django_tasks_db",
    "django_q",
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(DIRECTORY / "db.sqlite3")}}
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
Q_CLUSTER = {"name": "tests", "workers": 1, "orm": "default", "poll": 0.1, "timeout": 30, "retry": 60}

PRODUCTION_PROCESSES = {
    "celery": {
        "BACKEND": "django_prodserver.backends.workers.celery.CeleryWorker",
        "APP": CELERY_APP,
        "ARGS": {
            "concurrency": 1,
            "loglevel": "info",
            "without-gossip": True,
            "without-mingle": True,
            "without-heartbeat": True,
        },
    },
    "beat": {
        "BACKEND": "django_prodserver.backends.workers.celery.CeleryBeat",
        "APP": CELERY_APP,
        "ARGS": {"schedule": str(DIRECTORY / "beat-schedule"), "max-interval": 1, "loglevel": "info"},
    },
    "tasks": {
        "BACKEND": "django_prodserver.backends.workers.django_tasks.DjangoTasksWorker",
        "ARGS": {"interval": 0.1, "no-startup-delay": True},
    },
    "q2": {"BACKEND": "django_prodserver.backends.workers.django_q2.DjangoQ2Worker"},
}
