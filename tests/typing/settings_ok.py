"""One ordinary process per built-in backend, as the docs write them: mypy --strict and pyright say nothing."""

from pathlib import Path

from django_prodserver.types import ProductionProcesses

BASE_DIR = Path(__file__).resolve().parent


PRODUCTION_PROCESSES: ProductionProcesses = {
    "web": {
        "BACKEND": "django_prodserver.backends.granian.GranianWSGIServer",
        "ARGS": {"address": "0.0.0.0", "port": 8000, "workers": 4, "threads": "4", "http": "auto"},
        "DEPLOY": {"replicas": 3, "health_path": "/healthz", "memory": "512"},
    },
    "asgi": {
        "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
        "ARGS": {
            "port": 8001,
            "http": 2,
            "log-access": False,
            "workers-lifetime": "6h",
            "ssl-cert": BASE_DIR / "cert.pem",
            "ssl-key": None,
            "static-path-route": ["/static", "/media"],
            "static-path-mount": [BASE_DIR / "static", "media"],
        },
    },
    "seed": {
        "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
        "ARGS": {"address": "0.0.0.0", "port": "8000", "workers": "4", "log-access": "False"},
    },
    "gunicorn": {
        "BACKEND": "django_prodserver.backends.gunicorn.GunicornServer",
        "ARGS": {"bind": "0.0.0.0:8002", "workers": 4, "log-level": "info"},
    },
    "uvicorn": {"BACKEND": "django_prodserver.backends.uvicorn.UvicornServer", "ARGS": {"port": 8003, "workers": 2}},
    "uvicorn-wsgi": {"BACKEND": "django_prodserver.backends.uvicorn.UvicornWSGIServer", "ARGS": {"port": "8004"}},
    "worker": {
        "BACKEND": "django_prodserver.backends.celery.CeleryWorker",
        "APP": "mysite.celery.app",
        "ARGS": {"concurrency": 4, "loglevel": "INFO", "queues": ["default", "mail"]},
    },
    "beat": {
        "BACKEND": "django_prodserver.backends.celery.CeleryBeat",
        "APP": "mysite.celery.app",
        "ARGS": {"loglevel": "info"},
    },
    "flower": {
        "BACKEND": "django_prodserver.backends.celery.CeleryFlower",
        "APP": "mysite.celery.app",
        "ARGS": {"port": 5555},
    },
    "tasks": {"BACKEND": "django_prodserver.backends.django_tasks.DjangoTasksWorker", "ARGS": {"queue-name": "*"}},
    "q2": {"BACKEND": "django_prodserver.backends.django_q2.DjangoQ2Worker"},
    "waitress": {"BACKEND": "django_prodserver.backends.waitress.WaitressServer", "ARGS": {"port": 8005, "threads": 8}},
    "dev": {"BACKEND": "django_prodserver.backends.django_runserver.DjangoRunserver", "ARGS": {"addrport": 8006}},
    "daphne": {"BACKEND": "django_prodserver.backends.daphne.DaphneRunserver", "ARGS": {"addrport": "8007"}},
    "plus": {"BACKEND": "django_prodserver.backends.werkzeug.WerkzeugRunserver", "ARGS": {"addrport": "8008"}},
}
