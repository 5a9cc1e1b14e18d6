"""gunicorn's own rules: what gunicorn 27 refuses at start, changes or ignores silently, that the
model's types cannot say; plus the configuration sources it would read and production advice.

The shared rules (files by path role, options without what they need, packages) run for every
backend; :func:`gunicorn_problems` adds these.  Paths are relative to the process, by field.
"""

from __future__ import annotations

import ipaddress
import os
import re
import stat
from dataclasses import replace
from pathlib import Path

from ...problems import Problem, Severity
from ...rules.addresses import collide
from ...rules.args import url_path_not_ascii
from ...rules.dependencies import W046
from ...rules.deploy import development_problems
from ...rules.files import missing, path_problem, socket_problem
from ...rules.packages import installed
from ...rules.text import shown
from ...rules.tls import E052, ca_file_problems, certificate_problems, cipher_problems, client_certificate_problems
from .logs import E156, E157, log_output_problems
from .lookups import E080, E087, class_problems, hook_problems
from .options import GunicornArgs
from .rendering import worker_path
from .sources import E088, W080, W084, W087, command_line_gaps, config_sources, log_config_problems

E081 = "prodserver.E081"
E082 = "prodserver.E082"
E083 = "prodserver.E083"
E086 = "prodserver.E086"
E089 = "prodserver.E089"
W081 = "prodserver.W081"
W082 = "prodserver.W082"
W083 = "prodserver.W083"
W085 = "prodserver.W085"
W086 = "prodserver.W086"
E150 = "prodserver.E150"
E151 = "prodserver.E151"
E152 = "prodserver.E152"
E153 = "prodserver.E153"
E154 = "prodserver.E154"
E155 = "prodserver.E155"
E158 = "prodserver.E158"
W150 = "prodserver.W150"
W151 = "prodserver.W151"
W152 = "prodserver.W152"

NO_HTTP2 = frozenset({"gunicorn.workers.sync.SyncWorker", "gunicorn.workers.gtornado.TornadoWorker"})
"""gunicorn's workers that serve HTTP/1.1 only, whatever http-protocols says (they log a warning at boot)."""
TLS_ONLY = ("ca_certs", "cert_reqs", "ciphers", "do_handshake_on_connect", "suppress_ragged_eofs")
"""Options gunicorn reads only to build its TLS context: nothing without ssl-cert."""

__all__ = ["E080", "E087", "E088", "E156", "E157", "W080", "W084", "W087", "gunicorn_problems"]

E089_KEY_WITHOUT_CERT = Problem(
    E089,
    Severity.ERROR,
    ("ARGS", "ssl_key"),
    "is set without ssl-cert: gunicorn cannot load a key alone and would fail at the first connection.",
    "Set ssl-cert to the certificate file that goes with this key.",
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
        *bind_target_problems(args, starting=starting),
        *env_problems(args),
        *header_case_problems(args),
        *no_workers(args),
        *worker_problems(args),
        *tls_problems(args),
        *tls_option_problems(args),
        *log_config_problems(args, starting=starting),
        *log_output_problems(args, starting=starting),
        *dirty_app_problems(args),
        *reload_file_problems(args, starting=starting),
        *class_problems(args),
        *hook_problems(args),
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
    """Why gunicorn's ``util.parse_address`` (and the bind after it) refuses ``address``, or None.

    Also what it takes and silently reads otherwise: an empty address is 0.0.0.0:8000, every interface.
    """
    if not address:
        return "is empty: gunicorn would listen on 0.0.0.0:8000, every interface"
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
    if "%" in netloc:
        # gunicorn tells IPv6 from IPv4 with inet_pton, which refuses a zone index: it binds as IPv4 and fails.
        return "has an IPv6 zone index (%interface), which gunicorn cannot bind"
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
            f"is {shown(address)}, which {fault}; gunicorn would refuse to start."
            if not fault.startswith("is ")
            else f"{fault}.",
            "Write HOST:PORT ('0.0.0.0:8000', '[::1]:8000'), unix:PATH or fd://FD.",
        )
        for path, address, default in values
        if (fault := bind_fault(address, default)) is not None
    ]


