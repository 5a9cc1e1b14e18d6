"""An ARGS value of the wrong type."""

from django_prodserver.types import GranianWSGIArgsDict, ProductionProcesses

PRODUCTION_PROCESSES: ProductionProcesses = {
    "wsgi": {
        "BACKEND": "django_prodserver.backends.granian.GranianWSGIServer",
        "ARGS": {"workers": 2.5},
    },
}

# Written as a GranianWSGIArgsDict(...) call, the ARGS get the exact key in the message.
EXACT: ProductionProcesses = {
    "web": {
        "BACKEND": "django_prodserver.backends.granian.GranianWSGIServer",
        "ARGS": GranianWSGIArgsDict({"workers": 2.5}),
    },
}
