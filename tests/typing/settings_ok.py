"""A correct setting: mypy --strict says nothing."""

from pathlib import Path

from django_prodserver.backends.granian import GranianASGIArgs
from django_prodserver.types import GranianASGIArgsDict, ProductionProcesses

BASE_DIR = Path(__file__).resolve().parent

# Written the way the seed page writes it: every value as text.
SEED_ARGS: GranianASGIArgsDict = {"address": "0.0.0.0", "port": "8000", "workers": "4", "log-access": "False"}

PRODUCTION_PROCESSES: ProductionProcesses = {
    "web": {
        "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
        "ARGS": {
            "address": "0.0.0.0",
            "port": 8000,
            "workers": 4,
            "http": 2,
            "log-access": False,
            "workers-lifetime": "6h",
            "ssl-cert": BASE_DIR / "cert.pem",
            "ssl-key": None,
            "static-path-route": ["/static", "/media"],
            "static-path-mount": [BASE_DIR / "static", "media"],
        },
    },
    "wsgi": {
        "BACKEND": "django_prodserver.backends.granian.GranianWSGIServer",
        "ARGS": {"port": "8001", "workers": "2", "threads": "4", "http": "auto"},
    },
    "typed": {
        "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
        "ARGS": GranianASGIArgs(address="0.0.0.0", port=8000, workers=4),
    },
    "seed": {"BACKEND": "django_prodserver.backends.granian.GranianASGIServer", "ARGS": SEED_ARGS},
    "defaults": {"BACKEND": "django_prodserver.backends.granian.GranianWSGIServer"},
}
