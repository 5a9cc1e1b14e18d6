"""A misspelt keyword of an ARGS model (the pydantic mypy plugin reports it)."""

from django_prodserver.backends.granian import GranianASGIArgs
from django_prodserver.types import ProductionProcesses

PRODUCTION_PROCESSES: ProductionProcesses = {
    "web": {
        "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
        "ARGS": GranianASGIArgs(adress="0.0.0.0", port=8000),
    },
}