def _tcp_address(address: str) -> str:
    """``HOST:PORT`` as gunicorn reads a TCP bind (``tcp://`` dropped, port 8000 by default, host lower case)."""
    netloc = address.removeprefix("tcp://").lower()
    if netloc.startswith("["):
        return netloc if "]:" in netloc else f"{netloc}:8000"
    return netloc if ":" in netloc else f"{netloc}:8000"


def bind_target_problems(args: GunicornArgs, *, starting: bool) -> list[Problem]:
    """What each valid bind names: a Unix socket where one can be created, an open socket for fd://,
    each address once (gunicorn binds them one by one: the second bind of an address fails)."""
    problems = []
    seen: list[tuple[int, str]] = []
    for index, address in enumerate(args.bind):
        if bind_fault(address) is not None:
            continue
        path = ("ARGS", "bind", index)
        if re.match(r"unix:(//)?", address):
            socket_path = Path(re.split(r"unix:(//)?", address)[-1])
            if args.chdir is not None and not socket_path.is_absolute():
                socket_path = args.chdir / socket_path
            subject = f"names the socket {shown(socket_path)}"
            fault = path_problem("bind", "socket", socket_path, starting, subject)
            # gunicorn replaces a stale socket (sock.UnixSocket), and a live one too.
            fault = fault or socket_problem("bind", socket_path, starting, subject, stale_fails=None)
            if fault is not None:
                problems.append(replace(fault, path=path))
            key = f"unix:{os.path.abspath(socket_path)}"
        elif address.startswith("fd://"):
            if starting and (fault_text := _fd_fault(int(address[5:]))) is not None:
                problems.append(
                    Problem(
                        E152,
                        Severity.ERROR,
                        path,
                        f"is {shown(address)}, but file descriptor {address[5:]} {fault_text} in this process.",
                        "Start prodserver from the program that passes the socket (systemd, a supervisor), "
                        "or bind HOST:PORT.",
                    )
                )
            continue
        else:
            key = _tcp_address(address)
        earlier = next((first for first, other in seen if collide(other, key) or _dual_stack(other, key)), None)
        if earlier is not None and not args.reuse_port:
            problems.append(
                Problem(
                    E153,
                    Severity.ERROR,
                    path,
                    f"is {shown(address)}, which bind[{earlier}] ({args.bind[earlier]!r}) already takes: "
                    "gunicorn's second bind of it fails, and it would refuse to start.",
                    "Give each address once; a wildcard (0.0.0.0, ::) takes the port on every interface.",
                )
            )
        seen.append((index, key))
    return problems


def _dual_stack(first: str, second: str) -> bool:
    """gunicorn's IPv6 sockets are dual-stack (no IPV6_V6ONLY): ``[::]:80`` takes ``0.0.0.0:80`` too."""
    ports = {key.rpartition(":")[2] for key in (first, second)}
    hosts = {key.rpartition(":")[0] for key in (first, second)}
    return len(ports) == 1 and "[::]" in hosts and any(_is_ipv4(host) for host in hosts) and ports != {"0"}


def _is_ipv4(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).version == 4
    except ValueError:
        return False


def _fd_fault(fd: int) -> str | None:
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        return "is not open"
    return None if stat.S_ISSOCK(mode) else "is not a socket"


SCRIPT_NAME_UNMATCHED = (
    "gunicorn compares SCRIPT_NAME with each request's percent-encoded path, which never starts with it, "
    "and answers every request with 500"
)


def env_problems(args: GunicornArgs) -> list[Problem]:
    problems = [
        Problem(
            E083,
            Severity.ERROR,
            ("ARGS", "env", index),
            f"is {shown(entry)}, {fault}; gunicorn would refuse to start.",
            "Write each variable as NAME=VALUE.",
        )
        for index, entry in enumerate(args.env)
        if (fault := _env_fault(entry)) is not None
    ]
    # gunicorn's WSGI SCRIPT_NAME is the variable (http/wsgi.py): a URL path prefix of the kind of E032.
    return problems + [
        url_path_not_ascii(entry, ("ARGS", "env", index), SCRIPT_NAME_UNMATCHED)
        for index, entry in enumerate(args.env)
        if entry.startswith("SCRIPT_NAME=") and not entry.isascii()
    ]


