"""The servers measured both through ``manage.py prodserver`` and as their own bare command.

Each family is one tool: the backend a setting names for each interface it serves, and the ARGS
that make it serve like the bare command a user would otherwise type.  Only data and the
stdlib here: report.py and plot.py (in the matplotlib venv) read the keys too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

WSGI_THREADS = 4  # the seed's "WSGI with Thread Pool" example, and gunicorn gthread alike


@dataclass(frozen=True)
class Family:
    """``key`` is the tool's command (and the bare contender's key); ``backends`` maps interface -> class path."""

    key: str
    name: str
    """How the peers table names it after "prodserver"."""
    backends: Mapping[str, str]
    extra_args: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """ARGS beyond address, port, workers and the access log, by interface."""
    h2c: bool = False
    """Whether it serves cleartext HTTP/2 as configured, so the overhead suite loads it with h2load too."""

    @property
    def interfaces(self) -> tuple[str, ...]:
        return tuple(self.backends)

    def args(self, port: int, workers: int, interface: str) -> dict[str, Any]:
        """ARGS of one prodserver process; access logs off, as everywhere in the suite."""
        common = {"address": "127.0.0.1", "port": str(port), "workers": str(workers), "log-access": "False"}
        return {**common, **self.extra_args.get(interface, {})}

    def process_name(self, interface: str, workers: int) -> str:
        return f"{self.key}_{interface}_w{workers}"

    def group(self, interface: str, workers: int) -> str:
        """The overhead and start-up group of one pair, e.g. ``gunicorn WSGI 1w``."""
        return f"{self.key} {interface.upper()} {workers}w"


GRANIAN = Family(
    "granian",
    "Granian",
    {
        "asgi": "django_prodserver.backends.granian.GranianASGIServer",
        "wsgi": "django_prodserver.backends.granian.GranianWSGIServer",
    },
    # HTTP version left to Granian ("auto"), so it also serves h2c.
    {"wsgi": {"threads": str(WSGI_THREADS)}},
    h2c=True,
)
GUNICORN = Family(
    "gunicorn",
    "gunicorn gthread",
    {"wsgi": "django_prodserver.backends.gunicorn.GunicornServer"},
    # gthread with Granian's WSGI thread count: the same threads per worker on both sides.
    {"wsgi": {"worker-class": "gthread", "threads": str(WSGI_THREADS)}},
)
UVICORN = Family(
    "uvicorn",
    "uvicorn",
    {"asgi": "django_prodserver.backends.uvicorn.UvicornServer"},
    # Django's ASGI handler does not implement the lifespan protocol.
    {"asgi": {"lifespan": "off"}},
)
FAMILIES = (GRANIAN, GUNICORN, UVICORN)
BARE_KEYS = tuple(family.key for family in FAMILIES)


def bare_key(sides: Mapping[str, object]) -> str | None:
    """The bare server's key among the contenders of one overhead or start-up group."""
    return next((key for key in BARE_KEYS if key in sides), None)
