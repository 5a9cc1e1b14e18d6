"""ARGS of the waitress backend: one field per option of waitress 3's ``Adjustments`` registry.

The common names of the other servers (``address``, ``port``, ``threads``, ``backlog``, declared in
:mod:`django_prodserver.args.common`) are the documented ones; waitress' own spellings (``host``,
``unix-socket-perms``...) are accepted too, so a django-prodserver 3.x setting keeps working.
Defaults are waitress' own (``0.0.0.0:8080``, as 3.x served) and an option is passed only when
set; ``tests/unit/waitress/test_drift.py`` pins names, kinds and defaults against ``Adjustments``.
``sockets`` (socket objects) has no place in a setting.

Nothing here imports waitress: the check imports this module on every management command.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, PlainSerializer
from pydantic_core import PydanticCustomError

from ...args import common
from ...args.addresses import PeerMatching
from ...args.base import BackendArgs, option
from ...args.values import (
    POLL_MAX_SECONDS,
    SCRIPT_NAME_AS_TEXT,
    AnyPath,
    AsciiURLPath,
    Choice,
    Int,
    ServesFrom,
    ThreadCount,
    octal_text,
)

ProxyHeader = Literal[
    "forwarded", "x-forwarded-by", "x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto"
]
"""waitress' ``KNOWN_PROXY_HEADERS``."""
URLScheme = Literal["http", "https"]


def _octal_digits(value: Any) -> Any:
    # waitress reads permissions as octal digits, with or without a leading 0: "600" is 0o600.
    if isinstance(value, str):
        try:
            return int(value.strip(), 8)
        except ValueError:
            raise PydanticCustomError("octal", "Input should be file permissions such as '0660'") from None
    return value


def _words(value: Any) -> Any:
    # As waitress' aslist reads a setting: items separated by spaces, commas tolerated.
    if isinstance(value, str):
        return value.replace(",", " ").split()
    return list(value) if isinstance(value, (tuple, set, frozenset)) else value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("string_type", "Input should be a non-empty string")
    return value.strip()


WaitressOctal = Annotated[int, BeforeValidator(_octal_digits), PlainSerializer(octal_text)]
Words = Annotated[list[str], BeforeValidator(_words)]
Host = Annotated[str, AfterValidator(_not_blank)]
CLEARED = frozenset(
    f"HTTP_{name}"
    for name in (
        "X_FORWARDED_FOR",
        "X_FORWARDED_HOST",
        "X_FORWARDED_PROTO",
        "X_FORWARDED_PORT",
        "X_FORWARDED_BY",
        "FORWARDED",
    )
)
"""waitress.proxy_headers.PROXY_HEADERS, as Django reads them (``request.META``)."""
WAITRESS_PEERS = PeerMatching(
    "waitress",
    parses=False,
    networks=False,
    wildcard="alone",
    unix_peer="localhost",
    clears=("clear_untrusted_proxy_headers", CLEARED),
)
"""How waitress' proxy_headers_middleware matches: REMOTE_ADDR == trusted_proxy, as text, or '*';
its Unix-socket server gives every peer the address 'localhost' (UnixWSGIServer.fix_addr); it removes
the proxy headers (waitress.proxy_headers.PROXY_HEADERS) of a peer it does not trust."""
ProxyHeaders = Annotated[list[Annotated[ProxyHeader, Choice]], BeforeValidator(_words)]

KIB = 1024


CHANNELS_PER_LISTENER = 2
"""waitress counts each listening socket and the trigger it creates beside it as open channels."""
LEAST_CONNECTION_LIMIT = CHANNELS_PER_LISTENER + 1
SERVER_CHANNELS = (
    "waitress counts its listening socket and its trigger as open channels, and accepts a connection only "
    "while fewer than the limit are open: one listener takes 2"
)


