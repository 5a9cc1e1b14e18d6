"""A setting with a custom backend beside a Granian process, typed as the docs advise."""

from django_prodserver.types import AnyProcess, GranianASGIProcess

WEB: GranianASGIProcess = {
    "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
    "ARGS": {"address": "0.0.0.0", "wokers": 4},
}

PRODUCTION_PROCESSES: dict[str, AnyProcess] = {
    "web": WEB,
    "worker": {"BACKEND": "myproject.backends.CeleryWorker", "ARGS": {"concurrency": 4}},
}
