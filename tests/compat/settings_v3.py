"""A project's settings written for django-prodserver 3.0, unchanged: every kind of process it had.

3.x's module paths (``backends.servers.*``, ``backends.dev.*``, ``backends.workers.*``), its ARGS
conventions (waitress' and gunicorn's own flag names, ``None`` for a flag without a value, a
string of flags) and its commands (``manage.py server``, ``manage.py worker``) must keep working:
``tests/integration/test_compat.py`` runs ``check``, ``--list`` and ``--dry-run`` on this file.
The project is example/'s demo; the workers use the workers' test project (Celery app, task apps).
"""

from __future__ import annotations

import importlib
from typing import Any

from tests.workers_project.settings import CELERY_APP, DATABASES, Q_CLUSTER, TASKS  # noqa: F401

# The demo project's settings, as a star import would give them; imported by name so that type
# checkers judge this file, not the demo's (whose PRODUCTION_PROCESSES is typed with the documented paths).
_demo = importlib.import_module("demo.settings")
globals().update({name: value for name, value in vars(_demo).items() if name.isupper() and name != "DATABASES"})

ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# daphne first, so that its runserver is `manage.py runserver`; django_extensions has runserver_plus.
INSTALLED_APPS = ["daphne", *_demo.INSTALLED_APPS, "django_tasks", "django_tasks_db", "django_q", "django_extensions"]
ASGI_APPLICATION = "demo.asgi.application"

PRODUCTION_PROCESSES: dict[str, Any] = {
    "web": {
        "BACKEND": "django_prodserver.backends.servers.gunicorn.GunicornServer",
        "ARGS": {"bind": "0.0.0.0:8111", "preload": None},
    },
    "granian-asgi": {
        "BACKEND": "django_prodserver.backends.servers.granian.GranianASGIServer",
        "ARGS": {"address": "0.0.0.0", "port": "8000", "workers": "4"},
    },
    "granian-wsgi": {
        "BACKEND": "django_prodserver.backends.servers.granian.GranianWSGIServer",
        "ARGS": {"address": "0.0.0.0", "port": "8001", "workers": "4"},
    },
    "waitress": {
        "BACKEND": "django_prodserver.backends.servers.waitress.WaitressServer",
        "ARGS": "--port=8002 --threads=8 --no-ipv6",
    },
    "uvicorn": {
        "BACKEND": "django_prodserver.backends.servers.uvicorn.UvicornServer",
        "ARGS": {"port": "8003"},
    },
    "uvicorn-wsgi": {
        "BACKEND": "django_prodserver.backends.servers.uvicorn.UvicornWSGIServer",
        "ARGS": {"port": "8004"},
    },
    "dev": {
        "BACKEND": "django_prodserver.backends.dev.django_runserver.DjangoRunserver",
        "ARGS": {"addrport": "127.0.0.1:8010", "nothreading": None},
    },
    "dev-asgi": {
        "BACKEND": "django_prodserver.backends.dev.daphne.DaphneRunserver",
        "ARGS": {"addrport": "8011", "websocket_handshake_timeout": 5},
    },
    "dev-plus": {
        "BACKEND": "django_prodserver.backends.dev.werkzeug.RunserverPlus",
        "ARGS": {"addrport": "127.0.0.1:8012", "threaded": True, "extra_files": ["demo/urls.py"]},
    },
    "worker": {
        "BACKEND": "django_prodserver.backends.workers.celery.CeleryWorker",
        "APP": CELERY_APP,
        "ARGS": {"concurrency": "2", "loglevel": "info"},
    },
    "beat": {
        "BACKEND": "django_prodserver.backends.workers.celery.CeleryBeat",
        "APP": CELERY_APP,
        "ARGS": {},
    },
    "flower": {
        "BACKEND": "django_prodserver.backends.servers.flower.CeleryFlower",
        "APP": CELERY_APP,
        "ARGS": {"port": "5555", "address": "0.0.0.0"},
    },
    "tasks": {
        "BACKEND": "django_prodserver.backends.workers.django_tasks.DjangoTasksWorker",
        "ARGS": {},
    },
    "q2": {"BACKEND": "django_prodserver.backends.workers.django_q2.DjangoQ2Worker", "ARGS": {}},
}
