"""gunicorn rules that look things up on this machine: worker packages, hooks, users and groups.

What the worker and logger classes must be lives on their types (``kinds.py``), judged by the
shared import rule.  A hook is imported in the check: its module is the project's own, and
gunicorn would import it at start.
"""

from __future__ import annotations

import grp
import importlib
import inspect
import pwd
from collections.abc import Callable
from typing import Any

from ...args.base import Package
from ...problems import Problem, Severity
from ...rules.packages import installed
from ...rules.text import first_line, shown
from .options import GunicornArgs
from .rendering import worker_path

E080 = "prodserver.E080"
E085 = "prodserver.E085"
E087 = "prodserver.E087"

WORKER_PACKAGES = {
    "gunicorn.workers.ggevent": Package("gevent", "gunicorn[gevent]"),
    "gunicorn.workers.gtornado": Package("tornado", "gunicorn[tornado]"),
}
"""What gunicorn's optional worker modules import (its extras)."""

ID_MAX = 2**32 - 2
"""The largest user or group id: ``uid_t`` is 32 bits, and -1 (2**32 - 1) means "unchanged" to setuid."""


def class_problems(args: GunicornArgs) -> list[Problem]:
    """A worker class of gunicorn's whose optional package is missing (the shared rule judges the others)."""
    package = WORKER_PACKAGES.get(worker_path(args.worker_class).rpartition(".")[0])
    if package is None or installed(package.module):
        return []
    return [
        Problem(
            E080,
            Severity.ERROR,
            ("ARGS", "worker_class"),
            f"is {shown(args.worker_class)}, which needs the {package.module} package; gunicorn would fail to start.",
            f"Install it: pip install '{package.requirement}'.",
        )
    ]


def hook_problems(args: GunicornArgs) -> list[Problem]:
    """Each hook as gunicorn's validator takes it: ``module.callable``, with its number of arguments."""
    problems = []
    for field, meta in type(args).options().items():
        value = getattr(args, field)
        if meta.extra.get("hook") and value is not None:
            reason = _hook_fault(value, int(meta.extra["arity"]))
            if reason is not None:
                problems.append(
                    Problem(
                        E087,
                        Severity.ERROR,
                        ("ARGS", field),
                        f"is {shown(value)}, {reason}; gunicorn would refuse to start.",
                        f"Name a callable as module.function, taking {_arity_words(int(meta.extra['arity']))}.",
                    )
                )
    return problems


def _arity_words(arity: int) -> str:
    return "2, 3 or 4 arguments" if arity == -1 else f"{arity} argument{'s' if arity != 1 else ''}"


def _hook_fault(dotted: str, arity: int) -> str | None:
    module, _, name = dotted.rpartition(".")
    if not module:
        return "not a dotted path"
    try:
        found: Any = getattr(importlib.import_module(module), name)
    except AttributeError:
        return f"but {module!r} has no {name!r}"
    except Exception as error:
        return f"which cannot be imported ({first_line(error)})"
    if not callable(found):
        return "which is not callable"
    taken = _arity(found)
    accepted = {2, 3, 4} if arity == -1 else {arity}
    return None if taken in accepted else f"which takes {taken} positional argument(s), not {_arity_words(arity)}"


def _arity(function: Callable[..., Any]) -> int:
    # gunicorn's util.get_arity: every positional parameter counts, defaults included.
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return -1
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return sum(parameter.kind in positional for parameter in parameters)


def account_problems(args: GunicornArgs) -> list[Problem]:
    """A user or group given by name must exist here: gunicorn looks it up at start."""
    lookups: dict[str, tuple[Callable[[str], Any], str]] = {
        "user": (pwd.getpwnam, "user"),
        "group": (grp.getgrnam, "group"),
    }
    problems = []
    for field, (lookup, kind) in lookups.items():
        value = getattr(args, field)
        number = int(value) if isinstance(value, int) or (isinstance(value, str) and value.isdigit()) else None
        if number is not None and not 0 <= number <= ID_MAX:
            problems.append(
                Problem(
                    E085,
                    Severity.ERROR,
                    ("ARGS", field),
                    f"is {number}, which is not a {kind} id (0 to {ID_MAX}); gunicorn's workers would fail to boot.",
                    f"Give the numeric id of an existing {kind}, or its name.",
                )
            )
        elif isinstance(value, str) and not value.isdigit() and not _exists(lookup, value):
            problems.append(
                Problem(
                    E085,
                    Severity.ERROR,
                    ("ARGS", field),
                    f"is {value!r}, but no {kind} has that name on this machine; gunicorn would refuse to start.",
                    f"Name an existing {kind}, or give its numeric id.",
                )
            )
    return problems


def _exists(lookup: Callable[[str], Any], name: str) -> bool:
    try:
        lookup(name)
    except (KeyError, ValueError):
        return False
    return True