def _env_fault(entry: str) -> str | None:
    if "=" not in entry:
        return "without '='"
    # os.environ refuses an empty name (EINVAL); a NUL anywhere is the shared E013 (rules/printable.py).
    return "without a name before '='" if entry.startswith("=") else None


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


def header_case_problems(args: GunicornArgs) -> list[Problem]:
    """gunicorn compares these with the request's header names in upper case: a lower-case one never matches."""
    lower = [
        ("secure_scheme_headers", [key for key in args.secure_scheme_headers if key != key.upper()]),
        ("forwarder_headers", [name for name in args.forwarder_headers if name != name.upper()]),
    ]
    names = type(args).options()
    return [
        Problem(
            W152,
            Severity.WARNING,
            ("ARGS", field),
            f"holds {', '.join(map(repr, found))}, not in upper case: gunicorn compares the request's header "
            "names in upper case, so it never matches.",
            f"Write the names of {names[field].name} in upper case ({found[0].upper()!r}).",
        )
        for field, found in lower
        if found
    ]


def effective_worker(args: GunicornArgs) -> str:
    """The worker class gunicorn runs: the sync worker with threads runs gthread (``Config.worker_class``)."""
    worker = worker_path(args.worker_class)
    if worker == "gunicorn.workers.sync.SyncWorker" and args.threads > 1:
        return "gunicorn.workers.gthread.ThreadWorker"
    return worker


def worker_problems(args: GunicornArgs) -> list[Problem]:
    """What the worker class gunicorn runs makes of the valid options: nothing served, or less than asked."""
    problems = []
    worker = effective_worker(args)
    if worker == "gunicorn.workers.gthread.ThreadWorker" and args.worker_connections == 0:
        problems.append(
            Problem(
                E151,
                Severity.ERROR,
                ("ARGS", "worker_connections"),
                "is 0: the gthread worker accepts a connection only below this limit, so it would serve nothing.",
                "Use 1 or more (gunicorn's default is 1000).",
            )
        )
    if "h2" in args.http_protocols and worker in NO_HTTP2:
        kind = "sync" if worker.endswith("SyncWorker") else "tornado"
        if args.ssl_cert is not None and args.http_protocols[0] == "h2":
            problems.append(
                Problem(
                    E150,
                    Severity.ERROR,
                    ("ARGS", "http_protocols"),
                    f"prefers 'h2', but the {kind} worker class speaks HTTP/1.1 only: TLS still offers h2, so every "
                    "client that speaks HTTP/2 (every browser) gets a connection the worker cannot read.",
                    "Use the 'gthread' or 'asgi' worker class for HTTP/2, or set http-protocols to 'h1'.",
                )
            )
        elif args.ssl_cert is not None or args.http2_cleartext != "off":
            problems.append(
                Problem(
                    W151,
                    Severity.WARNING,
                    ("ARGS", "http_protocols"),
                    f"includes 'h2', but the {kind} worker class speaks HTTP/1.1 only: gunicorn ignores it.",
                    "Use the 'gthread' or 'asgi' worker class for HTTP/2, or set http-protocols to 'h1'.",
                )
            )
    if "limit_request_field_size" in args.model_fields_set and args.limit_request_field_size == 0:
        problems.append(
            Problem(
                W150,
                Severity.WARNING,
                ("ARGS", "limit_request_field_size"),
                "is 0, which gunicorn documents as unlimited but reads as its default: 8190 bytes per header.",
                "Give the largest header size you accept, in bytes.",
            )
        )
    return problems


