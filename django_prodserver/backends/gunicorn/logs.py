"""gunicorn's own log outputs, as its logger (``glogging.Logger.setup``) opens them when the arbiter starts:
the error and access log files, the access log format, and the syslog address and facility.

Each of these fails in gunicorn's master with a traceback (or, for the format, at every request),
so the check says so first.  Relative file names are gunicorn's: from ``chdir``, which it enters first.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ...problems import Problem, Severity
from ...rules.files import missing, path_problem
from ...rules.text import first_line, shown
from .options import GunicornArgs

E156 = "prodserver.E156"
E157 = "prodserver.E157"

SYSLOG_FACILITIES = frozenset(
    {
        *("auth", "authpriv", "cron", "daemon", "ftp", "kern", "lpr", "mail", "news", "security", "syslog"),
        *("user", "uucp", *(f"local{number}" for number in range(8))),
    }
)
"""gunicorn's ``glogging.SYSLOG_FACILITIES`` (pinned by the drift test); it refuses any other name at start."""

NUMBER_ATOMS = frozenset({"B", "T", "D", "M"})
"""The access log atoms gunicorn gives as numbers (``glogging.Logger.atoms``); every other atom is text."""


def log_output_problems(args: GunicornArgs, *, starting: bool) -> list[Problem]:
    return [*_log_files(args, starting), *_access_format(args), *_syslog(args, starting)]


def _log_files(args: GunicornArgs, starting: bool) -> list[Problem]:
    """The error and access log files: gunicorn opens each for appending, in a directory that must exist."""
    problems = []
    for field in ("error_logfile", "access_logfile"):
        value = getattr(args, field)
        if value is None or value == "-":
            continue
        path = Path(value)
        if args.chdir is not None and not path.is_absolute():
            path = args.chdir / path
        if (problem := path_problem(field, "created", path, starting, f"names {shown(path)}")) is not None:
            problems.append(problem)
    return problems


class _Atoms(dict[str, Any]):
    """What gunicorn formats the access log line with: every key has a value (``glogging.SafeAtoms``)."""

    def __missing__(self, key: str) -> Any:
        return 0 if key in NUMBER_ATOMS else "-"


def _access_format(args: GunicornArgs) -> list[Problem]:
    """The access log format, applied as gunicorn applies it to each request (``format % atoms``)."""
    if "access_logformat" not in args.model_fields_set:
        return []
    try:
        args.access_logformat % _Atoms()
    except (ValueError, TypeError, KeyError) as error:
        return [
            Problem(
                E156,
                Severity.ERROR,
                ("ARGS", "access_logformat"),
                f"is {shown(args.access_logformat)}, which Python's % formatting refuses ({first_line(error)}); "
                "gunicorn would fail to log every request.",
                "Write each atom as %(name)s, for example '%(h)s \"%(r)s\" %(s)s'; write a literal % as %%.",
            )
        ]
    return []


def syslog_fault(address: str) -> str | None:
    """Why gunicorn's ``glogging.parse_syslog_address`` refuses ``address``, or None."""
    if address.startswith("unix://"):
        return None if address.split("#", 1)[0].removeprefix("unix://") else "names no socket path"
    match = re.match(r"(udp|tcp)://", address)
    if match is None:
        return "does not start with udp://, tcp:// or unix://"
    rest = address[match.end() :].split("]")[-1]
    if ":" in rest and not rest.split(":", 1)[1].isdigit():
        return f"has the port {rest.split(':', 1)[1]!r}, not a number"
    if ":" in rest and not 0 <= int(rest.split(":", 1)[1]) <= 65535:
        return f"has the port {rest.split(':', 1)[1]}, out of 0-65535"
    return None


def _syslog(args: GunicornArgs, starting: bool) -> list[Problem]:
    """gunicorn reads the syslog settings only with log-syslog on (W046 says so otherwise)."""
    if not args.log_syslog:
        return []
    problems = []
    fault = syslog_fault(args.log_syslog_to)
    if fault is not None:
        problems.append(
            Problem(
                E157,
                Severity.ERROR,
                ("ARGS", "log_syslog_to"),
                f"is {shown(args.log_syslog_to)}, which {fault}; gunicorn would refuse to start.",
                "Write udp://HOST:PORT, tcp://HOST:PORT or unix://PATH (unix://PATH#dgram for a datagram socket).",
            )
        )
    elif args.log_syslog_to.startswith("unix://"):
        path = Path(args.log_syslog_to.split("#", 1)[0].removeprefix("unix://"))
        if not path.exists():
            message = f"names the socket {shown(str(path))}, which does not exist: gunicorn could not send a log."
            problems.append(missing("log_syslog_to", message, starting))
    if args.log_syslog_facility.lower() not in SYSLOG_FACILITIES:
        problems.append(
            Problem(
                E157,
                Severity.ERROR,
                ("ARGS", "log_syslog_facility"),
                f"is {shown(args.log_syslog_facility)}, which is not a syslog facility; "
                "gunicorn would refuse to start.",
                f"Use one of {', '.join(sorted(SYSLOG_FACILITIES))}.",
            )
        )
    return problems
