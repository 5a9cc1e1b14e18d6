"""uvicorn's own rules: valid options that uvicorn (0.54, 0.55) refuses at start, ignores or changes
(``config.py``, ``main.py``), what it reads besides its settings, and production advice.

The shared rules (files by their path role, options without the option they need, packages
by each option's ``requires``) run for every backend; :func:`uvicorn_problems` adds these.
Paths are relative to the process, by field name; validation turns them into the key the user wrote.
"""

from __future__ import annotations

import json
import os
import re
import ssl
import stat
import warnings
from pathlib import Path

from ...problems import Problem, Severity
from ...rules.deploy import development_problems
from ...rules.environment import ignored_variables
from ...rules.logging_config import dict_config_fault, file_handler_paths, log_file_problems, refusal
from ...rules.packages import E060, installed, installed_version, release
from ...rules.text import first_line, shown, type_name
from ...rules.tls import ca_file_problems, certificate_problems, cipher_problems, client_certificate_problems
from .native import EXTRA
from .options import UvicornArgs, UvicornASGIArgs, UvicornWSGIArgs
from .rendering import listeners, not_on_command_line

E090 = "prodserver.E090"
E091 = "prodserver.E091"
E092 = "prodserver.E092"
E093 = "prodserver.E093"
E094 = "prodserver.E094"
E095 = "prodserver.E095"
E096 = "prodserver.E096"
E097 = "prodserver.E097"
E098 = "prodserver.E098"
W090 = "prodserver.W090"
W091 = "prodserver.W091"
W092 = "prodserver.W092"
W093 = "prodserver.W093"
W094 = "prodserver.W094"
W095 = "prodserver.W095"
W096 = "prodserver.W096"
W097 = "prodserver.W097"
W098 = "prodserver.W098"

HTTP2_HANGS_UP_TO = (0, 54)
"""The newest uvicorn whose zttp HTTP/2 protocol never ends a request without a body (0.55 fixes it)."""

E090_HTTP2_WITHOUT_ZTTP = Problem(
    E090,
    Severity.ERROR,
    ("ARGS", "http2"),
    "is True without http 'zttp': uvicorn refuses to start (HTTP/2 needs its zttp implementation).",
    "Set http to 'zttp' (pip install zttp), or remove http2.",
)
E091_KEY_WITHOUT_CERT = Problem(
    E091,
    Severity.ERROR,
    ("ARGS", "ssl_key"),
    "is set without ssl-cert: uvicorn cannot serve TLS with a key alone and fails at start.",
    "Set ssl-cert to the certificate file that goes with this key.",
)
E092_LIFESPAN_ON_WSGI = Problem(
    E092,
    Severity.ERROR,
    ("ARGS", "lifespan"),
    "is 'on', but a WSGI application has no lifespan: uvicorn's startup fails.",
    "Use 'off' (the default) with the WSGI backend.",
)
W090_RELOAD_DROPS_WORKERS = Problem(
    W090,
    Severity.WARNING,
    ("ARGS", "workers"),
    "is more than 1 with reload: uvicorn ignores workers when reloading and runs one.",
    "Remove reload (development only), or set workers to 1.",
)
W091_NO_WORKERS = Problem(
    W091,
    Severity.WARNING,
    ("ARGS", "workers"),
    "is 0: uvicorn runs 1 worker instead.",
    "Set workers to 1 or more.",
)
W094_THREADS_ON_ASGI = Problem(
    W094,
    Severity.WARNING,
    ("ARGS", "threads"),
    "is ignored by the ASGI backend: each worker runs one event loop.",
    "Remove it and scale with 'workers'; 'threads' applies to the WSGI backend.",
)
W096_DEPRECATED_WSGI = Problem(
    W096,
    Severity.WARNING,
    ("BACKEND",),
    "serves WSGI with uvicorn's own adapter, deprecated, as a2wsgi is not installed.",
    f"Install it: pip install '{EXTRA}' (or a2wsgi).",
)

