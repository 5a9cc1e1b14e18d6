"""ARGS of the gunicorn backend: the common options every server shares, then gunicorn's own.

The common options (``address``, ``port``, ``workers``, ``threads``, ``backlog``, ``log-level``,
``log-access``, ``ssl-cert``, ``ssl-key``, declared in :mod:`django_prodserver.args.common`) mean
the same on every backend and keep their documented defaults, which are always passed to
gunicorn; switching servers is a change of ``BACKEND`` alone.  gunicorn's native forms work too:
``ssl-cert`` is also ``certfile``, and ``bind`` or ``access-logfile`` replace ``address`` and
``port`` or ``log-access`` (giving both is an error).  Every other option is one of gunicorn's
settings (``settings_*.py``, generated from its registry, and ``hooks.py``), passed only when set
so that gunicorn keeps its defaults.

Choices are ``Literal`` strings: the check validates these models, and it must not import gunicorn.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ...args import common
from ...args.addresses import HostAddress
from ...args.base import BackendArgs, option
from ...args.environment import VALUE, FromEnvironment
from ...args.values import AnyPath, Choice, Int, StrList, ThreadCount
from .hooks import HookSettings
from .settings_logging import LoggingSettings
from .settings_server import ServerSettings
from .settings_tls import TLSSettings

LogLevel = Literal["critical", "error", "warning", "info", "debug"]
"""gunicorn's levels (``glogging.Logger.LOG_LEVELS``); it silently logs at info for any other."""


class CommonSettings(BackendArgs):
    """The options every backend shares, under the same names and defaults."""

    # gunicorn binds a host name too (socket.bind resolves it): 3.0's "localhost" keeps working.
    address: HostAddress = common.ADDRESS.declare(
        cli=None, note="or a host name, or give bind; 0.0.0.0 when $PORT is set"
    )
    port: Int = common.PORT.declare(cli=None, note="or give bind; gunicorn: $PORT")
    bind: StrList = option(
        [],
        "gunicorn's own form of the addresses to bind: HOST:PORT, unix:PATH or fd://FD, one or more",
        cli="bind",
        group="binding",
    )
    backlog: Int = common.BACKLOG.declare(cli="backlog", note="gunicorn: 2048")
    # 0 workers or threads passes the type, so that gunicorn's rules can say why it serves nothing (E086).
    workers: Int = common.WORKERS.declare(cli="workers", ge=0, note="gunicorn: $WEB_CONCURRENCY or 1")
    threads: ThreadCount = common.THREADS.declare(
        cli="threads", ge=0, note="more than 1 needs the gthread worker class"
    )
    log_level: Annotated[LogLevel, Choice] = common.LOG_LEVEL.declare(
        choices=LogLevel, cli="log-level", server="loglevel", also=("loglevel",)
    )
    log_access: bool = common.LOG_ACCESS.declare(
        cli=None, note="on standard output, or give access-logfile; gunicorn's own default is off"
    )
    ssl_cert: AnyPath | None = common.SSL_CERT.declare(cli="certfile", server="certfile")
    ssl_key: AnyPath | None = common.SSL_KEY.declare(cli="keyfile", server="keyfile")
    sendfile: bool | None = option(
        None,
        "Whether to use sendfile(); False is the same as no-sendfile (gunicorn: on, or the SENDFILE variable)",
        cli=None,
        documented="sendfile",
        server="sendfile",
        group="server mechanics",
    )


class GunicornArgs(HookSettings, LoggingSettings, TLSSettings, ServerSettings, CommonSettings):
    # pydantic orders fields from the last base to the first: the common options come first.
    """ARGS of ``django_prodserver.backends.gunicorn.GunicornServer``."""

    # gunicorn.config: each variable is the default of its setting (Bind, Workers, ForwardedAllowIPS).
    environment_defaults = (
        FromEnvironment("PORT", {"address": "0.0.0.0", "port": VALUE}, unless=("address", "port", "bind")),
        FromEnvironment("WEB_CONCURRENCY", {"workers": VALUE}),
        FromEnvironment("FORWARDED_ALLOW_IPS", {"forwarded_allow_ips": VALUE}),
    )


__all__ = ["GunicornArgs"]
