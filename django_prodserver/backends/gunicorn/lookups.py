"""gunicorn rules that look things up on this machine: worker packages and hooks.

What the worker and logger classes must be lives on their types (``kinds.py``), judged by the
shared import rule.  A hook is imported in the check: its module is the project's own, and
gunicorn would import it at start.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from typing import Any

from ...args.base import Package
from ...problems import Problem, Severity
from ...rules.packages import installed
from ...rules.text import first_line, shown
from .hooks import Hook
from .options import GunicornArgs
from .rendering import worker_path

E080 = "prodserver.E080"
E087 = "prodserver.E087"

WORKER_PACKAGES = {
    "gunicorn.workers.ggevent": Package("gevent", "gunicorn[gevent]"),
    "gunicorn.workers.gtornado": Package("tornado", "gunicorn[tornado]"),
}
"""What gunicorn's optional worker modules import (its extras)."""


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
        hook = meta.tool_spec_of(Hook)
        if hook is not None and value is not None:
            reason = _hook_fault(value, hook.arity)
            if reason is not None:
                problems.append(
                    Problem(
                        E087,
                        Severity.ERROR,
                        ("ARGS", field),
                        f"is {shown(value)}, {reason}; gunicorn would refuse to start.",
                        f"Name a callable as module.function, taking {_arity_words(hook.arity)}.",
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
