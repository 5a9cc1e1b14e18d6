"""gunicorn's own settings, one field each: Server Socket, Worker Processes, Security, Server Mechanics, Process Naming.

Written by ``tests/tools/gunicorn_model.py`` from gunicorn's settings registry; do not edit by hand.

Each option is accepted under its CLI flag (the documented name) and gunicorn's setting name;
defaults are gunicorn's own, or None where gunicorn computes them (from the environment, the
user, the working directory) and the option is then left to gunicorn.  Pinned against
``gunicorn.config.KNOWN_SETTINGS`` by ``tests/unit/gunicorn/test_drift.py``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ...args.base import BackendArgs, Package, option
from ...args.values import AnyPath, Choice, CommaList, Int, OctalPermissions, PidFile, ServesFrom, StrList
from .kinds import Group, ProxyProtocolTrustList, TrustList, User, UwsgiTrustList, WorkerClass

__all__ = ["ServerSettings"]


class ServerSettings(BackendArgs):
    """gunicorn's Server Socket, Worker Processes, Security, Server Mechanics, Process Naming settings."""

    worker_class: WorkerClass = option("sync", "The type of workers to use", cli="worker-class", group="workers")
    worker_connections: Int = option(
        1000, "The maximum number of simultaneous clients", cli="worker-connections", group="workers", ge=0
    )
    max_requests: Int | None = option(
        None,
        "The maximum number of requests a worker will process before restarting",
        cli="max-requests",
        group="workers",
        ge=0,
    )
    max_requests_jitter: Int = option(
        0,
        "The maximum jitter to add to the max_requests setting",
        cli="max-requests-jitter",
        group="workers",
        ge=0,
        needs=("max_requests",),
    )
    timeout: Int = option(
        30,
        "Workers silent for more than this many seconds are killed and restarted",
        cli="timeout",
        group="workers",
        ge=0,
        le=2**34,
    )
    graceful_timeout: Int = option(
        30, "Timeout for graceful workers restart in seconds", cli="graceful-timeout", group="workers", ge=0
    )
    keep_alive: Int = option(
        2,
        "The number of seconds to wait for requests on a Keep-Alive connection",
        cli="keep-alive",
        group="workers",
        server="keepalive",
        also=("keepalive",),
        ge=0,
    )
    limit_request_line: Annotated[
        Int, ServesFrom(14, "the shortest request line, 'GET / HTTP/1.1', is 14 bytes", off=0)
    ] = option(
        4094, "The maximum size of HTTP request line in bytes", cli="limit-request-line", group="limits", ge=0, le=8190
    )
    limit_request_fields: Annotated[
        Int,
        ServesFrom(
            2,
            "the barest HTTP client, Python's http.client, sends 2 header fields, Host and Accept-Encoding; "
            "curl 3, browsers 10 or more",
            off=0,
        ),
    ] = option(
        100,
        "Limit the number of HTTP headers fields in a request",
        cli="limit-request-fields",
        group="limits",
        ge=0,
        le=32768,
    )
    limit_request_field_size: Annotated[
        Int,
        ServesFrom(
            25,
            "every common client sends a field of 25 bytes or more: curl 7.88's 'User-Agent: curl/7.88.1' "
            "with its CRLF; Python's http.client's Accept-Encoding is 27, a browser's User-Agent over 100",
            off=0,
        ),
    ] = option(
        8190,
        "Limit the allowed size of an HTTP request header field",
        cli="limit-request-field_size",
        group="limits",
        ge=0,
    )
    preload: bool = option(
        False,
        "Load application code before the worker processes are forked",
        cli="preload",
        group="server mechanics",
        server="preload_app",
        also=("preload_app",),
    )
    no_sendfile: bool = option(
        False,
        "Disables the use of 'sendfile()'",
        cli="no-sendfile",
        group="server mechanics",
        server="sendfile",
        inverted=True,
    )
    reuse_port: bool = option(
        False, "Set the 'SO_REUSEPORT' flag on the listening socket", cli="reuse-port", group="server mechanics"
    )
    chdir: AnyPath | None = option(
        None,
        "Change directory to specified directory before loading apps",
        cli="chdir",
        group="server mechanics",
        path="directory",
    )
    env: StrList = option(
        [],
        "Set environment variables in the execution environment",
        cli="env",
        group="server mechanics",
        server="raw_env",
        also=("raw_env",),
    )
    pid: Annotated[AnyPath, PidFile("gunicorn")] | None = option(
        None,
        "A filename to use for the PID file",
        cli="pid",
        group="server mechanics",
        server="pidfile",
        also=("pidfile",),
        path="created",
    )
    worker_tmp_dir: AnyPath | None = option(
        None,
        "A directory to use for the worker heartbeat temporary file",
        cli="worker-tmp-dir",
        group="server mechanics",
        path="directory",
    )
    user: User = option(None, "Switch worker processes to run as this user", cli="user", group="server mechanics")
    group: Group = option(None, "Switch worker process to run as this group", cli="group", group="server mechanics")
    umask: OctalPermissions = option(
        0,
        "A bit mask for the file mode on files written by Gunicorn",
        cli="umask",
        group="server mechanics",
        ge=0,
        le=0o7777,
    )
    initgroups: bool = option(
        False,
        "Give the workers the supplementary groups of their user, plus the group",
        cli="initgroups",
        group="server mechanics",
    )
    forwarded_allow_ips: TrustList = option(
        None,
        "Front-end's IP addresses or networks from which allowed to handle set secure headers",
        cli="forwarded-allow-ips",
        group="server mechanics",
    )
    name: str | None = option(
        None,
        "A base to use with setproctitle for process naming",
        cli="name",
        group="server mechanics",
        server="proc_name",
        also=("proc_name",),
    )
    python_path: CommaList | None = option(
        None,
        "A comma-separated list of directories to add to the Python path",
        cli="pythonpath",
        group="server mechanics",
        documented="python-path",
        server="pythonpath",
    )
    proxy_protocol: Annotated[Literal["off", "v1", "v2", "auto"], Choice] = option(
        "off", "Enable PROXY protocol support", cli="proxy-protocol", group="server mechanics"
    )
    proxy_allow_from: ProxyProtocolTrustList = option(
        None,
        "Front-end's IP addresses or networks from which allowed accept proxy requests (comma separated)",
        cli="proxy-allow-from",
        group="server mechanics",
        server="proxy_allow_ips",
        also=("proxy_allow_ips",),
    )
    protocol: Annotated[Literal["http", "uwsgi"], Choice] = option(
        "http", "The protocol for incoming connections", cli="protocol", group="server mechanics"
    )
    uwsgi_allow_from: UwsgiTrustList = option(
        None,
        "IPs allowed to send uWSGI protocol requests (comma separated)",
        cli="uwsgi-allow-from",
        group="server mechanics",
        server="uwsgi_allow_ips",
        also=("uwsgi_allow_ips",),
    )
    permit_obsolete_folding: bool = option(
        False,
        "Permit requests employing obsolete HTTP line folding mechanism",
        cli="permit-obsolete-folding",
        group="server mechanics",
    )
    strip_header_spaces: bool = option(
        False,
        "Strip spaces present between the header name and the the ':'",
        cli="strip-header-spaces",
        group="server mechanics",
    )
    permit_unconventional_http_method: bool = option(
        False,
        "Permit HTTP methods not matching conventions, such as IANA registration guidelines",
        cli="permit-unconventional-http-method",
        group="server mechanics",
    )
    permit_unconventional_http_version: bool = option(
        False,
        "Permit HTTP version not matching conventions of 2023",
        cli="permit-unconventional-http-version",
        group="server mechanics",
    )
    casefold_http_method: bool = option(
        False, "Transform received HTTP methods to uppercase", cli="casefold-http-method", group="server mechanics"
    )
    forwarder_headers: CommaList = option(
        ["SCRIPT_NAME", "PATH_INFO"],
        "Headers the front-end proxy (see forwarded-allow-ips) may set in the WSGI environment",
        cli="forwarder-headers",
        group="server mechanics",
    )
    header_map: Annotated[Literal["drop", "refuse", "dangerous"], Choice] = option(
        "drop", "Configure how header field names are mapped into environ", cli="header-map", group="server mechanics"
    )
    asgi_loop: Annotated[Literal["auto", "asyncio", "uvloop"], Choice] = option(
        "auto",
        "Event loop implementation for ASGI workers",
        cli="asgi-loop",
        group="workers",
        requires={"uvloop": Package("uvloop", "uvloop")},
    )
    asgi_lifespan: Annotated[Literal["auto", "on", "off"], Choice] = option(
        "auto", "Control ASGI lifespan protocol handling", cli="asgi-lifespan", group="workers"
    )
    asgi_disconnect_grace_period: Int = option(
        3,
        "Grace period (seconds) for ASGI apps to handle client disconnects",
        cli="asgi-disconnect-grace-period",
        group="workers",
        ge=0,
    )
    websocket_max_message_size: Int = option(
        16777216,
        "Largest WebSocket message, in bytes, the 'asgi' worker accepts",
        cli="websocket-max-message-size",
        group="workers",
        ge=0,
    )
    http_parser: Annotated[Literal["auto", "fast", "python"], Choice] = option(
        "auto",
        "HTTP parser implementation",
        cli="http-parser",
        group="workers",
        requires={"fast": Package("gunicorn_h1c", "gunicorn[fast]")},
    )
    root_path: str = option("", "The root path for ASGI applications", cli="root-path", group="server mechanics")
