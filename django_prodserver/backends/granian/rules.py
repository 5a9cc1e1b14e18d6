"""Granian's own rules: valid options that Granian 2.8 refuses together, ignores or changes
(``server/common.py``), and production advice.  :func:`granian_problems` runs them and those of
each concern's module: ``routes`` (static files, the URL path prefix), ``tls`` (the certificate,
key and trust files, the options that need TLS), ``logs`` (the access log format, the log
configuration) and ``machine`` (what the options need from the OS and Python).

The shared rules (files by their path role, options without the option they need, packages)
read the options' metadata and run for every backend; :func:`granian_problems` adds these.
Paths are relative to the process, by field name (``("ARGS", "blocking_threads")``);
validation turns them into the key the user wrote.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from ...args.groups import Group
from ...problems import Problem, Severity
from ...rules.deploy import development_problems
from ...rules.environment import ignored_variables
from .logs import access_log_format_problems, access_log_without_log, log_config_problems
from .machine import platform_problems
from .options import GranianArgs, GranianASGIArgs
from .routes import shadowed_routes, static_paths, static_routes, url_path_prefix
from .tls import client_verify, http2_without_tls, tls_pair, tls_problems, trust_file_problems

E040 = "prodserver.E040"
E042 = "prodserver.E042"
E045 = "prodserver.E045"
W040 = "prodserver.W040"
W042 = "prodserver.W042"
W044 = "prodserver.W044"
W045 = "prodserver.W045"
W049 = "prodserver.W049"
W052 = "prodserver.W052"
W055 = "prodserver.W055"
W072 = "prodserver.W072"

MANY_WORKERS = 512
"""Far more worker processes than any machine has cores: almost certainly a typo."""
E042_FACTORY = Problem(
    E042,
    Severity.ERROR,
    ("ARGS", "factory"),
    "is True; Django's application is not a factory, so serving would fail.",
    "Remove factory.",
)
W040_WEBSOCKETS_ON_WSGI = Problem(
    W040,
    Severity.WARNING,
    ("ARGS", "ws"),
    "is True, but WSGI has no websockets: Granian turns them off.",
    "Remove it, or serve websockets with the ASGI backend.",
)
W042_THREADS_ON_ASGI = Problem(
    W042,
    Severity.WARNING,
    ("ARGS", "threads"),
    "is ignored by the ASGI backend: each worker runs one event loop.",
    "Remove it and scale with 'workers'; 'threads' applies to the WSGI backend.",
)
W044_WEBSOCKETS_ON_HTTP2 = Problem(
    W044,
    Severity.WARNING,
    ("ARGS", "ws"),
    "is True, but http is '2': websocket handshakes need HTTP/1.1, so none succeeds.",
    "Use http 'auto' to serve websockets.",
)

Rule = Callable[[GranianArgs, bool], list[Problem]]
"""A rule over the validated options; the flag is True for the WSGI interface."""


def granian_problems(args: GranianArgs, *, wsgi: bool, starting: bool = False) -> list[Problem]:
    """Problems with valid-typed Granian ARGS; paths are relative to the process."""
    return [
        *(problem for rule in RULES for problem in rule(args, wsgi)),
        *access_log_format_problems(args),
        *platform_problems(args),
        *log_config_problems(args, starting=starting),
        *tls_problems(args),
        *trust_file_problems(args),
        *deploy_problems(args),
        *ignored_variables(W055, "GRANIAN", "granian"),
    ]


def blocking_threads(args: GranianArgs, wsgi: bool) -> list[Problem]:
    if wsgi or not isinstance(args, GranianASGIArgs) or args.blocking_threads <= 1:
        return []
    return [
        Problem(
            E040,
            Severity.ERROR,
            ("ARGS", "blocking_threads"),
            f"is {args.blocking_threads}; Granian refuses more than 1 blocking thread for ASGI.",
            "Remove it (or set 1) and scale with 'workers'.",
        )
    ]


def many_workers(args: GranianArgs, wsgi: bool) -> list[Problem]:
    if args.workers <= MANY_WORKERS:
        return []
    return [
        Problem(
            W049,
            Severity.WARNING,
            ("ARGS", "workers"),
            f"is {args.workers}: each worker is a process with its own copy of the application, and more "
            f"than {MANY_WORKERS} exhaust most machines.",
            "Start with one worker per CPU core and measure.",
        )
    ]


def factory(args: GranianArgs, wsgi: bool) -> list[Problem]:
    return [E042_FACTORY] if args.factory else []


def metrics_port(args: GranianArgs, wsgi: bool) -> list[Problem]:
    if not args.metrics or args.uds is not None or args.port == 0 or args.metrics_port != args.port:
        return []
    server, metrics = ipaddress.ip_address(args.address), ipaddress.ip_address(args.metrics_address)
    # A wildcard address takes the port on every interface, so it collides with any other address.
    if server != metrics and not server.is_unspecified and not metrics.is_unspecified:
        return []
    return [
        Problem(
            E045,
            Severity.ERROR,
            ("ARGS", "metrics_port"),
            f"is {args.port}, the server's port too: one of them cannot bind it.",
            "Give the metrics exporter another port, e.g. 9090.",
        )
    ]


def websockets(args: GranianArgs, wsgi: bool) -> list[Problem]:
    # Websockets are on by default; only an explicit ws=True says the user expects them.
    if "ws" not in args.model_fields_set or not args.ws:
        return []
    if wsgi:
        return [W040_WEBSOCKETS_ON_WSGI]
    return [W044_WEBSOCKETS_ON_HTTP2] if args.http == "2" else []


def threads_on_asgi(args: GranianArgs, wsgi: bool) -> list[Problem]:
    if wsgi or not isinstance(args, GranianASGIArgs) or args.threads is None:
        return []
    return [W042_THREADS_ON_ASGI]


def ignored_with_reload(args: GranianArgs, wsgi: bool) -> list[Problem]:
    if not args.reload:
        return []
    given = {
        "workers_lifetime": args.workers_lifetime is not None,
        "workers_max_rss": args.workers_max_rss is not None,
        "metrics": args.metrics,
    }
    return [
        Problem(
            W045,
            Severity.WARNING,
            ("ARGS", field),
            "is ignored while reload is enabled: Granian turns it off.",
            "Disable reload (it is for development), or remove this option.",
        )
        for field, is_given in given.items()
        if is_given
    ]


# Options of one HTTP version: Granian builds only that version's connection settings when http names the other.
_HTTP_GROUPS: dict[str, Group] = {"1": "HTTP/2", "2": "HTTP/1"}


def other_http_version(args: GranianArgs, wsgi: bool) -> list[Problem]:
    group = _HTTP_GROUPS.get(args.http)
    if group is None:
        return []
    options = type(args).options()
    return [
        Problem(
            W052,
            Severity.WARNING,
            ("ARGS", field),
            f"has no effect: http is {args.http!r}, so Granian serves no {group} connection.",
            f"Remove it, or set http to 'auto' to serve {group} too.",
        )
        for field, meta in options.items()
        if meta.group == group and field in args.model_fields_set
    ]


RULES: tuple[Rule, ...] = (
    blocking_threads,
    static_paths,
    static_routes,
    many_workers,
    factory,
    tls_pair,
    metrics_port,
    websockets,
    client_verify,
    threads_on_asgi,
    http2_without_tls,
    ignored_with_reload,
    shadowed_routes,
    url_path_prefix,
    other_http_version,
    access_log_without_log,
)
W072_NO_KILL_TIMEOUT = Problem(
    W072,
    Severity.WARNING,
    ("ARGS", "workers_kill_timeout"),
    "is not set: a stop signal that lands while a worker starts can leave Granian waiting forever.",
    "Set workers-kill-timeout, e.g. '30s', so that Granian kills a worker that does not stop.",
    deploy=True,
)


def deploy_problems(args: GranianArgs) -> list[Problem]:
    """Production advice, shown by ``check --deploy`` only."""
    problems = development_problems(reload=args.reload, log_level=args.log_level, verbose={"debug", "notset"})
    if args.workers_kill_timeout is None:
        # Granian's start-up signal race (docs/deployment.md): the master waits for a worker that missed the signal.
        problems.append(W072_NO_KILL_TIMEOUT)
    return problems
