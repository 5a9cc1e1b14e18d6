"""ARGS of the uvicorn backends: the common options every server shares, then uvicorn's own.

The common options (``address``, ``port``, ``workers``, ``backlog``, ``log-level``, ``log-access``,
``ssl-cert``, ``ssl-key``, and ``threads`` for WSGI) mean the same on every backend and keep the
seed contract's defaults, always passed to uvicorn, so switching servers is a change of
``BACKEND`` alone.  uvicorn's native forms work too (``host``, ``access-log``, ``ssl-certfile``,
``ssl-keyfile``): they are other spellings of the same option, so giving both is an error.
Every other option is one of uvicorn's (:mod:`.native`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import SecretStr

from ...args.base import BackendArgs, option
from ...args.values import AnyPath, Choice, Int, IPAddress
from .native import I32_MAX, UvicornSettings

LogLevel = Literal["critical", "error", "warning", "info", "debug", "trace"]
"""uvicorn's levels (``uvicorn.config.LOG_LEVELS``); it raises a bare KeyError for any other."""

WSGI_THREADS = 10
"""Threads of uvicorn's WSGI adapter (a2wsgi's, or uvicorn's own): its default, with no CLI flag."""


TLS = ("ssl_cert",)
"""uvicorn serves TLS with a certificate alone (its file holding the key too): TLS options need only it."""


class CommonSettings(BackendArgs):
    """The options every backend shares, under the same names and defaults, and uvicorn's other TLS options."""

    address: IPAddress = option(
        "127.0.0.1", "IP address to bind to", cli="host", seed="address", server="host", group="binding"
    )
    port: Int = option(
        8000, "TCP port to bind to (0: any free port)", cli="port", seed="port", ge=0, le=65535, group="binding"
    )
    backlog: Int = option(
        1024,
        "Maximum number of pending connections (uvicorn: 2048)",
        cli="backlog",
        seed="backlog",
        ge=0,
        le=I32_MAX,
        group="binding",
    )
    workers: Int = option(
        1,
        "Number of worker processes (uvicorn: $WEB_CONCURRENCY or 1)",
        cli="workers",
        seed="workers",
        ge=0,
        group="workers",
    )
    log_level: Annotated[LogLevel, Choice] = option(
        "info", "Log level", cli="log-level", seed="log-level", group="logging"
    )
    log_access: bool = option(
        True, "Access log on standard output", cli="access-log", seed="log-access", server="access_log", group="logging"
    )
    ssl_cert: AnyPath | None = option(
        None,
        "TLS certificate file (PEM)",
        cli="ssl-certfile",
        seed="ssl-cert",
        server="ssl_certfile",
        group="TLS",
        path="file",
    )
    ssl_key: AnyPath | None = option(
        None,
        "TLS private key file (PEM)",
        cli="ssl-keyfile",
        seed="ssl-key",
        server="ssl_keyfile",
        group="TLS",
        path="file",
    )

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


class UvicornASGIArgs(UvicornArgs):
    """ARGS of ``django_prodserver.backends.uvicorn.UvicornServer``."""

    threads: Int | None = option(
        None,
        "WSGI only: ignored by the ASGI backend (use workers)",
        cli=None,
        seed="threads",
        server=None,
        ge=1,
        group="workers",
    )


class UvicornWSGIArgs(UvicornArgs):
    """ARGS of ``django_prodserver.backends.uvicorn.UvicornWSGIServer``."""

    threads: Int = option(
        WSGI_THREADS,
        "Threads per worker running the Django app (uvicorn's WSGI adapter; no uvicorn flag)",
        cli=None,
        seed="threads",
        server=None,
        ge=1,
        group="workers",
    )


__all__ = ["WSGI_THREADS", "UvicornASGIArgs", "UvicornArgs", "UvicornWSGIArgs"]
