"""ARGS of the gunicorn backend: the common options every server shares, then gunicorn's own.

The common options (``address``, ``port``, ``workers``, ``threads``, ``backlog``, ``log-level``,
``log-access``, ``ssl-cert``, ``ssl-key``) mean the same on every backend and keep the seed
contract's defaults, which are always passed to gunicorn; switching servers is a change of
``BACKEND`` alone.  gunicorn's native forms work too: ``ssl-cert`` is also ``certfile``, and
``bind`` or ``access-logfile`` replace ``address`` and ``port`` or ``log-access`` (giving both
is an error).  Every other option is one of gunicorn's settings (``settings_*.py``, generated
from its registry, and ``hooks.py``), passed only when set so that gunicorn keeps its defaults.

Choices are ``Literal`` strings: the check validates these models, and it must not import gunicorn.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ...args.base import BackendArgs, option
from ...args.values import AnyPath, Choice, Int, IPAddress, StrList
from .hooks import HookSettings
from .settings_logging import LoggingSettings
from .settings_server import ServerSettings
from .settings_tls import TLSSettings

I32_MAX = 2**31 - 1
"""The listen backlog is a C int: a larger one passes gunicorn's validator and fails at bind."""

LogLevel = Literal["critical", "error", "warning", "info", "debug"]
"""gunicorn's levels (``glogging.Logger.LOG_LEVELS``); it silently logs at info for any other."""


class CommonSettings(BackendArgs):
    """The options every backend shares, under the same names and defaults."""

    address: IPAddress = option(
        "127.0.0.1", "IP address to bind to (or give bind)", cli=None, seed="address", group="binding"
    )
    port: Int = option(
        8000, "TCP port to bind to (or give bind)", cli=None, seed="port", ge=0, le=65535, group="binding"
    )
    bind: StrList = option(
        [],
        "gunicorn's own form of the addresses to bind: HOST:PORT, unix:PATH or fd://FD, one or more",
        cli="bind",
        group="binding",
    )
    backlog: Int = option(
        1024,
        "Maximum number of pending connections (gunicorn: 2048)",
        cli="backlog",
        seed="backlog",
        ge=0,
        le=I32_MAX,
        group="binding",
    )
    workers: Int = option(1, "Number of worker processes", cli="workers", seed="workers", ge=0, group="workers")
    threads: Int = option(
        1,
        "Threads per worker; more than 1 needs the gthread worker class",
        cli="threads",
        seed="threads",
        ge=0,
        group="workers",
    )
    log_level: Annotated[LogLevel, Choice] = option(
        "info", "Log level", cli="log-level", seed="log-level", server="loglevel", also=("loglevel",), group="logging"
    )
    log_access: bool = option(
        True,
        "Access log on standard output (or give access-logfile; gunicorn's own default is off)",
        cli=None,
        seed="log-access",
        group="logging",
    )
    ssl_cert: AnyPath | None = option(
        None, "TLS certificate file (PEM)", cli="certfile", seed="ssl-cert", server="certfile", group="TLS", path="file"
    )
    ssl_key: AnyPath | None = option(
        None, "TLS private key file (PEM)", cli="keyfile", seed="ssl-key", server="keyfile", group="TLS", path="file"
    )
    sendfile: bool | None = option(
        None,
        "Whether to use sendfile(); False is the same as no-sendfile (gunicorn: on, or the SENDFILE variable)",
        cli=None,
        seed="sendfile",
        server="sendfile",
        group="server mechanics",
    )


class GunicornArgs(HookSettings, LoggingSettings, TLSSettings, ServerSettings, CommonSettings):
    # pydantic orders fields from the last base to the first: the common options come first.
    """ARGS of ``django_prodserver.backends.gunicorn.GunicornServer``."""


COMMON = frozenset(CommonSettings.model_fields) - {"bind", "sendfile", "ssl_cert", "ssl_key"}
"""Options passed to gunicorn even when not set: the seed contract's defaults."""

__all__ = ["COMMON", "GunicornArgs"]