WEBSOCKET_OPTIONS = (
    "ws",
    "ws_max_size",
    "ws_max_queue",
    "ws_ping_interval",
    "ws_ping_timeout",
    "ws_per_message_deflate",
)
"""What uvicorn ignores for WSGI: it serves no websockets there."""


def uvicorn_problems(args: UvicornArgs, *, starting: bool) -> list[Problem]:
    """Problems with valid-typed uvicorn ARGS; paths are relative to the process."""
    return [
        *protocol_problems(args),
        *tls_problems(args),
        *worker_problems(args),
        *listener_problems(args),
        *interface_problems(args),
        *header_problems(args),
        *log_config_problems(args, starting=starting),
        *ignored_variables(W095, "UVICORN", "uvicorn"),
        *(command_line_gaps(args) if starting else []),
        *(inherited_socket_problems(args) if starting else []),
        *deploy_problems(args),
    ]


def protocol_problems(args: UvicornArgs) -> list[Problem]:
    if not args.http2:
        return []
    if args.http != "zttp":
        return [E090_HTTP2_WITHOUT_ZTTP]
    version = uvicorn_version()
    if version is None or release(version)[:2] > HTTP2_HANGS_UP_TO:
        return []
    return [
        Problem(
            W098,
            Severity.WARNING,
            ("ARGS", "http2"),
            f"is True with uvicorn {version}, whose HTTP/2 never answers a request without a body: every GET hangs.",
            "Upgrade uvicorn to 0.55 or later (it needs Python 3.11), or remove http2 (HTTP/1.1 serves every client).",
        )
    ]


def uvicorn_version() -> str | None:
    """The installed uvicorn's version, read from its metadata (the check path imports no server)."""
    return installed_version("uvicorn")


def tls_problems(args: UvicornArgs) -> list[Problem]:
    if args.ssl_cert is None:
        # uvicorn builds no TLS context: the other TLS options do nothing (W046).
        return [E091_KEY_WITHOUT_CERT] if args.ssl_key is not None else []
    password = args.ssl_keyfile_password.get_secret_value() if args.ssl_keyfile_password else ""
    # Without ssl-key, uvicorn reads the key from the certificate file: load it the same way.
    key = args.ssl_key if args.ssl_key is not None else args.ssl_cert
    names = {"key_name": "ssl-key", "password_name": "ssl-keyfile-password"}
    return [
        *_ssl_version_problems(args),
        *certificate_problems(args.ssl_cert, key, password, cert_field="ssl_cert", **names),
        *ca_file_problems(args.ssl_ca_certs, check_id=E097, field="ssl_ca_certs", program="uvicorn"),
        *client_certificate_problems(
            args.ssl_cert_reqs, args.ssl_ca_certs, field="ssl_cert_reqs", names=("ssl-cert-reqs", "ssl-ca-certs")
        ),
        *cipher_problems(args.ssl_ciphers, check_id=E098, field="ssl_ciphers", program="uvicorn"),
    ]


def _ssl_version_problems(args: UvicornArgs) -> list[Problem]:
    try:
        with warnings.catch_warnings():
            # The TLS 1.0 and 1.1 constants are deprecated: uvicorn still accepts them.
            warnings.simplefilter("ignore", DeprecationWarning)
            context = ssl.SSLContext(args.ssl_version)
    except (ValueError, OSError):
        reason = "not a protocol of Python's ssl module"
    else:
        if not context.check_hostname and context.protocol != ssl.PROTOCOL_TLS_CLIENT:
            return []
        reason = "a client-side protocol: no TLS connection is ever accepted"
    return [
        Problem(
            E094,
            Severity.ERROR,
            ("ARGS", "ssl_version"),
            f"is {args.ssl_version}, {reason}.",
            f"Remove it: uvicorn's default is {int(ssl.PROTOCOL_TLS_SERVER)} (ssl.PROTOCOL_TLS_SERVER).",
        )
    ]


