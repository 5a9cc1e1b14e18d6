from django_prodserver.types import ProductionProcesses

PRODUCTION_PROCESSES: ProductionProcesses = {
    "worker": {
        "BACKEND": "django_prodserver.backends.celery.CeleryWorker",
        "ARGS": {"concurrency": 4},
    },
    "web": {
        "BACKEND": "django_prodserver.backends.granian.GranianWSGIServer",
        "ARGS": {"bind": "0.0.0.0:8000"},
    },
}
