"""ARGS of the uvicorn backends: the common options every server shares, then uvicorn's own.

The common options (``address``, ``port``, ``workers``, ``backlog``, ``log-level``, ``log-access``,
``ssl-cert``, ``ssl-key``, and ``threads`` for WSGI, declared in :mod:`django_prodserver.args.common`)
mean the same on every backend and keep their documented defaults, always passed to uvicorn, so
switching servers is a change of ``BACKEND`` alone.  uvicorn's native forms work too (``host``,
``access-log``, ``ssl-certfile``, ``ssl-keyfile``): they are other spellings of the same option, so
giving both is an error.
Every other option is one of uvicorn's (:mod:`.native`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import SecretStr

from ...args import common
from ...args.addresses import HostAddress
from ...args.base import BackendArgs, option
from ...args.environment import VALUE, FromEnvironment
from ...args.values import AnyPath, Choice, Int, ThreadCount
from .native import UvicornSettings

LogLevel = Literal["critical", "error", "warning", "info", "debug", "trace"]
"""uvicorn's levels (``uvicorn.config.LOG_LEVELS``); it raises a bare KeyError for any other."""

WSGI_THREADS = 10
"""Threads of uvicorn's WSGI adapter (a2wsgi's, or uvicorn's own): its default, with no CLI flag."""


TLS = ("ssl_cert",)
"""uvicorn serves TLS with a certificate alone (its file holding the key too): TLS options need only it."""


class CommonSettings(BackendArgs):
    """The options every backend shares, under the same names and defaults, and uvicorn's other TLS options."""

    # uvicorn binds a host name too (asyncio and socket.bind resolve it): 3.0's "localhost" keeps working.
    address: HostAddress = common.ADDRESS.declare(cli="host", server="host", note="or a host name")
    port: Int = common.PORT.declare(cli="port", note="0: any free port")
    backlog: Int = common.BACKLOG.declare(cli="backlog", note="uvicorn: 2048")
    # 0 workers passes the type, so that uvicorn's rules can warn that uvicorn runs 1 instead (W091).
    workers: Int = common.WORKERS.declare(cli="workers", ge=0, note="uvicorn: $WEB_CONCURRENCY or 1")
    log_level: Annotated[LogLevel, Choice] = common.LOG_LEVEL.declare(choices=LogLevel, cli="log-level")
    log_access: bool = common.LOG_ACCESS.declare(cli="access-log", server="access_log")
    ssl_cert: AnyPath | None = common.SSL_CERT.declare(cli="ssl-certfile", server="ssl_certfile")
    ssl_key: AnyPath | None = common.SSL_KEY.declare(cli="ssl-keyfile", server="ssl_keyfile")

    # TLS
    ssl_keyfile_password: SecretStr | None = option(
        None,
        "Password of the TLS private key",
        cli="ssl-keyfile-password",
        also=("ssl-key-password",),
        secret=True,
        group="TLS",
        needs=TLS,
    )
    ssl_version: Int = option(
        17, "ssl module protocol constant (17: PROTOCOL_TLS_SERVER)", cli="ssl-version", group="TLS", needs=TLS
    )
    ssl_cert_reqs: Int = option(
        0,
        "Client certificates: 0 none, 1 optional, 2 required (ssl.CERT_*)",
        cli="ssl-cert-reqs",
        ge=0,
        le=2,
        group="TLS",
        needs=TLS,
    )
    ssl_ca_certs: AnyPath | None = option(
        None, "CA certificates file to verify clients with", cli="ssl-ca-certs", group="TLS", path="file", needs=TLS
    )
    ssl_ciphers: str | None = option(
        None, "OpenSSL cipher list (uvicorn: OpenSSL's defaults)", cli="ssl-ciphers", group="TLS", needs=TLS
    )


class UvicornArgs(UvicornSettings, CommonSettings):
    # pydantic orders fields from the last base to the first: the common options come first.
    """Options shared by the ASGI and WSGI backends."""

    # uvicorn.Config reads each variable when its option is not given.
    environment_defaults = (
        FromEnvironment("WEB_CONCURRENCY", {"workers": VALUE}),
        FromEnvironment("FORWARDED_ALLOW_IPS", {"forwarded_allow_ips": VALUE}),
    )


class UvicornASGIArgs(UvicornArgs):
    """ARGS of ``django_prodserver.backends.uvicorn.UvicornServer``."""

    threads: Int | None = common.ASGI_THREADS.declare(cli=None)


class UvicornWSGIArgs(UvicornArgs):
    """ARGS of ``django_prodserver.backends.uvicorn.UvicornWSGIServer``."""

    threads: ThreadCount = common.THREADS.declare(
        cli=None, default=WSGI_THREADS, note="uvicorn's WSGI adapter; no uvicorn flag"
    )


__all__ = ["WSGI_THREADS", "UvicornASGIArgs", "UvicornArgs", "UvicornWSGIArgs"]