def worker_problems(args: UvicornArgs) -> list[Problem]:
    if args.workers == 0:
        return [W091_NO_WORKERS]
    return [W090_RELOAD_DROPS_WORKERS] if args.reload and args.workers > 1 else []


def listener_problems(args: UvicornArgs) -> list[Problem]:
    """uvicorn listens on uds, else on fd, else on address and port (:func:`.rendering.listeners`): the others are
    ignored."""
    used = listeners(args)[0].option
    if used == "port":
        return []
    ignored = ["fd"] if used == "uds" and args.fd is not None else []
    ignored += [field for field in ("address", "port") if field in args.model_fields_set]
    return [
        Problem(
            W092,
            Severity.WARNING,
            ("ARGS", field),
            f"is ignored: uvicorn listens on {used} ({shown(getattr(args, used))}) instead.",
            f"Remove {field.replace('_', '-')}, or remove {used}.",
        )
        for field in ignored
    ]


def inherited_socket_problems(args: UvicornArgs) -> list[Problem]:
    """E096 at start: the fd uvicorn would listen on is not an open socket of this process."""
    if args.fd is None or listeners(args)[0].via != "fd":
        return []
    try:
        is_socket = stat.S_ISSOCK(os.fstat(args.fd).st_mode)
    except OSError:
        why = "is not open in this process"
    else:
        if is_socket:
            return []
        why = "is open, but not a socket"
    return [
        Problem(
            E096,
            Severity.ERROR,
            ("ARGS", "fd"),
            f"is {args.fd}, which {why}: uvicorn fails at start.",
            "Start prodserver from the process that opens the socket and passes it on (systemd, circus), "
            "with fd set to its number; or listen on address and port instead.",
        )
    ]


def interface_problems(args: UvicornArgs) -> list[Problem]:
    if isinstance(args, UvicornASGIArgs):
        return [W094_THREADS_ON_ASGI] if args.threads is not None else []
    assert isinstance(args, UvicornWSGIArgs)
    problems = [E092_LIFESPAN_ON_WSGI] if args.lifespan == "on" else []
    problems += [
        Problem(
            W093,
            Severity.WARNING,
            ("ARGS", field),
            "is ignored: uvicorn serves no websockets to a WSGI application.",
            "Remove it, or serve websockets with UvicornServer (ASGI).",
        )
        for field in WEBSOCKET_OPTIONS
        if field in args.model_fields_set
    ]
    return [*problems, *([] if installed("a2wsgi") else [W096_DEPRECATED_WSGI])]


TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
"""An HTTP field name (RFC 9110 5.1): what h11 and httptools send."""
CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
"""Characters a field value cannot hold (RFC 9110 5.5: HTAB is the only control allowed)."""


def header_problems(args: UvicornArgs) -> list[Problem]:
    return [problem for header in args.header if (problem := _header_problem(header)) is not None]


def _header_problem(header: str) -> Problem | None:
    name, colon, value = header.partition(":")
    if not colon or not name.strip():
        why, hint = "not 'Name:Value': uvicorn fails at start", "Write each header as 'Name:Value'"
    elif not TOKEN.fullmatch(name):
        why = f"whose name {name!r} is not an HTTP field name: every response then fails"
        hint = "Write the name with letters, digits and !#$%&'*+-.^_`|~ only (no spaces)"
    elif CONTROL.search(value):
        why, hint = "whose value holds a control character: every response then fails", "Remove it from the value"
    elif not _latin1(value):
        why = "whose value is not Latin-1: uvicorn encodes its headers so, and fails at start"
        hint = "Percent-encode the value, or write it in Latin-1 characters"
    else:
        return None
    return Problem(
        E093,
        Severity.ERROR,
        ("ARGS", "header"),
        f"has {shown(header)}, {why}.",
        f"{hint}, e.g. 'X-Frame-Options:DENY'.",
    )


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


