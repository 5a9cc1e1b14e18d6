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
from typing import TYPE_CHECKING, Literal, Protocol, TypeAlias

# typing_extensions' TypedDict reads NotRequired on Python 3.10 too.
from typing_extensions import NotRequired, TypedDict

if TYPE_CHECKING:
    # Only for type checkers: settings.py imports this module, and the models need pydantic,
    # which every manage.py command would then import.
    from .backends.celery.flower_options import FlowerArgs
    from .backends.celery.options import CeleryBeatArgs, CeleryWorkerArgs
    from .backends.daphne.options import DaphneRunserverArgs
    from .backends.django_q2.options import DjangoQ2Args
    from .backends.django_runserver.options import RunserverArgs
    from .backends.django_tasks.options import DjangoTasksArgs
    from .backends.granian.options import GranianASGIArgs, GranianWSGIArgs
    from .backends.gunicorn.options import GunicornArgs
    from .backends.uvicorn.options import UvicornASGIArgs, UvicornWSGIArgs
    from .backends.waitress.options import WaitressArgs
    from .backends.werkzeug.options import WerkzeugRunserverArgs

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


class DeployDict(TypedDict, total=False):
    """DEPLOY of any process, read by the exports."""

    replicas: Integer
    health_path: str | None
    env: Mapping[str, str]
    cpu: Number | None
    memory: Integer | None


class PlatformDict(TypedDict, total=False):
    """``PRODUCTION_PLATFORM`` as a dict."""

    platform: Literal["kubernetes", "heroku", "fly", "render", "railway", "nomad", "systemd", "compose", "other"]
    stop_timeout: Duration | None
    stop_signal: Literal["SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP", "SIGUSR1", "SIGUSR2"] | None


ProductionPlatform: TypeAlias = (
    Literal["kubernetes", "heroku", "fly", "render", "railway", "nomad", "systemd", "compose", "other"] | PlatformDict
)
"""The ``PRODUCTION_PLATFORM`` setting: a platform's name, or a dict that says what yours changes."""


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
        "log-level": Literal[
            "critical",
            "error",
            "warning",
            "warn",
            "info",
            "debug",
            "notset",
            "CRITICAL",
            "ERROR",
            "WARNING",
            "WARN",
            "INFO",
            "DEBUG",
            "NOTSET",
        ],
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


HookSettingsDict = TypedDict(
    "HookSettingsDict",
    {
        "on-starting": str | None,
        "on-reload": str | None,
        "when-ready": str | None,
        "pre-fork": str | None,
        "post-fork": str | None,
        "post-worker-init": str | None,
        "worker-int": str | None,
        "worker-abort": str | None,
        "pre-exec": str | None,
        "pre-request": str | None,
        "post-request": str | None,
        "child-exit": str | None,
        "worker-exit": str | None,
        "nworkers-changed": str | None,
        "on-exit": str | None,
        "ssl-context": str | None,
        "on-dirty-starting": str | None,
        "dirty-post-fork": str | None,
        "dirty-worker-init": str | None,
        "dirty-worker-exit": str | None,
        "secure-scheme-headers": Mapping[str, str],
        "logconfig-dict": Mapping[str, object],
        "tmp-upload-dir": PathValue | None,
    },
    total=False,
)
"""ARGS shared by ``GunicornServer``."""


UvicornArgsCommonDict = TypedDict(
    "UvicornArgsCommonDict",
    {
        "address": str,
        "port": Integer,
        "backlog": Integer,
        "workers": Integer,
        "log-level": Literal[
            "critical",
            "error",
            "warning",
            "info",
            "debug",
            "trace",
            "CRITICAL",
            "ERROR",
            "WARNING",
            "INFO",
            "DEBUG",
            "TRACE",
        ],
        "log-access": Boolean,
        "ssl-cert": PathValue | None,
        "ssl-key": PathValue | None,
        "ssl-keyfile-password": str | None,
        "ssl-version": Integer,
        "ssl-cert-reqs": Integer,
        "ssl-ca-certs": PathValue | None,
        "ssl-ciphers": str | None,
        "uds": PathValue | None,
        "fd": Integer | None,
        "http": Literal["auto", "h11", "httptools", "zttp"],
        "http2": Boolean,
        "ws": Literal["auto", "none", "websockets", "websockets-sansio", "wsproto"],
        "ws-max-size": Integer,
        "ws-max-queue": Integer,
        "ws-ping-interval": Number,
        "ws-ping-timeout": Number,
        "ws-per-message-deflate": Boolean,
        "lifespan": Literal["auto", "on", "off"],
        "root-path": str,
        "app-dir": PathValue | None,
        "env-file": PathValue | None,
        "reset-contextvars": Boolean,
        "loop": Literal["auto", "asyncio", "uvloop", "zuvloop"],
        "limit-concurrency": Integer | None,
        "limit-max-requests": Integer | None,
        "limit-max-requests-jitter": Integer,
        "timeout-keep-alive": Duration,
        "timeout-graceful-shutdown": Duration | None,
        "timeout-worker-healthcheck": Duration,
        "proxy-headers": Boolean,
        "forwarded-allow-ips": Strings,
        "server-header": Boolean,
        "date-header": Boolean,
        "header": Strings,
        "h11-max-incomplete-event-size": Integer | None,
        "log-config": PathValue | None,
        "use-colors": Boolean | None,
        "reload": Boolean,
        "reload-dir": PathValues,
        "reload-include": Strings,
        "reload-exclude": Strings,
        "reload-delay": Number,
    },
    total=False,
)
"""ARGS shared by ``UvicornServer``, ``UvicornWSGIServer``."""


