"""Files and directories named by ARGS, judged by each option's ``path`` role.

A missing one is a Warning in ``manage.py check`` (a CI machine may not hold production
certificates) and an Error when ``prodserver`` starts the process.  Relative paths are
judged from the current directory, where the servers resolve them too.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..args.base import BackendArgs, PathRole
from ..problems import Problem, Severity
from .text import shown

E050 = "prodserver.E050"
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
    """Every path option whose path is not what its role says."""
    problems = []
    for field, meta in type(args).options().items():
        if meta.path is None:
            continue
        for path in named_paths(args, field):
            if (problem := path_problem(field, meta.path, path, starting, f"names {shown(path)}")) is not None:
                problems.append(problem)
    return problems


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