LOG_CONFIG_HINT = (
    'Write a logging.dictConfig configuration with "version": 1: uvicorn passes a .json, .yaml or .yml file '
    "to dictConfig as it is, without its own defaults."
)
INI_HINT = (
    "Write an INI file in logging.fileConfig format: uvicorn passes a log-config that does not end in .json, "
    ".yaml or .yml to fileConfig."
)


def log_config_problems(args: UvicornArgs, *, starting: bool = False) -> list[Problem]:
    """uvicorn loads a log-config ending in .json with json, in .yaml or .yml with PyYAML (which the option's
    ``requires`` cannot say), and passes it to logging.dictConfig as it is (``Config.configure_logging``),
    which opens the handlers' files; any other file goes to logging.fileConfig (without defaults), which
    opens them too."""
    path = args.log_config
    if path is None:
        return []
    # uvicorn tells them apart by the end of the name, case included.
    is_yaml = str(path).endswith((".yaml", ".yml"))
    if is_yaml and not installed("yaml"):
        return [
            Problem(
                E060,
                Severity.ERROR,
                ("ARGS", "log_config"),
                "needs the yaml package, which is not installed.",
                f"Install it: pip install '{EXTRA}'.",
            )
        ]
    if not _is_file(path):
        return []
    names = f"names {shown(path)}"
    if not (is_yaml or str(path).endswith(".json")):
        # Imported here: configparser and the INI judge only for settings that name an INI file.
        from ...rules.logging_ini import file_config_fault, file_config_handler_paths

        fault = file_config_fault(path)
        if fault is None:
            return log_file_problems("log_config", f"{names},", file_config_handler_paths(path), starting)
        return [_e095(f"{names}, which {refusal(fault, 'fileConfig')}.", INI_HINT)]
    config, reason = _load_log_config(path, is_yaml)
    if reason is None:
        fault = dict_config_fault(config)
        if fault is None:
            return log_file_problems("log_config", f"{names},", file_handler_paths(config), starting)
        reason = refusal(fault, "dictConfig")
    return [_e095(f"{names}, which {reason}.", LOG_CONFIG_HINT)]


def _e095(message: str, hint: str) -> Problem:
    return Problem(E095, Severity.ERROR, ("ARGS", "log_config"), message, hint)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        # A name the system cannot look up: the file rule reports it on this key.
        return False


def _load_log_config(path: Path, is_yaml: bool) -> tuple[object, str | None]:
    """What uvicorn's ``json.load`` or ``yaml.safe_load`` returns for the file, or why it raises."""
    try:
        text = path.read_text()
    except (OSError, ValueError) as error:
        return None, f"cannot be read ({first_line(error)})"
    if not is_yaml:
        try:
            return json.loads(text), None
        except json.JSONDecodeError as error:
            return None, f"is not valid JSON ({error.msg}, line {error.lineno})"
    import yaml  # installed: checked above; only a YAML log-config needs it

    try:
        config = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark, problem = getattr(error, "problem_mark", None), getattr(error, "problem", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        return None, f"is not valid YAML ({problem or first_line(error)}{where})"
    if not isinstance(config, dict):
        return None, f"holds {type_name(config)}, not a YAML mapping"
    return config, None


def command_line_gaps(args: UvicornArgs) -> list[Problem]:
    """Options prodserver passes in-process that the equivalent ``uvicorn`` line (--dry-run) cannot carry."""
    return [
        Problem(
            W097,
            Severity.WARNING,
            ("ARGS", field),
            "has no uvicorn flag: prodserver applies it, the equivalent uvicorn line cannot.",
            "Run the server with prodserver, or accept uvicorn's default when running the line by hand.",
        )
        for field in not_on_command_line(args)
    ]


def deploy_problems(args: UvicornArgs) -> list[Problem]:
    return development_problems(reload=args.reload, log_level=args.log_level, verbose={"debug", "trace"})