DaemonArgsDict = TypedDict(
    "DaemonArgsDict",
    {
        "broker": str | None,
        "result-backend": str | None,
        "loader": str | None,
        "config": str | None,
        "workdir": PathValue | None,
        "quiet": Boolean,
        "detach": Boolean,
        "loglevel": Literal[
            "debug",
            "info",
            "warning",
            "error",
            "critical",
            "fatal",
            "DEBUG",
            "INFO",
            "WARNING",
            "ERROR",
            "CRITICAL",
            "FATAL",
        ]
        | None,
        "logfile": PathValue | None,
        "pidfile": PathValue | None,
        "uid": str | None,
        "gid": str | None,
        "umask": str | None,
        "executable": str | None,
    },
    total=False,
)
"""ARGS shared by ``CeleryWorker``, ``CeleryBeat``."""


CeleryArgsDict = TypedDict(
    "CeleryArgsDict",
    {
        "broker": str | None,
        "result-backend": str | None,
        "loader": str | None,
        "config": str | None,
        "workdir": PathValue | None,
        "quiet": Boolean,
    },
    total=False,
)
"""ARGS shared by ``CeleryFlower``."""


class RunserverArgsDict(TypedDict, total=False):
    """ARGS shared by ``DaphneRunserver``, ``WerkzeugRunserver``."""

    addrport: str | int | None
    ipv6: Boolean
    nothreading: Boolean
    noreload: Boolean
    nostatic: Boolean
    insecure: Boolean
    verbosity: Integer


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
    DEPLOY: NotRequired[DeployDict]


class _GranianWSGIOwnArgs(TypedDict, total=False):
    """The ARGS only ``GranianWSGIServer`` has."""

    threads: Integer


class GranianWSGIArgsDict(GranianArgsDict, _GranianWSGIOwnArgs, total=False):
    """ARGS of ``django_prodserver.backends.granian.GranianWSGIServer``, under their documented names."""


class GranianWSGIProcess(TypedDict):
    """A process served by ``GranianWSGIServer``."""

    BACKEND: Literal["django_prodserver.backends.granian.GranianWSGIServer"]
    ARGS: NotRequired["GranianWSGIArgsDict | GranianWSGIArgs"]
    DEPLOY: NotRequired[DeployDict]


_GunicornOwnArgs = TypedDict(
    "_GunicornOwnArgs",
    {
        "address": str,
        "port": Integer,
        "bind": Strings,
        "backlog": Integer,
        "workers": Integer,
        "threads": Integer,
        "log-level": Literal[
            "critical", "error", "warning", "info", "debug", "CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"
        ],
        "log-access": Boolean,
        "ssl-cert": PathValue | None,
        "ssl-key": PathValue | None,
        "sendfile": Boolean | None,
        "worker-class": str,
        "worker-connections": Integer,
        "max-requests": Integer | None,
        "max-requests-jitter": Integer,
        "timeout": Integer,
        "graceful-timeout": Integer,
        "keep-alive": Integer,
        "limit-request-line": Integer,
        "limit-request-fields": Integer,
        "limit-request-field_size": Integer,
        "preload": Boolean,
        "no-sendfile": Boolean,
        "reuse-port": Boolean,
        "chdir": PathValue | None,
        "env": Strings,
        "pid": PathValue | None,
        "worker-tmp-dir": PathValue | None,
        "user": Integer | str | None,
        "group": Integer | str | None,
        "umask": Integer,
        "initgroups": Boolean,
        "forwarded-allow-ips": Strings | None,
        "name": str | None,
        "python-path": Strings | None,
        "proxy-protocol": Literal["off", "v1", "v2", "auto"],
        "proxy-allow-from": Strings | None,
        "protocol": Literal["http", "uwsgi"],
        "uwsgi-allow-from": Strings | None,
        "permit-obsolete-folding": Boolean,
        "strip-header-spaces": Boolean,
        "permit-unconventional-http-method": Boolean,
        "permit-unconventional-http-version": Boolean,
        "casefold-http-method": Boolean,
        "forwarder-headers": Strings,
        "header-map": Literal["drop", "refuse", "dangerous"],
        "asgi-loop": Literal["auto", "asyncio", "uvloop"],
        "asgi-lifespan": Literal["auto", "on", "off"],
        "asgi-disconnect-grace-period": Integer,
        "websocket-max-message-size": Integer,
        "http-parser": Literal["auto", "fast", "python"],
        "root-path": str,
        "ssl-version": str | None,
        "cert-reqs": Integer,
        "ca-certs": PathValue | None,
        "suppress-ragged-eofs": Boolean,
        "do-handshake-on-connect": Boolean,
        "ciphers": str | None,
        "http-protocols": Literal["h1", "h2"] | Sequence[Literal["h1", "h2"]] | str,
        "http2-cleartext": Literal["off", "prior-knowledge", "upgrade", "both"],
        "http2-max-concurrent-streams": Integer,
        "http2-initial-window-size": Integer,
        "http2-max-frame-size": Integer,
        "http2-max-header-list-size": Integer,
        "reload": Boolean,
        "reload-engine": Literal["auto", "poll", "inotify"],
        "reload-extra-file": Strings,
        "spew": Boolean,
        "access-logfile": str | None,
        "disable-redirect-access-to-syslog": Boolean,
        "access-logformat": str,
        "error-logfile": str,
        "capture-output": Boolean,
        "logger-class": str,
        "log-config": PathValue | None,
        "log-config-json": PathValue | None,
        "log-syslog-to": str,
        "log-syslog": Boolean,
        "log-syslog-prefix": str | None,
        "log-syslog-facility": str,
        "enable-stdio-inheritance": Boolean,
        "statsd-host": str | None,
        "dogstatsd-tags": str,
        "statsd-prefix": str,
        "enable-backlog-metric": Boolean,
        "dirty-app": Strings,
        "dirty-workers": Integer,
        "dirty-timeout": Integer,
        "dirty-threads": Integer,
        "dirty-graceful-timeout": Integer,
        "control-socket": PathValue | None,
        "control-socket-mode": Integer,
        "no-control-socket": Boolean,
    },
    total=False,
)
"""The ARGS only ``GunicornServer`` has."""


