"""Granian's own rules: valid options that Granian 2.8 refuses together, ignores or changes
(``server/common.py``), what it needs from the platform, file contents and production advice.

The shared rules (files by their path role, options without the option they need, packages)
read the options' metadata and run for every backend; :func:`granian_problems` adds these.
Paths are relative to the process, by field name (``("ARGS", "blocking_threads")``);
validation turns them into the key the user wrote.
"""

from __future__ import annotations

import copy
import ipaddress
import json
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...problems import Problem, Severity
from ...rules.deploy import development_problems
from ...rules.environment import ignored_variables
from ...rules.files import missing
from ...rules.text import first_line, shown, type_name
from ...rules.tls import certificate_problems, tls_pair_problems
from .options import GranianArgs, GranianASGIArgs

if TYPE_CHECKING:
    from ...rules.private_keys import PrivateKey

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


def granian_problems(args: GranianArgs, *, wsgi: bool, starting: bool = False) -> list[Problem]:
    """Problems with valid-typed Granian ARGS; paths are relative to the process."""
    return [
        *(problem for rule in RULES for problem in rule(args, wsgi)),
        *access_log_format_problems(args),
        *platform_problems(args),
        *socket_file_problems(args, starting=starting),
        *log_config_problems(args, starting=starting),
        *tls_problems(args),
        *trust_file_problems(args),
        *deploy_problems(args),
        *ignored_variables(W055, "GRANIAN", "granian"),
    ]


def socket_file_problems(args: GranianArgs, *, starting: bool) -> list[Problem]:
    """Granian binds a new socket at uds: a file of another kind there makes the bind fail ("in use")."""
    try:
        if args.uds is None or not args.uds.exists() or stat.S_ISSOCK(args.uds.stat().st_mode):
            return []
    except OSError:
        return []  # the file rules report a name the system refuses
    message = f"names {shown(args.uds)}, which exists and is not a socket: Granian cannot bind a socket there."
    return [missing("uds", message, starting, exists=True)]


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


def static_routes(args: GranianArgs, wsgi: bool) -> list[Problem]:
    """Granian matches a route as a path prefix, before the application sees the request."""
    if not args.static_path_mount:
        return []
    problems = []
    for index, route in enumerate(args.static_path_route):
        if route.strip() in {"", "/"}:
            why = "serves static files for every path: the application would never be reached"
        elif not route.startswith("/"):
            why = "does not start with '/': no request path matches it"
        elif route.endswith("/"):
            # Granian strips the route and needs a '/' after it: '/static/' matches only '/static//...'.
            why = "ends with '/': Granian then matches only paths with '//' after it, so no file is served"
        else:
            continue
        problems.append(
            Problem(
                W048,
                Severity.WARNING,
                ("ARGS", "static_path_route", index),
                f"is {route!r}, which {why}.",
                "Use a path prefix such as '/static'.",
            )
        )
    return problems


def shadowed_routes(args: GranianArgs, wsgi: bool) -> list[Problem]:
    """Granian tries the routes in order and serves from the first that matches, without falling through."""
    if len(args.static_path_mount) < 2 or len(args.static_path_mount) != len(args.static_path_route):
        return []
    problems = []
    routes = args.static_path_route
    for index, route in enumerate(routes):
        earlier = next(
            (
                (before, other)
                for before, other in enumerate(routes[:index])
                if other.startswith("/") and (route == other or route.startswith(other.rstrip("/") + "/"))
            ),
            None,
        )
        if earlier is None:
            continue
        before, other = earlier
        problems.append(
            Problem(
                W051,
                Severity.WARNING,
                ("ARGS", "static_path_route", index),
                f"is {route!r}, inside static-path-route[{before}] {other!r} listed before it: Granian serves "
                f"every such path from the earlier route's mount, so static-path-mount[{index}] is never served.",
                "List the longer route first, or give each mount its own route.",
            )
        )
    return problems


def url_path_prefix(args: GranianArgs, wsgi: bool) -> list[Problem]:
    """Django strips the prefix (ASGI root_path, WSGI SCRIPT_NAME) and resolves the rest, which must start with '/'."""
    prefix = args.url_path_prefix
    if prefix is None:
        return []
    if not prefix.startswith("/"):
        why = "does not start with '/'"
    elif prefix.endswith("/"):
        why = "ends with '/'"
    else:
        return []
    suggestion = "/" + prefix.strip("/")
    return [
        Problem(
            E053,
            Severity.ERROR,
            ("ARGS", "url_path_prefix"),
            f"is {prefix!r}, which {why}: Django would answer 404 to every request under it.",
            f"Write it as {suggestion!r}." if suggestion != "/" else "Remove the option to serve at the root.",
        )
    ]


