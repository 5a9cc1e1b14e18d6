"""Typed dictionaries for the ``PRODUCTION_PROCESSES`` setting: IDE completion and type checking.

GENERATED from the ARGS models by ``python -m tests.tools.typegen``: do not edit.

    from django_prodserver.types import ProductionProcesses

    PRODUCTION_PROCESSES: ProductionProcesses = {...}

Each process is typed by its ``BACKEND``; its ``ARGS`` take the documented option names, with
the value types the ARGS model accepts (``8000`` and ``"8000"`` alike), or a model instance.
A setting that also holds custom backends: see ``CustomProcess`` and ``AnyProcess``.
"""

# No ``from __future__ import annotations``: the TypedDicts must see ``NotRequired`` at runtime.
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias

# typing_extensions' TypedDict reads NotRequired on Python 3.10 too.
from typing_extensions import NotRequired, TypedDict

if TYPE_CHECKING:
    # Only for type checkers: settings.py imports this module, and the models need pydantic,
    # which every manage.py command would then import.
    from .backends.granian.options import GranianASGIArgs, GranianWSGIArgs

Integer: TypeAlias = int | str
"""An integer, or its decimal text: ``8000`` or ``"8000"``."""
Duration: TypeAlias = int | str
"""Seconds, or Granian's duration text: ``90``, ``"90"``, ``"1h30m"``."""
Boolean: TypeAlias = bool | str
"""``True``/``False``, or their text: ``"true"``, ``"False"``, ``"0"``, ``"yes"``..."""
Number: TypeAlias = float | str
"""A number, or its text: ``3.5`` or ``"3.5"``."""
PathValue: TypeAlias = str | Path
"""A path as text or a ``pathlib.Path`` (the models refuse other ``os.PathLike`` objects)."""
PathValues: TypeAlias = PathValue | Sequence[PathValue]
"""One path, or a list of paths."""
Strings: TypeAlias = str | Sequence[str]
"""One string, or a list of strings."""


GranianArgsDict = TypedDict(
    "GranianArgsDict",
    {
        "address": str,
        "port": Integer,
        "uds": PathValue | None,
        "uds-permissions": Integer | None,
        "backlog": Integer,
        "http": Literal["auto", "1", "2", 1, 2],
        "ws": Boolean,
        "workers": Integer,
        "blocking-threads-idle-timeout": Duration,
        "runtime-threads": Integer,
        "runtime-blocking-threads": Integer | None,
        "runtime-mode": Literal["auto", "mt", "st"],
        "loop": Literal["auto", "asyncio", "rloop", "uvloop", "winloop"],
        "task-impl": Literal["asyncio", "rust"],
        "backpressure": Integer | None,
        "http1-buffer-size": Integer,
        "http1-header-read-timeout": Integer,
        "http1-keep-alive": Boolean,
        "http1-pipeline-flush": Boolean,
        "http2-adaptive-window": Boolean,
        "http2-initial-connection-window-size": Integer,
        "http2-initial-stream-window-size": Integer,
        "http2-keep-alive-interval": Integer | None,
        "http2-keep-alive-timeout": Duration,
        "http2-max-concurrent-streams": Integer,
        "http2-max-frame-size": Integer,
        "http2-max-headers-size": Integer,
        "http2-max-send-buffer-size": Integer,
        "log": Boolean,
        "log-level": Literal["critical", "error", "warning", "warn", "info", "debug", "notset"],
        "log-config": PathValue | None,
        "log-access": Boolean,
        "access-log-fmt": str | None,
        "ssl-cert": PathValue | None,
        "ssl-key": PathValue | None,
        "ssl-keyfile-password": str | None,
        "ssl-protocol-min": Literal["tls1.2", "tls1.3"],
        "ssl-ca": PathValue | None,
        "ssl-crl": PathValues,
        "ssl-client-verify": Boolean,
        "url-path-prefix": str | None,
        "factory": Boolean,
        "working-dir": PathValue | None,
        "env-files": PathValues,
        "respawn-failed-workers": Boolean,
        "respawn-interval": Number,
        "rss-sample-interval": Duration,
        "rss-samples": Integer,
        "workers-lifetime": Duration | None,
        "workers-max-rss": Integer | None,
        "workers-kill-timeout": Duration | None,
        "static-path-route": Strings,
        "static-path-mount": PathValues,
        "static-path-dir-to-file": str | None,
        "static-path-expires": Duration,
        "metrics": Boolean,
        "metrics-scrape-interval": Duration,
        "metrics-address": str,
        "metrics-port": Integer,
        "reload": Boolean,
        "reload-paths": PathValues,
        "reload-ignore-dirs": Strings,
        "reload-ignore-patterns": Strings,
        "reload-ignore-paths": PathValues,
        "reload-tick": Integer,
        "reload-ignore-worker-failure": Boolean,
        "process-name": str | None,
        "pid-file": PathValue | None,
    },
    total=False,
)
"""ARGS shared by ``GranianASGIServer``, ``GranianWSGIServer``."""


_GranianASGIOwnArgs = TypedDict(
    "_GranianASGIOwnArgs",
    {
        "blocking-threads": Integer,
        "threads": Integer | None,
    },
    total=False,
)
"""The ARGS only ``GranianASGIServer`` has."""


class GranianASGIArgsDict(GranianArgsDict, _GranianASGIOwnArgs, total=False):
    """ARGS of ``django_prodserver.backends.granian.GranianASGIServer``, under their documented names."""


class GranianASGIProcess(TypedDict):
    """A process served by ``GranianASGIServer``."""

    BACKEND: Literal["django_prodserver.backends.granian.GranianASGIServer"]
    ARGS: NotRequired["GranianASGIArgsDict | GranianASGIArgs"]


class _GranianWSGIOwnArgs(TypedDict, total=False):
    """The ARGS only ``GranianWSGIServer`` has."""

    threads: Integer


class GranianWSGIArgsDict(GranianArgsDict, _GranianWSGIOwnArgs, total=False):
    """ARGS of ``django_prodserver.backends.granian.GranianWSGIServer``, under their documented names."""


class GranianWSGIProcess(TypedDict):
    """A process served by ``GranianWSGIServer``."""

    BACKEND: Literal["django_prodserver.backends.granian.GranianWSGIServer"]
    ARGS: NotRequired["GranianWSGIArgsDict | GranianWSGIArgs"]


class CustomProcess(TypedDict):
    """A process whose backend is not typed here (a custom or django-prodserver 3.x backend)."""

    BACKEND: str
    ARGS: NotRequired[Mapping[str, object] | str]


ProductionProcesses: TypeAlias = dict[str, GranianASGIProcess | GranianWSGIProcess]
"""The ``PRODUCTION_PROCESSES`` setting when every process uses a typed backend."""

AnyProcess: TypeAlias = GranianASGIProcess | GranianWSGIProcess | CustomProcess
"""Any process.  ``CustomProcess`` accepts any ``BACKEND`` string, so annotate typed processes
on their own (``WEB: GranianASGIProcess = {...}``) before putting them in a
``dict[str, AnyProcess]``: inside that union a misspelt key would match ``CustomProcess``."""

__all__ = [
    "AnyProcess",
    "Boolean",
    "CustomProcess",
    "Duration",
    "GranianASGIArgsDict",
    "GranianASGIProcess",
    "GranianArgsDict",
    "GranianWSGIArgsDict",
    "GranianWSGIProcess",
    "Integer",
    "Number",
    "PathValue",
    "PathValues",
    "ProductionProcesses",
    "Strings",
]
