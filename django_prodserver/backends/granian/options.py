"""ARGS of the Granian backends: one field per option of Granian 2.x's CLI.

Options of the documented setting format (address, port, workers, threads, blocking-threads,
backlog, http, log-level, log-access, ssl-cert, ssl-key) keep its names and defaults and
are always passed to Granian; those every server shares are declared in
:mod:`django_prodserver.args.common`.  Every other option defaults to Granian's own value and is
passed only when set, so Granian keeps its defaults; ``tests/unit/granian/test_drift.py``
pins names, choices, ranges and defaults against Granian's click command.

Choices are ``Literal`` strings rather than Granian's enums: ``manage.py check`` validates
these models, and importing granian would add ~135 ms to every management command.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import SecretStr

from ...args import common
from ...args.base import BackendArgs, Package, option
from ...args.common import PID_MAX_LIMIT
from ...args.values import (
    SLEEP_MAX_SECONDS,
    AnyPath,
    Choice,
    Duration,
    Int,
    IPAddress,
    NonEmptyText,
    OctalPermissions,
    PathList,
    PidFile,
    RegexList,
    ServesFrom,
    StaleSocketFails,
    TextList,
)

# Upper bounds of the types Granian's Rust core stores these options in: a larger value passes
# Granian's CLI and then fails at start (OverflowError) or panics a worker (h2's own asserts).
# The backlog's (a C int) and the workers' (PID_MAX_LIMIT) are the common options' own.
U32_MAX = 2**32 - 1
"""HTTP/2 settings that h2 holds as u32 (streams, header list size, send buffer)."""
H2_MIN_FRAME_SIZE, H2_MAX_FRAME_SIZE = 2**14, 2**24 - 1
"""SETTINGS_MAX_FRAME_SIZE, RFC 9113 section 6.5.2: h2 panics outside this range."""
H2_MAX_WINDOW_SIZE = 2**31 - 1
"""SETTINGS_INITIAL_WINDOW_SIZE and window increments, RFC 9113 sections 6.5.2 and 6.9.1."""
U64_MAX = 2**64 - 1
"""Sizes and thread counts Granian holds as usize (http1 buffer, WSGI threads); workers-max-rss in bytes."""
TOKIO_MAX_PERMITS = 2**61 - 1
"""backpressure becomes a tokio Semaphore, which panics above this many permits."""
INSTANT_MAX_SECONDS = 2**62
"""hyper adds the HTTP/2 keep-alive timeout to an Instant, which panics on overflow."""
HTTPMode = Literal["auto", "1", "2"]
RuntimeMode = Literal["auto", "mt", "st"]
Loop = Literal["auto", "asyncio", "rloop", "uvloop", "winloop"]
TaskImpl = Literal["asyncio", "rust"]
LogLevel = Literal["critical", "error", "warning", "warn", "info", "debug", "notset"]
SSLProtocol = Literal["tls1.2", "tls1.3"]


class GranianArgs(BackendArgs):
    """Options shared by the ASGI and WSGI backends."""

    # Binding
    address: IPAddress = common.ADDRESS.declare(cli="host", server="address")
    port: Int = common.PORT.declare(cli="port")
    uds: Annotated[AnyPath, StaleSocketFails("Granian")] | None = option(
        None, "Unix domain socket to bind to, instead of address and port", cli="uds", group="binding", path="socket"
    )
    uds_permissions: OctalPermissions | None = option(
        None,
        "Unix domain socket file permissions, in octal ('0660')",
        cli="uds-permissions",
        ge=0,
        le=0o7777,
        group="binding",
        needs=("uds",),
    )
    # Granian's CLI refuses a backlog below 128.
    backlog: Int = common.BACKLOG.declare(cli="backlog", ge=128)

    # Protocols
    http: Annotated[HTTPMode, Choice] = option(
        "auto", "HTTP version: auto, 1 or 2", cli="http", documented="http", group="protocols", native="HTTPModes"
    )
    ws: bool = option(
        True, "Handle websockets (ASGI only)", cli="ws", server="websockets", also=("websockets",), group="protocols"
    )

    # Concurrency
    workers: Int = common.WORKERS.declare(cli="workers")
    blocking_threads_idle_timeout: Duration = option(
        30,
        "Seconds (or a duration) an idle blocking thread is kept alive",
        cli="blocking-threads-idle-timeout",
        ge=5,
        le=600,
        group="workers",
    )
    runtime_threads: Int = option(
        1, "Number of Rust runtime threads per worker", cli="runtime-threads", ge=1, le=PID_MAX_LIMIT, group="workers"
    )
    runtime_blocking_threads: Int | None = option(
        None,
        "Number of Rust runtime I/O blocking threads per worker (Granian: 512)",
        cli="runtime-blocking-threads",
        ge=1,
        le=U64_MAX - PID_MAX_LIMIT,
        group="workers",
    )
    runtime_mode: Annotated[RuntimeMode, Choice] = option(
        "auto",
        "Rust runtime mode: auto, mt (multi-threaded) or st (single-threaded)",
        cli="runtime-mode",
        group="workers",
        native="RuntimeModes",
    )
    loop: Annotated[Loop, Choice] = option(
        "auto",
        "Event loop implementation",
        cli="loop",
        group="workers",
        native="Loops",
        requires={"uvloop": Package("uvloop", "granian[uvloop]"), "rloop": Package("rloop", "granian[rloop]")},
    )
    task_impl: Annotated[TaskImpl, Choice] = option(
        "asyncio", "Async task implementation", cli="task-impl", group="workers", native="TaskImpl"
    )
    backpressure: Int | None = option(
        None,
        "Maximum concurrent requests per worker (Granian: backlog / workers)",
        cli="backpressure",
        ge=1,
        le=TOKIO_MAX_PERMITS,
        group="workers",
    )

    # HTTP/1
    http1_buffer_size: Int = option(
        417792,
        "Maximum buffer size for HTTP/1 connections, in bytes",
        cli="http1-buffer-size",
        server="http1_settings.max_buffer_size",
        ge=8192,
        le=U64_MAX,
        group="HTTP/1",
    )
    http1_header_read_timeout: Int = option(
        30000,
        "Timeout to read request headers, in milliseconds",
        cli="http1-header-read-timeout",
        server="http1_settings.header_read_timeout",
        ge=1,
        le=60000,
        group="HTTP/1",
    )
    http1_keep_alive: bool = option(
        True, "HTTP/1 keep-alive", cli="http1-keep-alive", server="http1_settings.keep_alive", group="HTTP/1"
    )
    http1_pipeline_flush: bool = option(
        False,
        "Aggregate HTTP/1 flushes for pipelined responses (experimental)",
        cli="http1-pipeline-flush",
        server="http1_settings.pipeline_flush",
        group="HTTP/1",
    )

    # HTTP/2
    http2_adaptive_window: bool = option(
        False,
        "Adaptive flow control for HTTP/2",
        cli="http2-adaptive-window",
        server="http2_settings.adaptive_window",
        group="HTTP/2",
    )
    http2_initial_connection_window_size: Int = option(
        1048576,
        "HTTP/2 connection-level flow control window, in bytes",
        cli="http2-initial-connection-window-size",
        server="http2_settings.initial_connection_window_size",
        ge=1024,
        le=H2_MAX_WINDOW_SIZE,
        group="HTTP/2",
    )
    http2_initial_stream_window_size: Int = option(
        1048576,
        "HTTP/2 stream-level flow control window (SETTINGS_INITIAL_WINDOW_SIZE)",
        cli="http2-initial-stream-window-size",
        server="http2_settings.initial_stream_window_size",
        ge=1024,
        le=H2_MAX_WINDOW_SIZE,
        group="HTTP/2",
    )
    http2_keep_alive_interval: Int | None = option(
        None,
        "Interval between HTTP/2 keep-alive pings, in milliseconds",
        cli="http2-keep-alive-interval",
        server="http2_settings.keep_alive_interval",
        ge=1,
        le=60000,
        group="HTTP/2",
    )
    http2_keep_alive_timeout: Duration = option(
        20,
        "Seconds (or a duration) to wait for an HTTP/2 keep-alive ping acknowledgement",
        cli="http2-keep-alive-timeout",
        server="http2_settings.keep_alive_timeout",
        ge=1,
        le=INSTANT_MAX_SECONDS,
        group="HTTP/2",
    )
    http2_max_concurrent_streams: Int = option(
        200,
        "HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS",
        cli="http2-max-concurrent-streams",
        server="http2_settings.max_concurrent_streams",
        ge=10,
        le=U32_MAX,
        group="HTTP/2",
    )
    http2_max_frame_size: Int = option(
        16384,
        "Maximum HTTP/2 frame size, in bytes",
        cli="http2-max-frame-size",
        server="http2_settings.max_frame_size",
        ge=H2_MIN_FRAME_SIZE,
        le=H2_MAX_FRAME_SIZE,
        group="HTTP/2",
    )
    http2_max_headers_size: Annotated[
        Int,
        ServesFrom(
            167,
            "the smallest HTTP/2 request, GET / of host 'a', is 166 bytes as HTTP/2 counts its four pseudo-header "
            "fields (32 each besides name and value), and Granian refuses a header list that reaches the limit",
        ),
    ] = option(
        16777216,
        "Maximum size of received HTTP/2 header frames, in bytes",
        cli="http2-max-headers-size",
        server="http2_settings.max_headers_size",
        ge=1,
        le=U32_MAX,
        group="HTTP/2",
    )
    http2_max_send_buffer_size: Int = option(
        409600,
        "Maximum write buffer size per HTTP/2 stream, in bytes",
        cli="http2-max-send-buffer-size",
        server="http2_settings.max_send_buffer_size",
        ge=1024,
        le=U32_MAX,
        group="HTTP/2",
    )

    # Logging
    log: bool = option(True, "Enable logging", cli="log", server="log_enabled", also=("log-enabled",), group="logging")
    log_level: Annotated[LogLevel, Choice] = common.LOG_LEVEL.declare(
        choices=LogLevel, cli="log-level", native="LogLevels"
    )
    log_config: AnyPath | None = option(
        None,
        "Logging configuration file (JSON, logging.dictConfig format)",
        cli="log-config",
        server="log_dictconfig",
        group="logging",
        path="file",
    )
    log_access: bool = common.LOG_ACCESS.declare(
        cli="access-log", server="log_access", note="Granian's own default is off"
    )
    access_log_fmt: NonEmptyText | None = option(
        None,
        "Access log format",
        cli="access-log-fmt",
        server="log_access_format",
        also=("log-access-format",),
        group="logging",
        needs=("log_access",),
    )

    # TLS
    ssl_cert: AnyPath | None = common.SSL_CERT.declare(cli="ssl-certificate", server="ssl_cert")
    ssl_key: AnyPath | None = common.SSL_KEY.declare(cli="ssl-keyfile", server="ssl_key", note="PKCS#8, RSA or EC")
    ssl_keyfile_password: SecretStr | None = option(
        None,
        "Password of the TLS private key",
        cli="ssl-keyfile-password",
        server="ssl_key_password",
        also=("ssl-key-password",),
        secret=True,
        group="TLS",
        needs=("ssl_cert", "ssl_key"),
    )
    ssl_protocol_min: Annotated[SSLProtocol, Choice] = option(
        "tls1.3",
        "Minimum TLS protocol version",
        cli="ssl-protocol-min",
        group="TLS",
        needs=("ssl_cert", "ssl_key"),
        native="SSLProtocols",
    )
    ssl_ca: AnyPath | None = option(
        None,
        "Root CA certificate file for client verification",
        cli="ssl-ca",
        group="TLS",
        path="file",
        needs=("ssl_cert", "ssl_key"),
    )
    ssl_crl: PathList = option(
        [],
        "Certificate revocation list file(s)",
        cli="ssl-crl",
        group="TLS",
        path="file",
        needs=("ssl_cert", "ssl_key", "ssl_ca"),
    )
    ssl_client_verify: bool = option(
        False,
        "Verify client TLS certificates (needs ssl-ca)",
        cli="ssl-client-verify",
        group="TLS",
        needs=("ssl_cert", "ssl_key"),
    )

    # Application
    url_path_prefix: NonEmptyText | None = option(
        None, "URL path prefix the app is mounted on", cli="url-path-prefix", group="application and process"
    )
    factory: bool = option(
        False,
        "Treat the target as a factory (Django's application is not one)",
        cli="factory",
        group="application and process",
    )
    working_dir: AnyPath | None = option(
        None,
        "Working directory, added to the import path",
        cli="working-dir",
        group="application and process",
        path="directory",
    )
    env_files: PathList = option(
        [],
        "Environment file(s) to load (needs granian[dotenv])",
        cli="env-files",
        group="application and process",
        path="file",
        requires=Package("dotenv", "granian[dotenv]"),
    )

    # Workers lifecycle
    respawn_failed_workers: bool = option(
        False, "Respawn workers that exit unexpectedly", cli="respawn-failed-workers", group="worker lifecycle"
    )
    respawn_interval: float = option(
        3.5,
        "Seconds to sleep between worker respawns",
        cli="respawn-interval",
        ge=0,
        le=SLEEP_MAX_SECONDS,
        allow_inf_nan=False,
        group="worker lifecycle",
    )
    rss_sample_interval: Duration = option(
        30,
        "Seconds (or a duration) between resource monitor samples",
        cli="rss-sample-interval",
        ge=1,
        le=300,
        group="worker lifecycle",
        needs=("workers_max_rss",),
    )
    rss_samples: Int = option(
        1,
        "Consecutive samples over the limit before a worker is respawned",
        cli="rss-samples",
        ge=1,
        group="worker lifecycle",
        needs=("workers_max_rss",),
    )
    workers_lifetime: Duration | None = option(
        None,
        "Seconds (or a duration) a worker lives before it is respawned",
        cli="workers-lifetime",
        ge=60,
        le=SLEEP_MAX_SECONDS,
        group="worker lifecycle",
    )
    workers_max_rss: Int | None = option(
        None,
        "Memory (MiB) a worker may use before it is respawned",
        cli="workers-max-rss",
        ge=1,
        le=U64_MAX >> 20,
        group="worker lifecycle",
    )
    workers_kill_timeout: Duration | None = option(
        None,
        "Seconds (or a duration) to wait before killing a worker that does not stop",
        cli="workers-kill-timeout",
        ge=1,
        le=1800,
        group="worker lifecycle",
    )

    # Static files
    static_path_route: TextList = option(
        [],
        "Route(s) for static file serving (Granian: /static)",
        cli="static-path-route",
        group="static files",
        needs=("static_path_mount",),
    )
    static_path_mount: PathList = option(
        [],
        "Directory (or directories) to serve static files from",
        cli="static-path-mount",
        group="static files",
        path="directory",
    )
    static_path_dir_to_file: NonEmptyText | None = option(
        None,
        "File served as the index of a static directory",
        cli="static-path-dir-to-file",
        group="static files",
        needs=("static_path_mount",),
    )
    static_path_expires: Duration = option(
        86400,
        "Cache expiry of static files, in seconds or a duration; 0 disables",
        cli="static-path-expires",
        ge=0,
        group="static files",
        needs=("static_path_mount",),
    )

    # Metrics
    metrics: bool = option(
        False,
        "Enable the Prometheus metrics exporter",
        cli="metrics",
        server="metrics_enabled",
        also=("metrics-enabled",),
        group="metrics",
    )
    metrics_scrape_interval: Duration = option(
        15,
        "Seconds (or a duration) between metrics collections",
        cli="metrics-scrape-interval",
        ge=1,
        le=60,
        group="metrics",
        needs=("metrics",),
    )
    metrics_address: IPAddress = option(
        "127.0.0.1",
        "IP address the metrics exporter binds to",
        cli="metrics-address",
        group="metrics",
        needs=("metrics",),
    )
    metrics_port: Int = option(
        9090,
        "TCP port the metrics exporter binds to",
        cli="metrics-port",
        ge=0,
        le=65535,
        group="metrics",
        needs=("metrics",),
    )

    # Reloader (development only)
    reload: bool = option(
        False,
        "Reload on file changes (development; needs granian[reload])",
        cli="reload",
        group="reloader",
        requires=Package("watchfiles", "granian[reload]"),
    )
    reload_paths: PathList = option(
        [],
        "Paths to watch for changes (Granian: the working directory)",
        cli="reload-paths",
        group="reloader",
        path="exists",
        needs=("reload",),
    )
    reload_ignore_dirs: TextList = option(
        [], "Directory names to ignore changes in", cli="reload-ignore-dirs", group="reloader", needs=("reload",)
    )
    reload_ignore_patterns: RegexList = option(
        [],
        "File or directory name patterns (regex) to ignore changes in",
        cli="reload-ignore-patterns",
        group="reloader",
        needs=("reload",),
    )
    reload_ignore_paths: PathList = option(
        [], "Absolute paths to ignore changes in", cli="reload-ignore-paths", group="reloader", needs=("reload",)
    )
    reload_tick: Int = option(
        50, "Reloader tick, in milliseconds", cli="reload-tick", ge=50, le=5000, group="reloader", needs=("reload",)
    )
    reload_ignore_worker_failure: bool = option(
        False,
        "Keep reloading after a worker fails",
        cli="reload-ignore-worker-failure",
        group="reloader",
        needs=("reload",),
    )

    # Process
    process_name: NonEmptyText | None = option(
        None,
        "Process name (needs granian[pname])",
        cli="process-name",
        group="application and process",
        requires=Package("setproctitle", "granian[pname]"),
    )
    pid_file: Annotated[AnyPath, PidFile("Granian", unreadable=True)] | None = option(
        None, "File to write the PID to", cli="pid-file", group="application and process", path="created"
    )


class GranianASGIArgs(GranianArgs):
    """ARGS of ``django_prodserver.backends.granian.GranianASGIServer``."""

    blocking_threads: Int = option(
        1,
        "Blocking threads per worker; Granian refuses more than 1 for ASGI",
        cli="blocking-threads",
        documented="blocking-threads",
        ge=1,
        le=U64_MAX,
        group="workers",
    )
    threads: Int | None = common.ASGI_THREADS.declare(cli=None)


class GranianWSGIArgs(GranianArgs):
    """ARGS of ``django_prodserver.backends.granian.GranianWSGIServer``."""

    threads: Int = common.THREADS.declare(cli="blocking-threads", note="Granian's blocking threads", le=U64_MAX)


__all__ = ["GranianASGIArgs", "GranianArgs", "GranianWSGIArgs"]