class WaitressArgs(BackendArgs):
    """Options of ``waitress.serve`` / ``waitress-serve``, validated before waitress sees them."""

    # Binding
    # waitress keeps its own defaults (0.0.0.0:8080, 4 threads), as 3.x did, and binds host names too.
    address: Host = common.ADDRESS.declare(cli="host", default="0.0.0.0", note="or a host name; waitress: 0.0.0.0")
    port: Int = common.PORT.declare(cli="port", default=8080, note="waitress: 8080")
    listen: Words = option(
        [],
        "host:port pairs to bind to, instead of address and port ('127.0.0.1:8080 [::1]:8080')",
        cli="listen",
        group="binding",
    )
    ipv4: bool = option(True, "Bind IPv4 addresses of listen entries that are host names", cli="ipv4", group="binding")
    ipv6: bool = option(True, "Bind IPv6 addresses of listen entries that are host names", cli="ipv6", group="binding")
    unix_socket: AnyPath | None = option(
        None,
        "Unix domain socket to bind to, instead of address and port",
        cli="unix-socket",
        group="binding",
        path="socket",
    )
    unix_socket_perms: WaitressOctal = option(
        0o600,
        "Unix domain socket permissions, in octal ('600')",
        cli="unix-socket-perms",
        ge=0,
        le=0o7777,
        group="binding",
        needs=("unix_socket",),
    )
    backlog: Int = common.BACKLOG.declare(cli="backlog")

    # Workers
    threads: ThreadCount = common.THREADS.declare(cli="threads", default=4, note="waitress: 4; one process")
    connection_limit: Annotated[Int, ServesFrom(LEAST_CONNECTION_LIMIT, SERVER_CHANNELS)] = option(
        100, "Stop accepting connections above this many open channels", cli="connection-limit", ge=1, group="workers"
    )
    channel_request_lookahead: Int = option(
        0,
        "Requests to read ahead on a busy channel (detects clients that left)",
        cli="channel-request-lookahead",
        ge=0,
        group="workers",
    )
    cleanup_interval: Int = option(
        30, "Minimum seconds between cleanups of inactive channels", cli="cleanup-interval", ge=1, group="workers"
    )
    channel_timeout: Int = option(
        120, "Seconds an inactive connection stays open", cli="channel-timeout", ge=1, group="workers"
    )
    asyncore_loop_timeout: Int = option(
        1,
        "Timeout of the asyncore loop, in seconds",
        cli="asyncore-loop-timeout",
        ge=1,
        le=POLL_MAX_SECONDS,
        group="workers",
    )
    asyncore_use_poll: bool = option(
        False, "Use poll() instead of select() (more open files)", cli="asyncore-use-poll", group="workers"
    )

    # Requests
    url_scheme: Annotated[URLScheme, Choice] = option("http", "Default wsgi.url_scheme", cli="url-scheme", group="HTTP")
    url_prefix: Annotated[str, AsciiURLPath(SCRIPT_NAME_AS_TEXT.format(server="waitress"))] = option(
        "", "SCRIPT_NAME of the application ('/app')", cli="url-prefix", group="HTTP"
    )
    ident: str = option("waitress", "Server header of responses (empty: none)", cli="ident", group="HTTP")
    server_name: str = option(
        "waitress.invalid", "SERVER_NAME when the request has no Host header", cli="server-name", group="HTTP"
    )
    max_request_header_size: Annotated[
        Int, ServesFrom(19, "waitress refuses a header block that reaches the limit; the smallest is 18 bytes")
    ] = option(
        256 * KIB,
        "Maximum size of all request headers, in bytes",
        cli="max-request-header-size",
        ge=1,
        group="HTTP",
    )
    max_request_body_size: Int = option(
        1024**3, "Maximum size of a request body, in bytes", cli="max-request-body-size", ge=0, group="HTTP"
    )
    expose_tracebacks: bool = option(
        False, "Show tracebacks of unhandled exceptions to the client", cli="expose-tracebacks", group="HTTP"
    )

    # Proxy
    trusted_proxy: Annotated[str | None, WAITRESS_PEERS] = option(
        None, "IP address of the proxy whose headers are trusted ('*': any)", cli="trusted-proxy", group="proxy"
    )
    trusted_proxy_count: Int | None = option(
        None,
        "Proxies in front of waitress, when trusted-proxy is '*' (waitress: 1)",
        cli="trusted-proxy-count",
        ge=1,
        group="proxy",
    )
    trusted_proxy_headers: ProxyHeaders = option(
        [],
        "Headers of the trusted proxy to use ('x-forwarded-for x-forwarded-proto')",
        cli="trusted-proxy-headers",
        group="proxy",
    )
    log_untrusted_proxy_headers: bool = option(
        False, "Log proxy headers that were not trusted", cli="log-untrusted-proxy-headers", group="proxy"
    )
    clear_untrusted_proxy_headers: bool = option(
        True, "Remove proxy headers that are not trusted", cli="clear-untrusted-proxy-headers", group="proxy"
    )

    # Buffers
    recv_bytes: Int = option(8192, "Bytes requested per socket.recv()", cli="recv-bytes", ge=1, group="buffers")
    send_bytes: Int = option(
        1, "Bytes per socket.send() (deprecated by waitress)", cli="send-bytes", ge=1, group="buffers"
    )
    outbuf_overflow: Int = option(
        1024 * KIB,
        "Pending output above which a temporary file is used, in bytes",
        cli="outbuf-overflow",
        ge=0,
        group="buffers",
    )
    outbuf_high_watermark: Int = option(
        16 * KIB * KIB,
        "Pending output above which the application is paused, in bytes",
        cli="outbuf-high-watermark",
        ge=1,
        group="buffers",
    )
    inbuf_overflow: Int = option(
        512 * KIB,
        "Pending input above which a temporary file is used, in bytes",
        cli="inbuf-overflow",
        ge=0,
        group="buffers",
    )

    # Logging
    log_socket_errors: bool = option(
        True, "Log tracebacks of clients that disconnect early", cli="log-socket-errors", group="logging"
    )
