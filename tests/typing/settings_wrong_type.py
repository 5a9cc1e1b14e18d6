from django_prodserver.types import ProductionProcesses

PRODUCTION_PROCESSES: ProductionProcesses = {
    "web": {
        "BACKEND": "django_prodserver.backends.gunicorn.GunicornServer",
        "ARGS": {"bind": "0.0.0.0:8000", "workers": 2.5},
    },
}