class GunicornArgsDict(HookSettingsDict, _GunicornOwnArgs, total=False):
    """ARGS of ``django_prodserver.backends.gunicorn.GunicornServer``, under their documented names."""


class GunicornProcess(TypedDict):
    """A process served by ``GunicornServer``."""

    BACKEND: Literal["django_prodserver.backends.gunicorn.GunicornServer"]
    ARGS: NotRequired["GunicornArgsDict | GunicornArgs"]
    DEPLOY: NotRequired[DeployDict]


class _UvicornOwnArgs(TypedDict, total=False):
    """The ARGS only ``UvicornServer`` has."""

    threads: Integer | None


class UvicornArgsDict(UvicornArgsCommonDict, _UvicornOwnArgs, total=False):
    """ARGS of ``django_prodserver.backends.uvicorn.UvicornServer``, under their documented names."""


class UvicornProcess(TypedDict):
    """A process served by ``UvicornServer``."""

    BACKEND: Literal["django_prodserver.backends.uvicorn.UvicornServer"]
    ARGS: NotRequired["UvicornArgsDict | UvicornASGIArgs"]
    DEPLOY: NotRequired[DeployDict]


class _UvicornWSGIOwnArgs(TypedDict, total=False):
    """The ARGS only ``UvicornWSGIServer`` has."""

    threads: Integer


class UvicornWSGIArgsDict(UvicornArgsCommonDict, _UvicornWSGIOwnArgs, total=False):
    """ARGS of ``django_prodserver.backends.uvicorn.UvicornWSGIServer``, under their documented names."""


class UvicornWSGIProcess(TypedDict):
    """A process served by ``UvicornWSGIServer``."""

    BACKEND: Literal["django_prodserver.backends.uvicorn.UvicornWSGIServer"]
    ARGS: NotRequired["UvicornWSGIArgsDict | UvicornWSGIArgs"]
    DEPLOY: NotRequired[DeployDict]


_CeleryWorkerOwnArgs = TypedDict(
    "_CeleryWorkerOwnArgs",
    {
        "hostname": str | None,
        "statedb": PathValue | None,
        "optimization": Literal["default", "fair"] | None,
        "prefetch-multiplier": Integer | None,
        "disable-prefetch": Boolean,
        "concurrency": str | int | None,
        "pool": Literal["prefork", "eventlet", "gevent", "solo", "processes", "threads", "custom"] | None,
        "task-events": Boolean,
        "time-limit": Number | None,
        "soft-time-limit": Number | None,
        "max-tasks-per-child": Integer | None,
        "pool-start-method": Literal["fork", "spawn"] | None,
        "max-memory-per-child": Integer | None,
        "purge": Boolean,
        "queues": Strings | None,
        "exclude-queues": Strings | None,
        "include": Strings | None,
        "without-gossip": Boolean,
        "without-mingle": Boolean,
        "without-heartbeat": Boolean,
        "heartbeat-interval": Integer | None,
        "autoscale": str | int | None,
        "beat": Boolean,
        "schedule-filename": PathValue | None,
        "scheduler": str | None,
    },
    total=False,
)
"""The ARGS only ``CeleryWorker`` has."""


class CeleryWorkerArgsDict(DaemonArgsDict, _CeleryWorkerOwnArgs, total=False):
    """ARGS of ``django_prodserver.backends.celery.CeleryWorker``, under their documented names."""


class CeleryWorkerProcess(TypedDict):
    """A process served by ``CeleryWorker``."""

    BACKEND: Literal["django_prodserver.backends.celery.CeleryWorker"]
    ARGS: NotRequired["CeleryWorkerArgsDict | CeleryWorkerArgs"]
    DEPLOY: NotRequired[DeployDict]
    APP: str


_CeleryBeatOwnArgs = TypedDict(
    "_CeleryBeatOwnArgs",
    {
        "schedule": PathValue | None,
        "scheduler": str | None,
        "max-interval": Integer | None,
        "enable-remote-control": Boolean | None,
        "hostname": str | None,
    },
    total=False,
)
"""The ARGS only ``CeleryBeat`` has."""


class CeleryBeatArgsDict(DaemonArgsDict, _CeleryBeatOwnArgs, total=False):
    """ARGS of ``django_prodserver.backends.celery.CeleryBeat``, under their documented names."""


class CeleryBeatProcess(TypedDict):
    """A process served by ``CeleryBeat``."""

    BACKEND: Literal["django_prodserver.backends.celery.CeleryBeat"]
    ARGS: NotRequired["CeleryBeatArgsDict | CeleryBeatArgs"]
    DEPLOY: NotRequired[DeployDict]
    APP: str


