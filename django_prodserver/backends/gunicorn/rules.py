"""gunicorn's own rules: what gunicorn 27 refuses at start, changes or ignores silently, that the
model's types cannot say; plus the configuration sources it would read and production advice.

The shared rules (files by path role, options without what they need, packages) run for every
backend; :func:`gunicorn_problems` adds these.  Paths are relative to the process, by field.
"""

from __future__ import annotations

import ipaddress
import re

from ...problems import Problem, Severity
from ...rules.text import shown
from ...rules.tls import tls_pair_problems
from .lookups import E080, E085, E087, account_problems, class_problems, hook_problems
from .options import GunicornArgs
from .rendering import worker_path
from .sources import E088, W080, W084, W087, command_line_gaps, config_sources, log_config_problems

E081 = "prodserver.E081"
E082 = "prodserver.E082"
E083 = "prodserver.E083"
E084 = "prodserver.E084"
E086 = "prodserver.E086"
E089 = "prodserver.E089"
W070 = "prodserver.W070"
W071 = "prodserver.W071"
W081 = "prodserver.W081"
W082 = "prodserver.W082"
W083 = "prodserver.W083"
W085 = "prodserver.W085"
W086 = "prodserver.W086"

__all__ = ["E080", "E085", "E087", "E088", "W080", "W084", "W087", "gunicorn_problems"]

E089_KEY_WITHOUT_CERT = Problem(
    E089,
    Severity.ERROR,
    ("ARGS", "ssl_key"),
    "is set without ssl-cert: gunicorn cannot load a key alone and would fail at the first connection.",
    "Set ssl-cert to the certificate file that goes with this key.",
)
W070_RELOAD = Problem(
    W070,
    Severity.WARNING,
    ("ARGS", "reload"),
    "is True: the reloader is for development, not production.",
    "Remove reload from production settings.",
    deploy=True,
)
W081_THREADS_ON_SYNC = Problem(
    W081,
    Severity.WARNING,
    ("ARGS", "threads"),
    "is more than 1 with the sync worker class: gunicorn silently runs the gthread worker instead.",
    "Set worker-class to 'gthread' to say so, or set threads to 1.",
)
W083_CONTROL_SOCKET = Problem(
    W083,
    Severity.WARNING,
    ("ARGS", "no_control_socket"),
    "is False: gunicorn 27 opens a control socket in ~/.gunicorn/, shared by every gunicorn of this user.",
    "Set no-control-socket to True, or give each process its own control-socket path.",
    deploy=True,
)
W085_SSL_VERSION = Problem(
    W085,
    Severity.WARNING,
    ("ARGS", "ssl_version"),
    "is deprecated and ignored by gunicorn.",
    "Remove it; use the ssl-context hook to choose TLS versions.",
)
W086_H2_NEVER = Problem(
    W086,
    Severity.WARNING,
    ("ARGS", "http_protocols"),
    "includes 'h2' without TLS and with http2-cleartext 'off': HTTP/2 is never negotiated.",
    "Set ssl-cert and ssl-key, or set http2-cleartext.",
)


def gunicorn_problems(args: GunicornArgs, *, starting: bool) -> list[Problem]:
    """Problems with valid-typed gunicorn ARGS; paths are relative to the process."""
    return [
        *two_forms(args),
        *bind_problems(args),
        *env_problems(args),
        *network_problems(args),
        *no_workers(args),
        *tls_problems(args),
        *log_config_problems(args, starting=starting),
        *class_problems(args, starting=starting),
        *hook_problems(args),
        *account_problems(args),
        *silent_changes(args),
        *config_sources(args),
        *(command_line_gaps(args) if starting else []),
        *deploy_problems(args),
    ]


def two_forms(args: GunicornArgs) -> list[Problem]:
    """A common option and gunicorn's native form of the same thing: one would silently win."""
    given = args.model_fields_set
    pairs = [("bind", ("address", "port")), ("access_logfile", ("log_access",)), ("no_sendfile", ("sendfile",))]
    names = type(args).options()
    return [
        Problem(
            E082,
            Severity.ERROR,
            ("ARGS", common),
            f"and {names[native].name} both say {_topic(native)}; only one of them can.",
            f"Keep {names[native].name} (gunicorn's form) or {' and '.join(names[c].name for c in commons)}.",
        )
        for native, commons in pairs
        if native in given
        for common in commons
        if common in given
    ]


def _topic(native: str) -> str:
    return {"bind": "where to listen", "access_logfile": "where the access log goes"}.get(native, "whether to sendfile")


_PORT = re.compile(r"\d+")


