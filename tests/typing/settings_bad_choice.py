"""An ``http`` value that is not one of the choices."""

from django_prodserver.types import GranianASGIArgsDict, ProductionProcesses

PRODUCTION_PROCESSES: ProductionProcesses = {
    "web": {
        "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
        "ARGS": {"http": "3"},
    },
}

# Written as a GranianASGIArgsDict(...) call, the ARGS get the exact key in the message.
EXACT: ProductionProcesses = {
    "web": {
        "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
        "ARGS": GranianASGIArgsDict({"http": "3"}),
    },
}