_CeleryFlowerOwnArgs = TypedDict(
    "_CeleryFlowerOwnArgs",
    {
        "address": str | None,
        "port": Integer,
        "unix-socket": PathValue | None,
        "url-prefix": str | None,
        "xheaders": Boolean,
        "certfile": PathValue | None,
        "keyfile": PathValue | None,
        "ca-certs": PathValue | None,
        "basic-auth": Strings | None,
        "auth": str | None,
        "auth-provider": str | None,
        "oauth2-key": str | None,
        "oauth2-secret": str | None,
        "oauth2-redirect-uri": str | None,
        "cookie-secret": str | None,
        "read-only": Boolean,
        "broker-api": str | None,
        "inspect-timeout": Number | None,
        "enable-events": Boolean,
        "auto-refresh": Boolean,
        "max-workers": Integer | None,
        "max-tasks": Integer | None,
        "purge-offline-workers": Integer | None,
        "natural-time": Boolean,
        "tasks-columns": Strings | None,
        "task-runtime-metric-buckets": Number | Sequence[Number] | None,
        "persistent": Boolean,
        "db": PathValue | None,
        "state-save-interval": Integer | None,
        "conf": PathValue | None,
        "debug": Boolean,
        "logging": Literal[
            "debug",
            "info",
            "warning",
            "error",
            "critical",
            "none",
            "DEBUG",
            "INFO",
            "WARNING",
            "ERROR",
            "CRITICAL",
            "NONE",
        ]
        | None,
        "log-to-stderr": Boolean | None,
        "log-file-prefix": PathValue | None,
        "log-file-max-size": Integer | None,
        "log-file-num-backups": Integer | None,
        "log-rotate-when": Literal["s", "m", "h", "d", "midnight", "w0", "w1", "w2", "w3", "w4", "w5", "w6"] | None,
        "log-rotate-interval": Integer | None,
        "log-rotate-mode": Literal["size", "time"] | None,
    },
    total=False,
)
"""The ARGS only ``CeleryFlower`` has."""


class CeleryFlowerArgsDict(CeleryArgsDict, _CeleryFlowerOwnArgs, total=False):
    """ARGS of ``django_prodserver.backends.celery.CeleryFlower``, under their documented names."""


class CeleryFlowerProcess(TypedDict):
    """A process served by ``CeleryFlower``."""

    BACKEND: Literal["django_prodserver.backends.celery.CeleryFlower"]
    ARGS: NotRequired["CeleryFlowerArgsDict | FlowerArgs"]
    DEPLOY: NotRequired[DeployDict]
    APP: str


DjangoTasksWorkerArgsDict = TypedDict(
    "DjangoTasksWorkerArgsDict",
    {
        "queue-name": Strings | None,
        "exclude-queues": Strings | None,
        "interval": Number | None,
        "batch": Boolean,
        "reload": Boolean | None,
        "backend": str | None,
        "no-startup-delay": Boolean,
        "max-tasks": Integer | None,
        "worker-id": str | None,
    },
    total=False,
)
"""ARGS of ``django_prodserver.backends.django_tasks.DjangoTasksWorker``, under their documented names."""


class DjangoTasksWorkerProcess(TypedDict):
    """A process served by ``DjangoTasksWorker``."""

    BACKEND: Literal["django_prodserver.backends.django_tasks.DjangoTasksWorker"]
    ARGS: NotRequired["DjangoTasksWorkerArgsDict | DjangoTasksArgs"]
    DEPLOY: NotRequired[DeployDict]


DjangoQ2WorkerArgsDict = TypedDict(
    "DjangoQ2WorkerArgsDict",
    {
        "run-once": Boolean,
        "name": str | None,
    },
    total=False,
)
"""ARGS of ``django_prodserver.backends.django_q2.DjangoQ2Worker``, under their documented names."""


class DjangoQ2WorkerProcess(TypedDict):
    """A process served by ``DjangoQ2Worker``."""

    BACKEND: Literal["django_prodserver.backends.django_q2.DjangoQ2Worker"]
    ARGS: NotRequired["DjangoQ2WorkerArgsDict | DjangoQ2Args"]
    DEPLOY: NotRequired[DeployDict]


WaitressArgsDict = TypedDict(
    "WaitressArgsDict",
    {
        "address": str,
        "port": Integer,
        "listen": Strings,
        "ipv4": Boolean,
        "ipv6": Boolean,
        "unix-socket": PathValue | None,
        "unix-socket-perms": Integer,
        "backlog": Integer,
        "threads": Integer,
        "connection-limit": Integer,
        "channel-request-lookahead": Integer,
        "cleanup-interval": Integer,
        "channel-timeout": Integer,
        "asyncore-loop-timeout": Integer,
        "asyncore-use-poll": Boolean,
        "url-scheme": Literal["http", "https"],
        "url-prefix": str,
        "ident": str,
        "server-name": str,
        "max-request-header-size": Integer,
        "max-request-body-size": Integer,
        "expose-tracebacks": Boolean,
        "trusted-proxy": str | None,
        "trusted-proxy-count": Integer | None,
        "trusted-proxy-headers": Literal[
            "forwarded",
            "x-forwarded-by",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-port",
            "x-forwarded-proto",
        ]
        | Sequence[
            Literal[
                "forwarded",
                "x-forwarded-by",
                "x-forwarded-for",
                "x-forwarded-host",
                "x-forwarded-port",
                "x-forwarded-proto",
            ]
        ]
        | str,
        "log-untrusted-proxy-headers": Boolean,
        "clear-untrusted-proxy-headers": Boolean,
        "recv-bytes": Integer,
        "send-bytes": Integer,
        "outbuf-overflow": Integer,
        "outbuf-high-watermark": Integer,
        "inbuf-overflow": Integer,
        "log-socket-errors": Boolean,
    },
    total=False,
)
"""ARGS of ``django_prodserver.backends.waitress.WaitressServer``, under their documented names."""


class WaitressProcess(TypedDict):
    """A process served by ``WaitressServer``."""

    BACKEND: Literal["django_prodserver.backends.waitress.WaitressServer"]
    ARGS: NotRequired["WaitressArgsDict | WaitressArgs"]
    DEPLOY: NotRequired[DeployDict]


