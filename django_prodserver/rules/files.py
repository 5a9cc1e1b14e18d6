"""Files and directories named by ARGS, judged by each option's ``path`` role.

A missing one is a Warning in ``manage.py check`` (a CI machine may not hold production
certificates) and an Error when ``prodserver`` starts the process.  Relative paths are
judged from the current directory, where the servers resolve them too.
"""

from __future__ import annotations

import errno
import os
import socket
from collections.abc import Callable
from pathlib import Path

from ..args.base import BackendArgs, PathRole
from ..args.describe import item_type
from ..args.values import PidFile, StaleSocketFails
from ..problems import Problem, Severity
from .text import shown

E050 = "prodserver.E050"
E054 = "prodserver.E054"
E055 = "prodserver.E055"
W056 = "prodserver.W056"
SOCKET_PATH_MAX = 107
"""Linux's sun_path is 108 bytes, the last one a NUL: a longer socket path cannot be bound."""
W050 = "prodserver.W050"

# Per role of an existing path: what it must be, as a predicate and in words.
_EXISTING: dict[PathRole, tuple[Callable[[Path], bool], str]] = {
    "file": (Path.is_file, "is not a file"),
    "directory": (Path.is_dir, "is not a directory"),
    "exists": (Path.exists, "does not exist"),
}


def named_paths(args: BackendArgs, field: str) -> list[Path]:
    """The paths an option names: none, one, or a list."""
    value = getattr(args, field)
    return value if isinstance(value, list) else [] if value is None else [value]


def file_problems(args: BackendArgs, *, starting: bool) -> list[Problem]:
    """Every path option whose path is not what its role says, or is held by what the tool refuses."""
    problems = []
    for field, meta in type(args).options().items():
        if meta.path is None:
            continue
        kinds = item_type(type(args).model_fields[field])[1]
        for path in named_paths(args, field):
            subject = f"names {shown(path)}"
            problem = path_problem(field, meta.path, path, starting, subject)
            if problem is None and meta.path == "socket":
                stale = next((kind.tool for kind in kinds if isinstance(kind, StaleSocketFails)), None)
                problem = socket_problem(field, path, starting, subject, stale_fails=stale)
            if problem is None:
                pid_file = next((kind for kind in kinds if isinstance(kind, PidFile)), None)
                problem = None if pid_file is None else pid_file_problem(field, path, starting, subject, pid_file)
            if problem is not None:
                problems.append(problem)
    return problems


def socket_problem(field: str, path: Path, starting: bool, subject: str, *, stale_fails: str | None) -> Problem | None:
    """A socket at ``path`` that a server listens on (at start), or a stale one its tool (``stale_fails``)
    does not replace.  Servers that replace a stale socket remove a live one too, stealing its path."""
    listening = _listening(path)
    if listening is None or (listening and not starting):
        # Nothing there, or unknown; in check, the server that serves on it may well be running.
        return None
    if listening:
        outcome = (
            "the bind fails (address in use)"
            if stale_fails
            else "starting removes it, and that server stops receiving connections"
        )
        return Problem(
            E054,
            Severity.ERROR,
            ("ARGS", field),
            f"{subject}, a socket a running server listens on: {outcome}.",
            "Stop that server first, or name another path.",
        )
    if stale_fails is None:
        return None
    message = f"{subject}, a stale socket (nobody listens on it), which {stale_fails} does not replace: its bind fails."
    return left_over(field, message, "Remove the socket file (left by a server that did not stop)", starting)


def _listening(path: Path) -> bool | None:
    """Whether a server accepts connections on the socket at ``path``; None: no socket there, or no telling."""
    try:
        if not path.is_socket():
            return None
    except OSError:
        return None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(1.0)
        try:
            probe.connect(os.fspath(path))
        except ConnectionRefusedError:
            return False
        except OSError as error:
            # A full backlog (EAGAIN) is a live server; a socket this user may not open, no telling.
            return True if error.errno == errno.EAGAIN else None
    return True


