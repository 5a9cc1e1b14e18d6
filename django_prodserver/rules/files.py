"""Files and directories named by ARGS.

A missing one is a Warning in ``manage.py check`` (a CI machine may not hold production
certificates) and an Error when ``prodserver`` starts the process.  Relative paths are
judged from the current directory, where Granian resolves them too.
"""

from __future__ import annotations

import json
import ssl
from collections.abc import Callable
from pathlib import Path

from ..args.granian import GranianArgs
from ..problems import Problem, Severity
from .text import first_line, shown, type_name

E050 = "prodserver.E050"
E051 = "prodserver.E051"
E052 = "prodserver.E052"
W050 = "prodserver.W050"

E052_MISMATCH = Problem(
    E052,
    Severity.ERROR,
    ("ARGS", "ssl_cert"),
    "and ssl-key do not match: the key is not this certificate's.",
    "Use the private key the certificate was issued for.",
)

# Per option: what the path must be, as a predicate and in words.
_IS_FILE: tuple[Callable[[Path], bool], str] = (Path.is_file, "is not a file")
_IS_DIRECTORY: tuple[Callable[[Path], bool], str] = (Path.is_dir, "is not a directory")
_EXPECTED = {
    "ssl_cert": _IS_FILE,
    "ssl_key": _IS_FILE,
    "ssl_ca": _IS_FILE,
    "ssl_crl": _IS_FILE,
    "log_config": _IS_FILE,
    "env_files": _IS_FILE,
    "static_path_mount": _IS_DIRECTORY,
    "working_dir": _IS_DIRECTORY,
    "reload_paths": (Path.exists, "does not exist"),
}
# Files Granian creates: their directory must exist.
_CREATED = ("pid_file", "uds")


def file_problems(args: GranianArgs, *, starting: bool) -> list[Problem]:
    return [*_missing_paths(args, starting), *_log_config(args), *_tls_files(args)]


def named_paths(args: GranianArgs, field: str) -> list[Path]:
    value = getattr(args, field)
    return value if isinstance(value, list) else [] if value is None else [value]


def _missing_paths(args: GranianArgs, starting: bool) -> list[Problem]:
    problems = []
    for field, (is_right, wrong) in _EXPECTED.items():
        for path in named_paths(args, field):
            if not is_right(path):
                reason = "does not exist" if not path.exists() else wrong
                problems.append(missing(field, f"names {shown(path)}, which {reason}.", starting))
    for field in _CREATED:
        for path in named_paths(args, field):
            if not path.absolute().parent.is_dir():
                problems.append(missing(field, f"names {shown(path)}, in a directory that does not exist.", starting))
    return problems


def missing(field: str, message: str, starting: bool) -> Problem:
    if starting:
        return Problem(E050, Severity.ERROR, ("ARGS", field), message, "Create it, or fix the path.")
    return Problem(
        W050,
        Severity.WARNING,
        ("ARGS", field),
        message,
        "Create it where prodserver runs, or fix the path; prodserver refuses to start without it.",
    )


def _log_config(args: GranianArgs) -> list[Problem]:
    path = args.log_config
    if path is None or not path.is_file():
        return []
    try:
        config = json.loads(path.read_text())
    except json.JSONDecodeError as error:
        reason = f"is not valid JSON ({error.msg}, line {error.lineno})"
    except (OSError, ValueError) as error:
        reason = f"cannot be read ({first_line(error)})"
    else:
        if isinstance(config, dict):
            return []
        reason = f"holds {type_name(config)}, not a JSON object"
    return [
        Problem(
            E051,
            Severity.ERROR,
            ("ARGS", "log_config"),
            f"names {shown(path)}, which {reason}.",
            "Write a JSON object in logging.dictConfig format.",
        )
    ]


def _tls_files(args: GranianArgs) -> list[Problem]:
    """The certificate and key load together, as Granian loads them before it serves."""
    cert, key = args.ssl_cert, args.ssl_key
    if cert is None or key is None or not cert.is_file() or not key.is_file():
        return []
    password = args.ssl_keyfile_password.get_secret_value() if args.ssl_keyfile_password else ""
    try:
        # A callable, so that OpenSSL never prompts on the terminal for the password of an encrypted key.
        ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_cert_chain(cert, key, lambda: password)
    except ssl.SSLError as error:
        if error.reason == "KEY_VALUES_MISMATCH":
            return [E052_MISMATCH]
        reason = "not PEM, or a wrong ssl-keyfile-password"
    except (OSError, ValueError) as error:
        reason = first_line(error)
    else:
        return []
    return [
        Problem(
            E052,
            Severity.ERROR,
            ("ARGS", "ssl_cert"),
            f"or ssl-key cannot be loaded ({reason}).",
            "Use PEM files, and set ssl-keyfile-password if the key is encrypted.",
        )
    ]