class DjangoRunserverArgsDict(TypedDict, total=False):
    """ARGS of ``django_prodserver.backends.django_runserver.DjangoRunserver``, under their documented names."""

    addrport: str | int | None
    ipv6: Boolean
    nothreading: Boolean
    noreload: Boolean
    nostatic: Boolean
    insecure: Boolean
    verbosity: Integer


class DjangoRunserverProcess(TypedDict):
    """A process served by ``DjangoRunserver``."""

    BACKEND: Literal["django_prodserver.backends.django_runserver.DjangoRunserver"]
    ARGS: NotRequired["DjangoRunserverArgsDict | RunserverArgs"]
    DEPLOY: NotRequired[DeployDict]


_DaphneRunserverOwnArgs = TypedDict(
    "_DaphneRunserverOwnArgs",
    {
        "noasgi": Boolean,
        "http_timeout": Integer | None,
        "websocket_handshake_timeout": Integer,
        "websocket-max-message-size": Integer | None,
        "websocket-max-frame-size": Integer | None,
        "unix_socket": str | None,
        "fd": Integer | None,
        "endpoints": Strings,
        "root_path": str,
        "proxy_headers": Boolean,
        "ping_interval": Integer,
        "ping_timeout": Integer,
        "application_close_timeout": Integer,
        "websocket_timeout": Integer,
        "websocket_connect_timeout": Integer,
        "request_buffer_size": Integer,
        "server_name": str,
        "access_log": str | None,
    },
    total=False,
)
"""The ARGS only ``DaphneRunserver`` has."""


class DaphneRunserverArgsDict(RunserverArgsDict, _DaphneRunserverOwnArgs, total=False):
    """ARGS of ``django_prodserver.backends.daphne.DaphneRunserver``, under their documented names."""


class DaphneRunserverProcess(TypedDict):
    """A process served by ``DaphneRunserver``."""

    BACKEND: Literal["django_prodserver.backends.daphne.DaphneRunserver"]
    ARGS: NotRequired["DaphneRunserverArgsDict | DaphneRunserverArgs"]
    DEPLOY: NotRequired[DeployDict]


_WerkzeugRunserverOwnArgs = TypedDict(
    "_WerkzeugRunserverOwnArgs",
    {
        "threaded": Boolean,
        "browser": Boolean,
        "output": PathValue | None,
        "print-sql": Boolean,
        "truncate-sql": Integer | None,
        "print-sql-location": Boolean,
        "cert-file": str | None,
        "key-file": str | None,
        "extra-file": Strings,
        "exclude-pattern": Strings,
        "reloader-interval": Integer,
        "reloader-type": Literal["auto", "watchdog", "stat"],
        "pdb": Boolean,
        "ipdb": Boolean,
        "pm": Boolean,
        "startup-messages": Literal["reload", "once", "never", "always"],
        "keep-meta-shutdown": Boolean,
        "nopin": Boolean,
        "processes": Integer,
        "use_debugger": Boolean,
        "evalex": Boolean,
        "trusted_hosts": Strings,
        "passthrough_errors": Boolean,
        "ssl_dev_cert_dir": str | None,
    },
    total=False,
)
"""The ARGS only ``WerkzeugRunserver`` has."""


class WerkzeugRunserverArgsDict(RunserverArgsDict, _WerkzeugRunserverOwnArgs, total=False):
    """ARGS of ``django_prodserver.backends.werkzeug.WerkzeugRunserver``, under their documented names."""


class WerkzeugRunserverProcess(TypedDict):
    """A process served by ``WerkzeugRunserver``."""

    BACKEND: Literal["django_prodserver.backends.werkzeug.WerkzeugRunserver"]
    ARGS: NotRequired["WerkzeugRunserverArgsDict | WerkzeugRunserverArgs"]
    DEPLOY: NotRequired[DeployDict]


