"""uvicorn's own options, one field per option of its click command (``uvicorn.main.main``).

Each option is accepted under its CLI flag (the documented name), dashes or underscores, and the
keyword of ``uvicorn.Config`` where it differs (``reload-dir`` is also ``reload_dirs``).  Defaults
are uvicorn's own (0.54 and 0.55 agree), passed to uvicorn only when set; ``tests/unit/uvicorn/test_drift.py`` pins
names, choices and defaults against the click command.  The options the backend decides
(``interface``, ``factory``, the application) are not here: giving one is an unknown option.

Choices are ``Literal`` strings: the check validates this model, and it must not import uvicorn.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator

from ...args.addresses import PeerMatching
from ...args.base import BackendArgs, Package, option
from ...args.values import (
    POLL_MAX_SECONDS,
    SLEEP_MAX_SECONDS,
    AnyPath,
    AsciiURLPath,
    Choice,
    CommaList,
    Duration,
    Int,
    PathList,
    StaleSocketFails,
    StrList,
)

EXTRA = "django-prodserver[uvicorn]"
"""The extra that installs uvicorn with every optional package its options use (uvicorn[standard])."""

I32_MAX = 2**31 - 1
"""Sizes and counts uvicorn hands to C code (the listen backlog, h11's buffer) are C ints."""

Loop = Literal["auto", "asyncio", "uvloop", "zuvloop"]
HTTPImplementation = Literal["auto", "h11", "httptools", "zttp"]
WSImplementation = Literal["auto", "none", "websockets", "websockets-sansio", "wsproto"]
Lifespan = Literal["auto", "on", "off"]


UVICORN_PEERS = PeerMatching(
    "uvicorn", parses=True, networks=True, wildcard="alone", unix_peer="no address", switch="proxy_headers"
)
"""How uvicorn's ProxyHeadersMiddleware matches the client: addresses and networks, anything else as
text; '*' only as the whole value; a Unix-socket client has no address (scope["client"] is None)."""


OWS = " \t"
"""The whitespace around a field value (RFC 9110 5.6.3)."""


def _values_without_whitespace(headers: list[str]) -> list[str]:
    # RFC 9110 5.5: the whitespace around a field value is not part of it, and h11 refuses to send
    # a header that starts with it ('X-A: 1' would fail every response).
    return [
        f"{name}:{value.strip(OWS)}" if colon else name
        for name, colon, value in (header.partition(":") for header in headers)
    ]


HeaderList = Annotated[StrList, AfterValidator(_values_without_whitespace)]
"""'Name:Value' headers, each value without the whitespace around it."""


class UvicornSettings(BackendArgs):
    """uvicorn's options other than the common ones."""

    # Binding
    # uvicorn binds as Config.bind_socket (its workers and prodserver's launcher): a stale socket fails.
    uds: Annotated[AnyPath, StaleSocketFails("uvicorn")] | None = option(
        None, "Unix domain socket to bind to, instead of address and port", cli="uds", group="binding", path="socket"
    )
    fd: Int | None = option(
        None, "File descriptor of an open socket to serve, instead of address and port", cli="fd", ge=0, group="binding"
    )

    # Protocols
    http: Annotated[HTTPImplementation, Choice] = option(
        "auto",
        "HTTP implementation: auto (httptools if installed, else h11), h11, httptools or zttp",
        cli="http",
        group="protocols",
        requires={"httptools": Package("httptools", EXTRA), "zttp": Package("zttp", "zttp")},
    )
    http2: bool = option(False, "Serve HTTP/2 too (needs http 'zttp')", cli="http2", group="protocols", bools="on-only")
    ws: Annotated[WSImplementation, Choice] = option(
        "auto",
        "WebSocket implementation (ASGI only): auto, none, websockets, websockets-sansio or wsproto",
        cli="ws",
        group="websockets",
        requires={
            "websockets": Package("websockets", EXTRA),
            "websockets-sansio": Package("websockets", EXTRA),
            "wsproto": Package("wsproto", "wsproto"),
        },
    )
    ws_max_size: Int = option(
        16777216, "Largest WebSocket message, in bytes", cli="ws-max-size", ge=1, group="websockets"
    )
    ws_max_queue: Int = option(
        32, "Largest queue of received WebSocket messages", cli="ws-max-queue", ge=1, group="websockets"
    )
    ws_ping_interval: float = option(
        20.0, "Seconds between WebSocket pings", cli="ws-ping-interval", gt=0, group="websockets"
    )
    ws_ping_timeout: float = option(
        20.0, "Seconds to wait for a WebSocket pong", cli="ws-ping-timeout", gt=0, group="websockets"
    )
    ws_per_message_deflate: bool = option(
        True,
        "WebSocket per-message-deflate compression",
        cli="ws-per-message-deflate",
        group="websockets",
        bools="valued",
    )

    # Application
    lifespan: Annotated[Lifespan, Choice] = option(
        "off",
        "ASGI lifespan protocol: off (Django does not speak it), auto or on (uvicorn: auto)",
        cli="lifespan",
        documented="lifespan",
        group="application and process",
    )
    root_path: Annotated[
        str, AsciiURLPath("uvicorn encodes it as ASCII into every request's raw_path, and answers each with 400")
    ] = option(
        "",
        "ASGI root_path of an application mounted below a URL path",
        cli="root-path",
        group="application and process",
    )
    app_dir: AnyPath | None = option(
        None,
        "Directory added to the import path before the application is imported",
        cli="app-dir",
        group="application and process",
        path="directory",
    )
    env_file: AnyPath | None = option(
        None,
        "Environment file to load (needs python-dotenv)",
        cli="env-file",
        group="application and process",
        path="file",
        requires=Package("dotenv", EXTRA),
    )
    reset_contextvars: bool = option(
        False,
        "Run each request in a fresh contextvars.Context",
        cli="reset-contextvars",
        group="application and process",
        bools="on-only",
    )

    # Concurrency
    loop: Annotated[Loop, Choice] = option(
        "auto",
        "Event loop: auto (uvloop if installed), asyncio, uvloop or zuvloop",
        cli="loop",
        group="workers",
        requires={"uvloop": Package("uvloop", EXTRA), "zuvloop": Package("zuvloop", "zuvloop")},
    )
    limit_concurrency: Int | None = option(
        None,
        # uvicorn counts each request's own connection: 1 answers every request with 503.
        "Concurrent connections and tasks allowed before answering 503 (1 would refuse every request)",
        cli="limit-concurrency",
        ge=2,
        group="workers",
    )
    limit_max_requests: Int | None = option(
        None, "Requests a worker serves before it exits", cli="limit-max-requests", ge=1, group="worker lifecycle"
    )
    limit_max_requests_jitter: Int = option(
        0,
        "Random extra requests (up to this many) added to limit-max-requests per worker",
        cli="limit-max-requests-jitter",
        ge=0,
        group="worker lifecycle",
        needs=("limit_max_requests",),
    )
    timeout_keep_alive: Duration = option(
        5,
        "Seconds (or a duration) an idle keep-alive connection is kept open",
        cli="timeout-keep-alive",
        ge=0,
        group="workers",
    )
    timeout_graceful_shutdown: Duration | None = option(
        None,
        "Seconds (or a duration) to wait for requests in flight at shutdown (uvicorn: no limit)",
        cli="timeout-graceful-shutdown",
        ge=0,
        group="worker lifecycle",
    )
    timeout_worker_healthcheck: Duration = option(
        5,
        "Seconds (or a duration) a worker has to answer the supervisor's health check",
        cli="timeout-worker-healthcheck",
        ge=1,
        le=POLL_MAX_SECONDS,
        group="worker lifecycle",
    )

    # HTTP
    proxy_headers: bool = option(
        True,
        "Trust X-Forwarded-Proto and X-Forwarded-For from forwarded-allow-ips",
        cli="proxy-headers",
        group="HTTP",
    )
    forwarded_allow_ips: Annotated[CommaList, UVICORN_PEERS] = option(
        ["127.0.0.1", "::1"],
        "Addresses, networks or '*' trusted with proxy headers ($FORWARDED_ALLOW_IPS when set)",
        cli="forwarded-allow-ips",
        documented="forwarded-allow-ips",
        group="HTTP",
    )
    server_header: bool = option(True, "Send a Server header", cli="server-header", group="HTTP")
    date_header: bool = option(True, "Send a Date header", cli="date-header", group="HTTP")
    header: HeaderList = option(
        [],
        "Default response header(s), each 'Name:Value'",
        cli="header",
        server="headers",
        also=("headers",),
        group="HTTP",
    )
    h11_max_incomplete_event_size: Int | None = option(
        None,
        "Bytes h11 buffers of an incomplete request (h11: 16 KiB)",
        cli="h11-max-incomplete-event-size",
        ge=1,
        le=I32_MAX,
        group="HTTP",
    )

    # Logging
    log_config: AnyPath | None = option(
        None,
        "Logging configuration file: .json, .yaml (needs PyYAML) or .ini",
        cli="log-config",
        group="logging",
        path="file",
    )
    use_colors: bool | None = option(
        None, "Colorized log output (uvicorn: when the terminal supports it)", cli="use-colors", group="logging"
    )

    # Reloader (development only)
    reload: bool = option(
        False, "Restart on file changes (development)", cli="reload", group="reloader", bools="on-only"
    )
    reload_dir: PathList = option(
        [],
        "Directories to watch (uvicorn: the working directory)",
        cli="reload-dir",
        server="reload_dirs",
        also=("reload-dirs",),
        group="reloader",
        path="directory",
        needs=("reload",),
    )
    reload_include: StrList = option(
        [],
        "Glob patterns of files to watch (uvicorn: *.py; needs watchfiles)",
        cli="reload-include",
        server="reload_includes",
        also=("reload-includes",),
        group="reloader",
        needs=("reload",),
        requires=Package("watchfiles", EXTRA),
    )
    reload_exclude: StrList = option(
        [],
        "Glob patterns of files not to watch (needs watchfiles)",
        cli="reload-exclude",
        server="reload_excludes",
        also=("reload-excludes",),
        group="reloader",
        needs=("reload",),
        requires=Package("watchfiles", EXTRA),
    )
    reload_delay: float = option(
        0.25,
        "Seconds between two checks for changes",
        cli="reload-delay",
        ge=0,
        # The reloader waits on a threading.Event: a longer delay is a traceback at start.
        le=SLEEP_MAX_SECONDS,
        group="reloader",
        needs=("reload",),
    )


__all__ = ["EXTRA", "UvicornSettings"]