def bind_fault(address: str, default_port: str = "8000") -> str | None:
    """Why gunicorn's ``util.parse_address`` (and the bind after it) refuses ``address``, or None."""
    if re.match(r"unix:(//)?", address):
        return None if re.split(r"unix:(//)?", address)[-1] else "names no socket path"
    if address.startswith("fd://"):
        return None if address[5:].isdigit() else "names no file descriptor number"
    netloc = address.split("tcp://")[1] if address.startswith("tcp://") else address
    port = default_port
    if "[" in netloc and "]" in netloc:
        port = ([*netloc.split("]:"), default_port])[1]
    elif ":" in netloc:
        port = ([*netloc.split(":"), default_port])[1]
    if not _PORT.fullmatch(port.strip()):
        return f"has the port {port!r}, not a number"
    return None if 0 <= int(port) <= 65535 else f"has the port {port}, out of 0-65535"


def bind_problems(args: GunicornArgs) -> list[Problem]:
    values: list[tuple[tuple[str | int, ...], str, str]] = [
        (("ARGS", "bind", index), address, "8000") for index, address in enumerate(args.bind)
    ]
    if args.statsd_host is not None:
        values.append((("ARGS", "statsd_host"), args.statsd_host, "8125"))
    return [
        Problem(
            E081,
            Severity.ERROR,
            path,
            f"is {shown(address)}, which {fault}; gunicorn would refuse to start.",
            "Write HOST:PORT ('0.0.0.0:8000', '[::1]:8000'), unix:PATH or fd://FD.",
        )
        for path, address, default in values
        if (fault := bind_fault(address, default)) is not None
    ]


def env_problems(args: GunicornArgs) -> list[Problem]:
    return [
        Problem(
            E083,
            Severity.ERROR,
            ("ARGS", "env", index),
            f"is {shown(entry)}, without '='; gunicorn would refuse to start.",
            "Write each variable as NAME=VALUE.",
        )
        for index, entry in enumerate(args.env)
        if "=" not in entry
    ]


def network_problems(args: GunicornArgs) -> list[Problem]:
    """Trusted addresses: '*', IP addresses or networks, host bits clear (gunicorn's strict parse)."""
    problems = []
    for field in ("forwarded_allow_ips", "proxy_allow_from", "uwsgi_allow_from"):
        for entry in getattr(args, field) or []:
            try:
                if entry != "*":
                    ipaddress.ip_network(entry)
            except ValueError as error:
                problems.append(
                    Problem(
                        E084,
                        Severity.ERROR,
                        ("ARGS", field),
                        f"holds {entry!r}, which gunicorn rejects ({error}).",
                        "Use '*', IP addresses or networks with their host bits clear ('10.0.0.0/8').",
                    )
                )
    return problems


def no_workers(args: GunicornArgs) -> list[Problem]:
    outcomes = {
        "workers": "gunicorn would start a master with no worker, serving nothing",
        "threads": "a gthread worker cannot start a pool of no thread",
    }
    return [
        Problem(E086, Severity.ERROR, ("ARGS", field), f"is 0: {outcome}.", "Use 1 or more.")
        for field, outcome in outcomes.items()
        if getattr(args, field) == 0
    ]


def tls_problems(args: GunicornArgs) -> list[Problem]:
    if args.ssl_key is not None and args.ssl_cert is None:
        return [E089_KEY_WITHOUT_CERT]
    # Without a key, gunicorn reads the key from the certificate file.
    return tls_pair_problems(
        args.ssl_cert,
        args.ssl_key or args.ssl_cert,
        "",
        cert_field="ssl_cert",
        key_name="ssl-key",
        password_name="ssl-context hook",
    )


def silent_changes(args: GunicornArgs) -> list[Problem]:
    """Valid options gunicorn changes or ignores without a word (or with one in its log only)."""
    problems = []
    worker = worker_path(args.worker_class)
    if args.threads > 1 and worker == "gunicorn.workers.sync.SyncWorker":
        problems.append(W081_THREADS_ON_SYNC)
    elif args.threads > 1 and worker != "gunicorn.workers.gthread.ThreadWorker":
        problems.append(
            Problem(
                W082,
                Severity.WARNING,
                ("ARGS", "threads"),
                f"is {args.threads}, but the {args.worker_class!r} worker class runs no threads: it is ignored.",
                "Set threads to 1, or use the 'gthread' worker class.",
            )
        )
    if args.ssl_version is not None:
        problems.append(W085_SSL_VERSION)
    if "h2" in args.http_protocols and args.ssl_cert is None and args.http2_cleartext == "off":
        problems.append(W086_H2_NEVER)
    return problems


def deploy_problems(args: GunicornArgs) -> list[Problem]:
    """Production advice, shown by ``check --deploy`` only."""
    problems = [W070_RELOAD] if args.reload else []
    if args.log_level == "debug":
        problems.append(
            Problem(
                W071,
                Severity.WARNING,
                ("ARGS", "log_level"),
                "is 'debug': verbose logs slow every request and may record sensitive data.",
                "Use 'info' or 'warning' in production.",
                deploy=True,
            )
        )
    if not args.no_control_socket and args.control_socket is None:
        problems.append(W083_CONTROL_SOCKET)
    return problems