def pid_file_problem(field: str, path: Path, starting: bool, subject: str, pid_file: PidFile) -> Problem | None:
    """A pid file the tool refuses to start over: a running process's id (at start), or no id at all."""
    try:
        text = path.read_text()
    except (OSError, ValueError):
        # Missing, or not a file: the path rule says so, or the tool writes it anew.
        return None
    try:
        pid = int(text)
    except ValueError:
        if not pid_file.unreadable:
            return None
        message = f"{subject}, which holds no process id: {pid_file.tool} refuses to start over it."
        return left_over(field, message, f"Remove the file ({pid_file.tool} writes it at start)", starting)
    if not starting or pid == os.getpid() or not _running(pid):
        # In check, the process that wrote it may well be the server, running; the launcher keeps this pid.
        return None
    return Problem(
        E054,
        Severity.ERROR,
        ("ARGS", field),
        f"{subject}, which holds the id of running process {pid}: {pid_file.tool} refuses to start.",
        f"Stop that process first (or remove the file if that process is not {pid_file.tool}), or name another path.",
    )


def _running(pid: int) -> bool:
    """Whether a process has this id, as the tools ask: signal 0, refused or not."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OSError, OverflowError):
        return False
    return True


def left_over(field: str, message: str, fix: str, starting: bool) -> Problem:
    """A file left where the tool refuses one (W056 in check, E055 at start): the fix is to remove it."""
    if starting:
        return Problem(E055, Severity.ERROR, ("ARGS", field), message, f"{fix}, or name another path.")
    return Problem(
        W056, Severity.WARNING, ("ARGS", field), message, f"{fix}, or name another path; prodserver refuses to start."
    )


def path_problem(field: str, role: PathRole, path: Path, starting: bool, subject: str) -> Problem | None:
    """``subject`` (``"names 'run/web.pid'"``) with how ``path`` fails its role, on ``field``; or None."""
    try:
        wrong, exists = path_fault(role, path), path.exists()
    except OSError as error:
        # A name the system refuses to look up (too long, say): the server could not use it either.
        wrong, exists = f"which cannot be used ({error.strerror or error})", True
    return None if wrong is None else missing(field, f"{subject}, {wrong}.", starting, exists=exists)


def path_fault(role: PathRole, path: Path) -> str | None:
    """How ``path`` fails its role, as the end of a message, or None."""
    if role == "socket" and len(os.fsencode(path.absolute())) > SOCKET_PATH_MAX:
        return f"whose absolute path is longer than the {SOCKET_PATH_MAX} bytes a Unix socket address holds"
    if role in ("created", "socket"):
        # The tool creates the file: its directory must exist, and the path must not be one.
        if path.is_dir():
            return "which is a directory"
        if role == "socket" and path.exists() and not path.is_socket():
            # Servers replace a stale socket only: a regular file there fails the bind (EADDRINUSE, or
            # gunicorn's "is not a socket"), and gunicorn's control socket would delete the file.
            return "which is a file, not a socket (a server replaces only a stale socket)"
        return None if path.absolute().parent.is_dir() else "in a directory that does not exist"
    is_right, wrong = _EXISTING[role]
    if not is_right(path):
        return "which does not exist" if not path.exists() else f"which {wrong}"
    if role == "file" and not os.access(path, os.R_OK):
        return "which this user cannot read"
    return None


def missing(field: str, message: str, starting: bool, *, exists: bool = False) -> Problem:
    """A path that is not what its option needs: a warning in ``check``, an error at start.

    ``exists``: something is there, of the wrong kind; the fix is the path, not creating it.
    """
    fix = "Fix the path" if exists else "Create it, or fix the path"
    if starting:
        return Problem(E050, Severity.ERROR, ("ARGS", field), message, f"{fix}.")
    where = "Fix the path" if exists else "Create it where prodserver runs, or fix the path"
    return Problem(
        W050,
        Severity.WARNING,
        ("ARGS", field),
        message,
        f"{where}; prodserver refuses to start without it.",
    )
