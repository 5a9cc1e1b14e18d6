"""A misspelt ARGS key."""

from django_prodserver.types import GranianASGIArgsDict, ProductionProcesses

PRODUCTION_PROCESSES: ProductionProcesses = {
    "web": {
        "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
        "ARGS": {"address": "0.0.0.0", "wokers": 4},
    },
}

# Written as a GranianASGIArgsDict(...) call, the ARGS get the exact key in the message.
EXACT: ProductionProcesses = {
    "web": {
        "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
        "ARGS": GranianASGIArgsDict({"address": "0.0.0.0", "wokers": 4}),
    },
}