ArgsDict = TypedDict(
    "ArgsDict",
    {
        "address": str | None,
        "port": Integer,
        "uds": PathValue | None,
        "uds-permissions": Integer | None,
        "backlog": Integer,
        "http": Literal["auto", "1", "2", 1, 2] | Literal["auto", "h11", "httptools", "zttp"],
        "ws": Boolean | Literal["auto", "none", "websockets", "websockets-sansio", "wsproto"],
        "workers": Integer,
        "blocking-threads-idle-timeout": Duration,
        "runtime-threads": Integer,
        "runtime-blocking-threads": Integer | None,
        "runtime-mode": Literal["auto", "mt", "st"],
        "loop": Literal["auto", "asyncio", "rloop", "uvloop", "winloop"]
        | Literal["auto", "asyncio", "uvloop", "zuvloop"],
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
        "log-level": Literal[
            "critical",
            "error",
            "warning",
            "warn",
            "info",
            "debug",
            "notset",
            "CRITICAL",
            "ERROR",
            "WARNING",
            "WARN",
            "INFO",
            "DEBUG",
            "NOTSET",
        ]
        | Literal["critical", "error", "warning", "info", "debug", "CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"]
        | Literal[
            "critical",
            "error",
            "warning",
            "info",
            "debug",
            "trace",
            "CRITICAL",
            "ERROR",
            "WARNING",
            "INFO",
            "DEBUG",
            "TRACE",
        ],
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
        "reload": Boolean | None,
        "reload-paths": PathValues,
        "reload-ignore-dirs": Strings,
        "reload-ignore-patterns": Strings,
        "reload-ignore-paths": PathValues,
        "reload-tick": Integer,
        "reload-ignore-worker-failure": Boolean,
        "process-name": str | None,
        "pid-file": PathValue | None,
        "blocking-threads": Integer,
        "threads": Integer | None,
        "bind": Strings,
        "sendfile": Boolean | None,
        "worker-class": str,
        "worker-connections": Integer,
        "max-requests": Integer | None,
        "max-requests-jitter": Integer,
        "timeout": Integer,
        "graceful-timeout": Integer,
        "keep-alive": Integer,
        "limit-request-line": Integer,
        "limit-request-fields": Integer,
        "limit-request-field_size": Integer,
        "preload": Boolean,
        "no-sendfile": Boolean,
        "reuse-port": Boolean,
        "chdir": PathValue | None,
        "env": Strings,
        "pid": PathValue | None,
        "worker-tmp-dir": PathValue | None,
        "user": Integer | str | None,
        "group": Integer | str | None,
        "umask": Integer | str | None,
        "initgroups": Boolean,
        "forwarded-allow-ips": Strings | None,
        "name": str | None,
        "python-path": Strings | None,
        "proxy-protocol": Literal["off", "v1", "v2", "auto"],
        "proxy-allow-from": Strings | None,
        "protocol": Literal["http", "uwsgi"],
        "uwsgi-allow-from": Strings | None,
        "permit-obsolete-folding": Boolean,
        "strip-header-spaces": Boolean,
        "permit-unconventional-http-method": Boolean,
        "permit-unconventional-http-version": Boolean,
        "casefold-http-method": Boolean,
        "forwarder-headers": Strings,
        "header-map": Literal["drop", "refuse", "dangerous"],
        "asgi-loop": Literal["auto", "asyncio", "uvloop"],
        "asgi-lifespan": Literal["auto", "on", "off"],
        "asgi-disconnect-grace-period": Integer,
        "websocket-max-message-size": Integer | None,
        "http-parser": Literal["auto", "fast", "python"],
        "root-path": str,
        "ssl-version": str | Integer | None,
        "cert-reqs": Integer,
        "ca-certs": PathValue | None,
        "suppress-ragged-eofs": Boolean,
        "do-handshake-on-connect": Boolean,
        "ciphers": str | None,
        "http-protocols": Literal["h1", "h2"] | Sequence[Literal["h1", "h2"]] | str,
        "http2-cleartext": Literal["off", "prior-knowledge", "upgrade", "both"],
        "http2-initial-window-size": Integer,
        "http2-max-header-list-size": Integer,
        "reload-engine": Literal["auto", "poll", "inotify"],
        "reload-extra-file": Strings,
        "spew": Boolean,
        "access-logfile": str | None,
        "disable-redirect-access-to-syslog": Boolean,
        "access-logformat": str,
        "error-logfile": str,
        "capture-output": Boolean,
        "logger-class": str,
        "log-config-json": PathValue | None,
        "log-syslog-to": str,
        "log-syslog": Boolean,
        "log-syslog-prefix": str | None,
        "log-syslog-facility": str,
        "enable-stdio-inheritance": Boolean,
        "statsd-host": str | None,
        "dogstatsd-tags": str,
        "statsd-prefix": str,
        "enable-backlog-metric": Boolean,
        "dirty-app": Strings,
        "dirty-workers": Integer,
        "dirty-timeout": Integer,
        "dirty-threads": Integer,
        "dirty-graceful-timeout": Integer,
        "control-socket": PathValue | None,
        "control-socket-mode": Integer,
        "no-control-socket": Boolean,
        "on-starting": str | None,
        "on-reload": str | None,
        "when-ready": str | None,
        "pre-fork": str | None,
        "post-fork": str | None,
        "post-worker-init": str | None,
        "worker-int": str | None,
        "worker-abort": str | None,
        "pre-exec": str | None,
        "pre-request": str | None,
        "post-request": str | None,
        "child-exit": str | None,
        "worker-exit": str | None,
        "nworkers-changed": str | None,
        "on-exit": str | None,
        "ssl-context": str | None,
        "on-dirty-starting": str | None,
        "dirty-post-fork": str | None,
        "dirty-worker-init": str | None,
        "dirty-worker-exit": str | None,
        "secure-scheme-headers": Mapping[str, str],
        "logconfig-dict": Mapping[str, object],
        "tmp-upload-dir": PathValue | None,
        "ssl-cert-reqs": Integer,
        "ssl-ca-certs": PathValue | None,
        "ssl-ciphers": str | None,
        "fd": Integer | None,
        "http2": Boolean,
        "ws-max-size": Integer,
        "ws-max-queue": Integer,
        "ws-ping-interval": Number,
        "ws-ping-timeout": Number,
        "ws-per-message-deflate": Boolean,
        "lifespan": Literal["auto", "on", "off"],
        "app-dir": PathValue | None,
        "env-file": PathValue | None,
        "reset-contextvars": Boolean,
        "limit-concurrency": Integer | None,
        "limit-max-requests": Integer | None,
        "limit-max-requests-jitter": Integer,
        "timeout-keep-alive": Duration,
        "timeout-graceful-shutdown": Duration | None,
        "timeout-worker-healthcheck": Duration,
        "proxy-headers": Boolean,
        "server-header": Boolean,
        "date-header": Boolean,
        "header": Strings,
        "h11-max-incomplete-event-size": Integer | None,
        "use-colors": Boolean | None,
        "reload-dir": PathValues,
        "reload-include": Strings,
        "reload-exclude": Strings,
        "reload-delay": Number,
        "broker": str | None,
        "result-backend": str | None,
        "loader": str | None,
        "config": str | None,
        "workdir": PathValue | None,
        "quiet": Boolean,
        "detach": Boolean,
        "loglevel": Literal[
            "debug",
            "info",
            "warning",
            "error",
            "critical",
            "fatal",
            "DEBUG",
            "INFO",
            "WARNING",
            "ERROR",
            "CRITICAL",
            "FATAL",
        ]
        | None,
        "logfile": PathValue | None,
        "pidfile": PathValue | None,
        "uid": str | None,
        "gid": str | None,
        "executable": str | None,
        "hostname": str | None,
        "statedb": PathValue | None,
        "optimization": Literal["default", "fair"] | None,
        "prefetch-multiplier": Integer | None,
        "disable-prefetch": Boolean,
        "concurrency": str | int | None,
        "pool": Literal["prefork", "eventlet", "gevent", "solo", "processes", "threads", "custom"] | None,
        "task-events": Boolean,
        "time-limit": Number | None,
        "soft-time-limit": Number | None,
        "max-tasks-per-child": Integer | None,
        "pool-start-method": Literal["fork", "spawn"] | None,
        "max-memory-per-child": Integer | None,
        "purge": Boolean,
        "queues": Strings | None,
        "exclude-queues": Strings | None,
        "include": Strings | None,
        "without-gossip": Boolean,
        "without-mingle": Boolean,
        "without-heartbeat": Boolean,
        "heartbeat-interval": Integer | None,
        "autoscale": str | int | None,
        "beat": Boolean,
        "schedule-filename": PathValue | None,
        "scheduler": str | None,
        "schedule": PathValue | None,
        "max-interval": Integer | None,
        "enable-remote-control": Boolean | None,
        "unix-socket": PathValue | None,
        "url-prefix": str | None,
        "xheaders": Boolean,
        "certfile": PathValue | None,
        "keyfile": PathValue | None,
        "basic-auth": Strings | None,
        "auth": str | None,
        "auth-provider": str | None,
        "oauth2-key": str | None,
        "oauth2-secret": str | None,
        "oauth2-redirect-uri": str | None,
        "cookie-secret": str | None,
        "read-only": Boolean,
        "broker-api": str | None,
        "inspect-timeout": Number | None,
        "enable-events": Boolean,
        "auto-refresh": Boolean,
        "max-workers": Integer | None,
        "max-tasks": Integer | None,
        "purge-offline-workers": Integer | None,
        "natural-time": Boolean,
        "tasks-columns": Strings | None,
        "task-runtime-metric-buckets": Number | Sequence[Number] | None,
        "persistent": Boolean,
        "db": PathValue | None,
        "state-save-interval": Integer | None,
        "conf": PathValue | None,
        "debug": Boolean,
        "logging": Literal[
            "debug",
            "info",
            "warning",
            "error",
            "critical",
            "none",
            "DEBUG",
            "INFO",
            "WARNING",
            "ERROR",
            "CRITICAL",
            "NONE",
        ]
        | None,
        "log-to-stderr": Boolean | None,
        "log-file-prefix": PathValue | None,
        "log-file-max-size": Integer | None,
        "log-file-num-backups": Integer | None,
        "log-rotate-when": Literal["s", "m", "h", "d", "midnight", "w0", "w1", "w2", "w3", "w4", "w5", "w6"] | None,
        "log-rotate-interval": Integer | None,
        "log-rotate-mode": Literal["size", "time"] | None,
        "queue-name": Strings | None,
        "interval": Number | None,
        "batch": Boolean,
        "backend": str | None,
        "no-startup-delay": Boolean,
        "worker-id": str | None,
        "run-once": Boolean,
        "listen": Strings,
        "ipv4": Boolean,
        "ipv6": Boolean,
        "unix-socket-perms": Integer,
        "connection-limit": Integer,
        "channel-request-lookahead": Integer,
        "cleanup-interval": Integer,
        "channel-timeout": Integer,
        "asyncore-loop-timeout": Integer,
        "asyncore-use-poll": Boolean,
        "url-scheme": Literal["http", "https"],
        "ident": str,
        "server-name": str,
        "max-request-header-size": Integer,
        "max-request-body-size": Integer,
        "expose-tracebacks": Boolean,
        "trusted-proxy": str | None,
        "trusted-proxy-count": Integer | None,
        "trusted-proxy-headers": Literal[
            "forwarded",
            "x-forwarded-by",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-port",
            "x-forwarded-proto",
        ]
        | Sequence[
            Literal[
                "forwarded",
                "x-forwarded-by",
                "x-forwarded-for",
                "x-forwarded-host",
                "x-forwarded-port",
                "x-forwarded-proto",
            ]
        ]
        | str,
        "log-untrusted-proxy-headers": Boolean,
        "clear-untrusted-proxy-headers": Boolean,
        "recv-bytes": Integer,
        "send-bytes": Integer,
        "outbuf-overflow": Integer,
        "outbuf-high-watermark": Integer,
        "inbuf-overflow": Integer,
        "log-socket-errors": Boolean,
        "addrport": str | int | None,
        "nothreading": Boolean,
        "noreload": Boolean,
        "nostatic": Boolean,
        "insecure": Boolean,
        "verbosity": Integer,
        "noasgi": Boolean,
        "http_timeout": Integer | None,
        "websocket_handshake_timeout": Integer,
        "websocket-max-frame-size": Integer | None,
        "unix_socket": str | None,
        "endpoints": Strings,
        "root_path": str,
        "proxy_headers": Boolean,
        "ping_interval": Integer,
        "ping_timeout": Integer,
        "application_close_timeout": Integer,
        "websocket_timeout": Integer,
        "websocket_connect_timeout": Integer,
        "request_buffer_size": Integer,
        "server_name": str,
        "access_log": str | None,
        "threaded": Boolean,
        "browser": Boolean,
        "output": PathValue | None,
        "print-sql": Boolean,
        "truncate-sql": Integer | None,
        "print-sql-location": Boolean,
        "cert-file": str | None,
        "key-file": str | None,
        "extra-file": Strings,
        "exclude-pattern": Strings,
        "reloader-interval": Integer,
        "reloader-type": Literal["auto", "watchdog", "stat"],
        "pdb": Boolean,
        "ipdb": Boolean,
        "pm": Boolean,
        "startup-messages": Literal["reload", "once", "never", "always"],
        "keep-meta-shutdown": Boolean,
        "nopin": Boolean,
        "processes": Integer,
        "use_debugger": Boolean,
        "evalex": Boolean,
        "trusted_hosts": Strings,
        "passthrough_errors": Boolean,
        "ssl_dev_cert_dir": str | None,
    },
    total=False,
)
"""The ARGS of any built-in backend: every option name, each with the values some backend accepts."""