# Options of one HTTP version: Granian builds only that version's connection settings when http names the other.
_HTTP_GROUPS = {"1": "HTTP/2", "2": "HTTP/1"}


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


def access_log_without_log(args: GranianArgs, wsgi: bool) -> list[Problem]:
    """Granian's ``log`` silences its own logger only: the access log has a logger of its own."""
    if args.log or not args.log_access:
        return []
    default = "" if "log_access" in args.model_fields_set else " (this backend's default)"
    return [
        Problem(
            W054,
            Severity.WARNING,
            ("ARGS", "log"),
            f"is False, but log-access is True{default}: Granian still logs every request.",
            "Set log-access to False too for no logs at all, or remove log to keep Granian's own messages.",
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

E046 = "prodserver.E046"
E047 = "prodserver.E047"
E048 = "prodserver.E048"
E049 = "prodserver.E049"
E051 = "prodserver.E051"
E061 = "prodserver.E061"
E062 = "prodserver.E062"
W060 = "prodserver.W060"
W048 = "prodserver.W048"
W049 = "prodserver.W049"
E053 = "prodserver.E053"
W051 = "prodserver.W051"
W052 = "prodserver.W052"
W054 = "prodserver.W054"
W055 = "prodserver.W055"
MANY_WORKERS = 512
"""Far more worker processes than any machine has cores: almost certainly a typo."""
W072 = "prodserver.W072"

E061_WINLOOP_OFF_WINDOWS = Problem(
    E061,
    Severity.ERROR,
    ("ARGS", "loop"),
    "is 'winloop', which exists only on Windows.",
    "Use 'auto' (the fastest loop installed), 'uvloop' or 'asyncio'.",
)
E062_UDS_ON_WINDOWS = Problem(
    E062,
    Severity.ERROR,
    ("ARGS", "uds"),
    "is set, but Granian has no Unix domain sockets on Windows.",
    "Bind an address and port instead.",
)
W060_RUST_TASKS = Problem(
    W060,
    Severity.WARNING,
    ("ARGS", "task_impl"),
    "is 'rust', which Python 3.12+ lacks: Granian falls back to asyncio.",
    "Remove task-impl (asyncio is the default).",
)


ACCESS_LOG_FIELDS: dict[str, object] = {
    "addr": "127.0.0.1",
    "time": "2026-11-25 12:00:00 +0000",
    "dt_ms": 1.5,
    "status": 200,
    "path": "/",
    "query_string": "",
    "method": "GET",
    "scheme": "http",
    "protocol": "HTTP/1.1",
}
"""What Granian's access logger formats each line with (``granian/log.py``), a sample value each;
``tests/unit/test_granian_access_log.py`` pins the keys against Granian's own builder."""
_HEADER_PLACEHOLDER = re.compile(r"%\(header\{[^}]+\}\)s")


def access_log_format_problems(args: GranianArgs) -> list[Problem]:
    """A format Granian cannot fill logs a traceback for every request instead of its line."""
    if args.access_log_fmt is None:
        return []
    try:
        # %(header{name})s is Granian's own placeholder for a request header.
        _HEADER_PLACEHOLDER.sub("-", args.access_log_fmt) % ACCESS_LOG_FIELDS
    except KeyError as error:
        reason = f"Granian has no %({error.args[0]})s placeholder"
    except (ValueError, TypeError) as error:
        reason = f"it is not a %-format ({error})"
    else:
        return []
    placeholders = ", ".join(f"%({name})s" for name in ACCESS_LOG_FIELDS)
    return [
        Problem(
            E046,
            Severity.ERROR,
            ("ARGS", "access_log_fmt"),
            f"is {shown(args.access_log_fmt)}: {reason}, so every request would log an error instead.",
            f"Use Granian's placeholders: {placeholders} or %(header{{name}})s.",
        )
    ]


def on_windows() -> bool:
    return sys.platform == "win32"


def python_version() -> tuple[int, int]:
    return sys.version_info[:2]


def platform_problems(args: GranianArgs) -> list[Problem]:
    """What the options need from this platform and Python."""
    problems = []
    if args.loop == "winloop" and not on_windows():
        problems.append(E061_WINLOOP_OFF_WINDOWS)
    if args.uds is not None and on_windows():
        problems.append(E062_UDS_ON_WINDOWS)
    if args.task_impl == "rust" and python_version() >= (3, 12):
        problems.append(W060_RUST_TASKS)
    return problems


GRANIAN_LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "generic": {
            "()": "logging.Formatter",
            "fmt": "[%(levelname)s] %(message)s",
            "datefmt": "[%Y-%m-%d %H:%M:%S %z]",
        },
        "access": {"()": "logging.Formatter", "fmt": "%(message)s", "datefmt": "[%Y-%m-%d %H:%M:%S %z]"},
    },
    "handlers": {
        "console": {"formatter": "generic", "class": "logging.StreamHandler", "stream": "ext://sys.stdout"},
        "access": {"formatter": "access", "class": "logging.StreamHandler", "stream": "ext://sys.stdout"},
    },
    "loggers": {
        "_granian": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "granian.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}
"""Granian's logging defaults (``granian/log.py`` ``LOGGING_CONFIG``, pinned by
``tests/unit/test_granian_logging.py``): a log-config replaces their top-level keys, one by one."""
LOG_CONFIG_HINT = (
    "Write a JSON object in logging.dictConfig format. Granian replaces its own formatters, handlers or "
    "loggers with the file's: a file that sets handlers sets the loggers '_granian' and 'granian.access' too."
)


def granian_logging(config: object) -> object:
    """What Granian passes to ``dictConfig`` for a log-config holding ``config`` (``granian/log.py``)."""
    if not isinstance(config, dict) or not config:
        # Granian merges only a non-empty object; anything else is judged as it is.
        return config if config != {} else GRANIAN_LOGGING
    merged = {**copy.deepcopy(GRANIAN_LOGGING), **config}
    loggers = merged["loggers"]
    if isinstance(loggers, dict) and isinstance(loggers.setdefault("_granian", {}), dict):
        # Granian sets its own logger's level from log-level; any valid level judges the same.
        merged["loggers"] = {**loggers, "_granian": {**loggers["_granian"], "level": "INFO"}}
    return merged


def log_config_problems(args: GranianArgs, *, starting: bool = False) -> list[Problem]:
    """Granian reads --log-config as JSON, merges it over its defaults and passes it to logging.dictConfig."""

    path = args.log_config
    try:
        if path is None or not path.is_file():
            return []
    except OSError:
        # A name the system cannot look up: the file rule reports it on this key.
        return []
    # Imported here, as for keys: only settings that name such a file pay for it on every command.
    from ...rules.logging_config import dict_config_fault, file_handler_paths, log_file_problems

    try:
        config = json.loads(path.read_text())
    except json.JSONDecodeError as error:
        reason = f"is not valid JSON ({error.msg}, line {error.lineno})"
    except (OSError, ValueError) as error:
        reason = f"cannot be read ({first_line(error)})"
    else:
        merged = granian_logging(config)
        loggers = merged.get("loggers") if isinstance(merged, dict) else None
        if isinstance(merged, dict) and not isinstance(loggers, dict):
            fault: str | None = f'has "loggers" that is {type_name(loggers)}: Granian needs an object there'
        elif isinstance(loggers, dict) and not isinstance(loggers.get("_granian"), dict):
            fault = f"has a '_granian' logger that is {type_name(loggers.get('_granian'))}, not an object"
        else:
            fault = dict_config_fault(merged)
        if fault is None:
            return log_file_problems("log_config", f"names {shown(path)},", file_handler_paths(merged), starting)
        reason = fault if fault.startswith(("has ", "holds ")) else f"logging.dictConfig would refuse: {fault}"
    return [
        Problem(
            E051,
            Severity.ERROR,
            ("ARGS", "log_config"),
            f"names {shown(path)}, which {reason}.",
            LOG_CONFIG_HINT,
        )
    ]


DECRYPT_HINT = "Decrypt the key (openssl pkey -in key.pem -out plain-key.pem), use it, and remove ssl-keyfile-password."
E047_PASSWORD = Problem(
    E047,
    Severity.ERROR,
    ("ARGS", "ssl_keyfile_password"),
    "is set, but Granian 2.8 cannot decrypt a key: with any password its workers panic at start.",
    DECRYPT_HINT,
)
E047_ENCRYPTED_KEY = Problem(
    E047,
    Severity.ERROR,
    ("ARGS", "ssl_key"),
    "is an encrypted key, which Granian 2.8 cannot load: its workers panic at start.",
    DECRYPT_HINT,
)
# What each trust file must hold for Granian's rustls to load it (a file without one panics a worker).
_PEM_BLOCKS = {"ssl_ca": ("CERTIFICATE", "certificate"), "ssl_crl": ("X509 CRL", "certificate revocation list")}


def _pem(path: Path) -> str | None:
    """A PEM file's text, or None if it cannot be read (the file rules report that)."""
    try:
        return path.read_text(errors="replace") if path.is_file() else None
    except OSError:
        return None


def trust_file_problems(args: GranianArgs) -> list[Problem]:
    problems = []
    for field, (block, what) in _PEM_BLOCKS.items():
        value = getattr(args, field)
        for index, path in enumerate(value if isinstance(value, list) else [value] if value else []):
            text = _pem(path)
            if text is not None and f"-----BEGIN {block}-----" not in text:
                where = ("ARGS", field, index) if isinstance(value, list) else ("ARGS", field)
                problems.append(
                    Problem(
                        E049,
                        Severity.ERROR,
                        where,
                        f"names {shown(path)}, which holds no PEM {what}: Granian's workers would panic at start.",
                        f"Name a PEM file with a '-----BEGIN {block}-----' block.",
                    )
                )
    return problems


RING_RSA_BITS = range(2048, 4096 + 1)
"""The RSA modulus sizes ring 0.17 signs with (its ``RsaKeyPair`` refuses smaller and larger keys)."""
RING_KEYS = "ECDSA P-256 or P-384, Ed25519, or RSA of 2048 to 4096 bits"


def usable_by_granian(key: PrivateKey) -> bool:
    """Whether Granian's rustls, built with ring, can sign with this key."""
    if key.algorithm == "RSA":
        # ring also wants an odd public exponent of at least 65537 (and at most 33 bits).
        exponent = key.exponent or 0
        return key.bits in RING_RSA_BITS and exponent % 2 == 1 and 65537 <= exponent < 2**33
    if key.algorithm == "EC":
        return key.curve in {"P-256", "P-384"}
    return key.algorithm == "Ed25519"


def key_type_problems(path: Path, text: str) -> list[Problem]:
    """E048 when Granian would read no key from the file, or one its TLS stack cannot sign with."""
    from ...rules.private_keys import PKCS1, PKCS8, SEC1, MalformedKey, pem_blocks, private_key

    blocks = pem_blocks(text)
    # The blocks rustls-pemfile's private_key() reads (src/tls.rs): the first of them is Granian's key.
    readable = [(label, body) for label, body in blocks if label in (PKCS8, PKCS1, SEC1)]
    if not readable:
        others = [label for label, _ in blocks if label.endswith("PRIVATE KEY")]
        if not others:
            # No key at all: the pair rule (E052) says the file cannot be loaded.
            return []
        found = f"only a {others[0]!r} block"
        why = f"holds {found}, and Granian reads only 'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY' blocks"
    else:
        try:
            key = private_key(*readable[0])
        except MalformedKey:
            return []  # Python's ssl cannot load it either: the pair rule reports it.
        if usable_by_granian(key):
            return []
        why = f"holds {key.describe()}, which Granian's TLS (rustls with ring) cannot sign with"
    return [
        Problem(
            E048,
            Severity.ERROR,
            ("ARGS", "ssl_key"),
            f"names {shown(path)}, which {why}: its workers would panic at start.",
            f"Use a certificate and key of a type Granian supports: {RING_KEYS}.",
        )
    ]


def tls_problems(args: GranianArgs) -> list[Problem]:
    if args.ssl_keyfile_password is not None and tls_enabled(args):
        # Without both files Granian reads no key (W046 says the password does nothing).
        # Checked first: Python's ssl would load what Granian cannot (tests/integration/RED_TEAM_FINDINGS.md).
        return [E047_PASSWORD]
    key_text = _pem(args.ssl_key) if args.ssl_key is not None else None
    if args.ssl_key is not None and key_text is not None:
        if "ENCRYPTED PRIVATE KEY" in key_text or "Proc-Type: 4,ENCRYPTED" in key_text:
            return [E047_ENCRYPTED_KEY]
        unusable = key_type_problems(args.ssl_key, key_text)
        if unusable:
            return unusable
    # A pair Granian does not serve (TLS off) still has to load; only a served one has to be valid now.
    problems = certificate_problems if tls_enabled(args) else tls_pair_problems
    return problems(
        args.ssl_cert,
        args.ssl_key,
        "",
        cert_field="ssl_cert",
        key_name="ssl-key",
        password_name="ssl-keyfile-password",
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
