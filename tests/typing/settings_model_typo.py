"""ARGS as a model instance: a process annotated on its own (the pydantic mypy plugin reports the keyword)."""

from django_prodserver.backends.granian import GranianASGIArgs
from django_prodserver.types import AnyProcess, GranianASGIProcess

WEB: GranianASGIProcess = {
    "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
    "ARGS": GranianASGIArgs(adress="0.0.0.0", port=8000),
}

PRODUCTION_PROCESSES: dict[str, AnyProcess] = {"web": WEB}