BackendPath: TypeAlias = Literal[
    "django_prodserver.backends.granian.GranianASGIServer",
    "django_prodserver.backends.granian.GranianWSGIServer",
    "django_prodserver.backends.gunicorn.GunicornServer",
    "django_prodserver.backends.uvicorn.UvicornServer",
    "django_prodserver.backends.uvicorn.UvicornWSGIServer",
    "django_prodserver.backends.celery.CeleryWorker",
    "django_prodserver.backends.celery.CeleryBeat",
    "django_prodserver.backends.celery.CeleryFlower",
    "django_prodserver.backends.django_tasks.DjangoTasksWorker",
    "django_prodserver.backends.django_q2.DjangoQ2Worker",
    "django_prodserver.backends.waitress.WaitressServer",
    "django_prodserver.backends.django_runserver.DjangoRunserver",
    "django_prodserver.backends.daphne.DaphneRunserver",
    "django_prodserver.backends.werkzeug.WerkzeugRunserver",
]
"""The documented dotted path of a built-in backend."""


class Process(TypedDict):
    """A process of any built-in backend: ``ARGS`` checked against every backend's option names."""

    BACKEND: BackendPath
    ARGS: NotRequired[ArgsDict]
    DEPLOY: NotRequired[DeployDict]
    APP: NotRequired[str]


