"""Valid Granian options that Granian refuses together, ignores or changes (Granian 2.8, ``server/common.py``).

:func:`granian_problems` is what ``GranianServer.problems()`` returns: these combinations,
then the machine's packages and platform, the files named by ARGS and the deploy advice.
Paths are relative to the process, by field name (``("ARGS", "blocking_threads")``);
validation turns them into the key the user wrote.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from ..args.granian import GranianArgs, GranianASGIArgs
from ..problems import Problem, Severity
from .deploy import deploy_problems
from .environment import environment_problems
from .files import file_problems

E040 = "prodserver.E040"
E041 = "prodserver.E041"
E042 = "prodserver.E042"
E043 = "prodserver.E043"
E044 = "prodserver.E044"
E045 = "prodserver.E045"
W040 = "prodserver.W040"
W041 = "prodserver.W041"
W042 = "prodserver.W042"
W043 = "prodserver.W043"
W044 = "prodserver.W044"
W045 = "prodserver.W045"
W046 = "prodserver.W046"

E042_FACTORY = Problem(
    E042,
    Severity.ERROR,
    ("ARGS", "factory"),
    "is True; Django's application is not a factory, so serving would fail.",
    "Remove factory.",
)
E043_CERT_WITHOUT_KEY = Problem(
    E043,
    Severity.ERROR,
    ("ARGS", "ssl_cert"),
    "is set without ssl-key: Granian would silently serve plain HTTP.",
    "Set ssl-key to the certificate's private key file.",
)
E044_KEY_WITHOUT_CERT = Problem(
    E044,
    Severity.ERROR,
    ("ARGS", "ssl_key"),
    "is set without ssl-cert: Granian would silently serve plain HTTP.",
    "Set ssl-cert to the certificate file that goes with this key.",
)
W040_WEBSOCKETS_ON_WSGI = Problem(
    W040,
    Severity.WARNING,
    ("ARGS", "ws"),
    "is True, but WSGI has no websockets: Granian turns them off.",
    "Remove it, or serve websockets with the ASGI backend.",
)
W041_VERIFY_WITHOUT_CA = Problem(
    W041,
    Severity.WARNING,
    ("ARGS", "ssl_client_verify"),
    "is True without ssl-ca: Granian ignores it and accepts every client.",
    "Set ssl-ca to the CA certificate that signs your clients' certificates.",
)
W042_THREADS_ON_ASGI = Problem(
    W042,
    Severity.WARNING,
    ("ARGS", "threads"),
    "is ignored by the ASGI backend: each worker runs one event loop.",
    "Remove it and scale with 'workers'; 'threads' applies to the WSGI backend.",
)
W043_HTTP2_WITHOUT_TLS = Problem(
    W043,
    Severity.WARNING,
    ("ARGS", "http"),
    "is '2' without TLS: Granian then refuses every HTTP/1.1 client, browsers included.",
    "Use 'auto' to serve HTTP/1.1 and HTTP/2, or set ssl-cert and ssl-key.",
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


def granian_problems(args: GranianArgs, *, interface: str, starting: bool) -> list[Problem]:
    """Problems with valid-typed Granian ARGS; paths are relative to the process."""
    wsgi = interface == "wsgi"
    return [
        *(problem for rule in RULES for problem in rule(args, wsgi)),
        *environment_problems(args),
        *file_problems(args, starting=starting),
        *deploy_problems(args),
    ]


def tls_enabled(args: GranianArgs) -> bool:
    # Granian serves TLS only with both files; with one of them it silently serves plain HTTP.
    return args.ssl_cert is not None and args.ssl_key is not None


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


def static_paths(args: GranianArgs, wsgi: bool) -> list[Problem]:
    mounts, routes = len(args.static_path_mount), len(args.static_path_route)
    # One mount needs no route: Granian serves it at /static.
    if not mounts or mounts == routes or (mounts == 1 and not routes):
        return []
    return [
        Problem(
            E041,
            Severity.ERROR,
            ("ARGS", "static_path_mount"),
            f"has {mounts} mount(s) for {routes} static-path-route(s); Granian refuses that.",
            "Give static-path-route one route per mount, in the same order.",
        )
    ]


def factory(args: GranianArgs, wsgi: bool) -> list[Problem]:
    return [E042_FACTORY] if args.factory else []


def tls_pair(args: GranianArgs, wsgi: bool) -> list[Problem]:
    if args.ssl_cert is not None and args.ssl_key is None:
        return [E043_CERT_WITHOUT_KEY]
    if args.ssl_key is not None and args.ssl_cert is None:
        return [E044_KEY_WITHOUT_CERT]
    return []


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


def client_verify(args: GranianArgs, wsgi: bool) -> list[Problem]:
    if args.ssl_client_verify and tls_enabled(args) and args.ssl_ca is None:
        return [W041_VERIFY_WITHOUT_CA]
    return []


def threads_on_asgi(args: GranianArgs, wsgi: bool) -> list[Problem]:
    if wsgi or not isinstance(args, GranianASGIArgs) or args.threads is None:
        return []
    return [W042_THREADS_ON_ASGI]


def http2_without_tls(args: GranianArgs, wsgi: bool) -> list[Problem]:
    return [W043_HTTP2_WITHOUT_TLS] if args.http == "2" and not tls_enabled(args) else []


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


# Options that only matter with another one: (options, what they need, whether they have it).
_DEPENDENT: tuple[tuple[tuple[str, ...], str, Callable[[GranianArgs], bool]], ...] = (
    (
        ("static_path_route", "static_path_dir_to_file", "static_path_expires"),
        "static-path-mount",
        lambda args: bool(args.static_path_mount),
    ),
    (("uds_permissions",), "uds", lambda args: args.uds is not None),
    (
        ("ssl_ca", "ssl_crl", "ssl_keyfile_password", "ssl_protocol_min", "ssl_client_verify"),
        "ssl-cert and ssl-key",
        tls_enabled,
    ),
    (
        (
            "reload_paths",
            "reload_ignore_dirs",
            "reload_ignore_patterns",
            "reload_ignore_paths",
            "reload_tick",
            "reload_ignore_worker_failure",
        ),
        "reload",
        lambda args: args.reload,
    ),
    (
        ("metrics_scrape_interval", "metrics_address", "metrics_port"),
        "metrics",
        lambda args: args.metrics,
    ),
)


def without_enabler(args: GranianArgs, wsgi: bool) -> list[Problem]:
    return [
        Problem(
            W046,
            Severity.WARNING,
            ("ARGS", field),
            f"has no effect without {needed}.",
            f"Set {needed} too, or remove it.",
        )
        for fields, needed, has_it in _DEPENDENT
        if not has_it(args)
        for field in fields
        if field in args.model_fields_set
    ]


RULES: tuple[Rule, ...] = (
    blocking_threads,
    static_paths,
    factory,
    tls_pair,
    metrics_port,
    websockets,
    client_verify,
    threads_on_asgi,
    http2_without_tls,
    ignored_with_reload,
    without_enabler,
)