def tls_problems(args: GunicornArgs) -> list[Problem]:
    if args.ssl_key is not None and args.ssl_cert is None:
        return [E089_KEY_WITHOUT_CERT]
    if args.ssl_cert is None or args.ssl_context is not None:
        # An ssl-context hook builds the context itself (it may load an encrypted key): it runs at start.
        return []
    # Without a key, gunicorn reads the key from the certificate file.
    key = args.ssl_key or args.ssl_cert
    text = _pem_text(key)
    if text is not None and ("ENCRYPTED PRIVATE KEY" in text or "Proc-Type: 4,ENCRYPTED" in text):
        return [
            Problem(
                E052,
                Severity.ERROR,
                ("ARGS", "ssl_key" if args.ssl_key is not None else "ssl_cert"),
                f"names {shown(key)}, an encrypted private key: gunicorn loads it without a password, "
                "and it cannot be used.",
                "Decrypt the key (openssl pkey -in key.pem -out plain.pem), or load it with its password "
                "in an ssl-context hook.",
            )
        ]
    if args.ssl_key is None and text is not None and "PRIVATE KEY-----" not in text and _pem_text(args.ssl_cert):
        return [
            Problem(
                E052,
                Severity.ERROR,
                ("ARGS", "ssl_cert"),
                f"names {shown(args.ssl_cert)}, which holds no private key, and ssl-key is not set: gunicorn "
                "reads the key from the certificate file then.",
                "Set ssl-key to the certificate's private key.",
            )
        ]
    return certificate_problems(
        args.ssl_cert,
        args.ssl_key or args.ssl_cert,
        "",
        cert_field="ssl_cert",
        key_name="ssl-key",
        password_name="ssl-context hook",
    )


def _pem_text(path: Path) -> str | None:
    try:
        return path.read_text(errors="replace") if path.is_file() else None
    except OSError:
        return None


def tls_option_problems(args: GunicornArgs) -> list[Problem]:
    """The CA file and the cipher list as OpenSSL takes them; TLS options given without TLS do nothing."""
    if args.ssl_cert is None:
        return [
            Problem(
                W046,
                Severity.WARNING,
                ("ARGS", field),
                "has no effect without ssl-cert: gunicorn reads it only to build its TLS context.",
                "Set ssl-cert (and ssl-key) too, or remove it.",
            )
            for field in TLS_ONLY
            if field in args.model_fields_set
        ]
    return [
        *ca_file_problems(args.ca_certs, check_id=E154, field="ca_certs", program="gunicorn"),
        *client_certificate_problems(args.cert_reqs, args.ca_certs, field="cert_reqs", names=("cert-reqs", "ca-certs")),
        *cipher_problems(args.ciphers, check_id=E155, field="ciphers", program="gunicorn"),
    ]


_DIRTY_APP = re.compile(r"(?P<module>[^:]+):(?P<name>[^:]+)(?::(?P<count>[^:]*))?")


def dirty_app_problems(args: GunicornArgs) -> list[Problem]:
    """Each dirty app as gunicorn's ``dirty.app.parse_dirty_app_spec`` and its import take it."""
    problems = []
    for index, spec in enumerate(args.dirty_app):
        match = _DIRTY_APP.fullmatch(spec)
        if match is None:
            reason = "which is not module:Class or module:Class:N"
        elif match["count"] is not None and not (match["count"].isdigit() and int(match["count"]) >= 1):
            reason = f"whose worker count {match['count']!r} is not a whole number of 1 or more"
        elif not installed(match["module"]):
            reason = f"whose module {match['module']!r} does not exist"
        else:
            continue
        problems.append(
            Problem(
                E158,
                Severity.ERROR,
                ("ARGS", "dirty_app", index),
                f"is {shown(spec)}, {reason}; gunicorn's dirty arbiter would fail to start it.",
                "Write the dirty application as module.path:ClassName, or module.path:ClassName:N for N workers.",
            )
        )
    return problems


def reload_file_problems(args: GunicornArgs, *, starting: bool) -> list[Problem]:
    """gunicorn refuses a reload-extra-file that is not a glob pattern and does not exist (from chdir)."""
    problems = []
    for index, entry in enumerate(args.reload_extra_file):
        if any(character in entry for character in "*?["):
            continue
        path = Path(entry) if args.chdir is None or Path(entry).is_absolute() else args.chdir / entry
        if not path.exists():
            fault = missing("reload_extra_file", f"names {shown(str(path))}, which does not exist.", starting)
            problems.append(replace(fault, path=("ARGS", "reload_extra_file", index)))
    return problems


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
    problems = development_problems(reload=args.reload, log_level=args.log_level, verbose={"debug"})
    if not args.no_control_socket and args.control_socket is None:
        problems.append(W083_CONTROL_SOCKET)
    return problems