class CustomProcess(TypedDict):
    """A process whose backend is not typed here (a custom or django-prodserver 3.x backend)."""

    BACKEND: str
    ARGS: NotRequired[Mapping[str, object] | str]


TypedProcess: TypeAlias = (
    GranianASGIProcess
    | GranianWSGIProcess
    | GunicornProcess
    | UvicornProcess
    | UvicornWSGIProcess
    | CeleryWorkerProcess
    | CeleryBeatProcess
    | CeleryFlowerProcess
    | DjangoTasksWorkerProcess
    | DjangoQ2WorkerProcess
    | WaitressProcess
    | DjangoRunserverProcess
    | DaphneRunserverProcess
    | WerkzeugRunserverProcess
)
"""A process of any built-in backend, typed by its ``BACKEND`` (model instances as ``ARGS`` too)."""

ProductionProcesses: TypeAlias = dict[str, Process]
"""The ``PRODUCTION_PROCESSES`` setting when every process uses a built-in backend.

One ``Process`` type, not the union ``TypedProcess``: mypy and pyright check a dict literal
against a union without naming the key at fault (they cannot choose a member by ``BACKEND``)."""


class UncheckedProcess(Protocol):
    """A process of ``ProductionProcesses`` as ``django_prodserver.mypy_plugin`` reads it, before it
    checks the process against the typed dictionary of its ``BACKEND``."""

    def __getitem__(self, key: str, /) -> object: ...


AnyProcess: TypeAlias = TypedProcess | CustomProcess
"""Any process, ``ARGS`` model instances included.  ``CustomProcess`` accepts any ``BACKEND``
string, so annotate typed processes on their own (``WEB: GranianASGIProcess = {...}``) before
putting them in a ``dict[str, AnyProcess]``: inside that union a misspelt key would match
``CustomProcess``."""

__all__ = [
    "AnyProcess",
    "ArgsDict",
    "BackendPath",
    "Boolean",
    "CeleryArgsDict",
    "CeleryBeatArgsDict",
    "CeleryBeatProcess",
    "CeleryFlowerArgsDict",
    "CeleryFlowerProcess",
    "CeleryWorkerArgsDict",
    "CeleryWorkerProcess",
    "CustomProcess",
    "DaemonArgsDict",
    "DaphneRunserverArgsDict",
    "DaphneRunserverProcess",
    "DjangoQ2WorkerArgsDict",
    "DjangoQ2WorkerProcess",
    "DjangoRunserverArgsDict",
    "DjangoRunserverProcess",
    "DjangoTasksWorkerArgsDict",
    "DjangoTasksWorkerProcess",
    "Duration",
    "GranianASGIArgsDict",
    "GranianASGIProcess",
    "GranianArgsDict",
    "GranianWSGIArgsDict",
    "GranianWSGIProcess",
    "GunicornArgsDict",
    "GunicornProcess",
    "HookSettingsDict",
    "Integer",
    "Number",
    "PathValue",
    "PathValues",
    "PlatformDict",
    "Process",
    "ProductionPlatform",
    "ProductionProcesses",
    "RunserverArgsDict",
    "Strings",
    "TypedProcess",
    "UncheckedProcess",
    "UvicornArgsCommonDict",
    "UvicornArgsDict",
    "UvicornProcess",
    "UvicornWSGIArgsDict",
    "UvicornWSGIProcess",
    "WaitressArgsDict",
    "WaitressProcess",
    "WerkzeugRunserverArgsDict",
    "WerkzeugRunserverProcess",
]
