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
    program: str = ""
    """The bare command, when it is not ``key`` (``waitress-serve``)."""
    peers: tuple[str, ...] | None = None
    """The interfaces the peers suite runs (docs/choosing.md reads their keys); None: all of them."""
    single_process: bool = False
    """No worker processes (waitress): one process per interface, at 1 "worker", no access-log option."""

    @property
    def interfaces(self) -> tuple[str, ...]:
        return tuple(self.backends)

    @property
    def command(self) -> str:
        return self.program or self.key

    def peer_interfaces(self) -> tuple[str, ...]:
        return self.interfaces if self.peers is None else self.peers

    def worker_counts(self, counts: tuple[int, ...]) -> tuple[int, ...]:
        return (1,) if self.single_process else counts

    def args(self, port: int, workers: int, interface: str) -> dict[str, Any]:
        """ARGS of one prodserver process; access logs off, as everywhere in the suite."""
        common = {"address": "127.0.0.1", "port": str(port)}
        if not self.single_process:
            common |= {"workers": str(workers), "log-access": "False"}
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
    {
        "sync": "django_prodserver.backends.gunicorn.GunicornServer",
        "gthread": "django_prodserver.backends.gunicorn.GunicornServer",
    },
    # gthread with Granian's WSGI thread count: the same threads per worker on both sides.
    {"gthread": {"worker-class": "gthread", "threads": str(WSGI_THREADS)}},
    peers=("gthread",),
)
UVICORN = Family(
    "uvicorn",
    "uvicorn",
    {
        "asgi": "django_prodserver.backends.uvicorn.UvicornServer",
        "wsgi": "django_prodserver.backends.uvicorn.UvicornWSGIServer",
    },
    # Django's ASGI handler does not implement the lifespan protocol.
    {"asgi": {"lifespan": "off"}},
    peers=("asgi",),
)
WAITRESS = Family(
    "waitress",
    "waitress",
    {"wsgi": "django_prodserver.backends.waitress.WaitressServer"},
    program="waitress-serve",
    peers=(),
    single_process=True,
)
FAMILIES = (GRANIAN, GUNICORN, UVICORN, WAITRESS)
BARE_KEYS = tuple(family.key for family in FAMILIES)


def bare_key(sides: Mapping[str, object]) -> str | None:
    """The bare server's key among the contenders of one overhead or start-up group."""
    return next((key for key in BARE_KEYS if key in sides), None)
