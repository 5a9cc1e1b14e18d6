"""Dotted paths judged by what they name: a class of the kind the tool needs, or modules that import.

The kind lives on the option's value type (``ClassPath``, ``ModulePath`` in ``args/values.py``), so
one rule serves every backend: gunicorn's worker and logger classes, Celery's scheduler and
``include``.  The check imports the named module, as the tool would when it starts: otherwise a
class that is no worker would pass ``check`` and ``--dry-run`` and fail only at start, with a
traceback.  The tool's own values (``trusted``) are never imported: the check imports no server.
"""

from __future__ import annotations

import importlib
import inspect
from functools import reduce
from typing import Any

from ..args.base import BackendArgs
from ..args.describe import item_type
from ..args.values import ClassPath, ModulePath
from ..problems import Problem, Severity
from .packages import installed
from .text import choices_text, closest, first_line, shown

E065 = "prodserver.E065"


def import_problems(args: BackendArgs) -> list[Problem]:
    """Every class-path option that names no class of its kind, every module-list item that does not import."""
    problems = []
    for field, info in type(args).model_fields.items():
        value = getattr(args, field)
        if value is None:
            continue
        metadata = item_type(info)[1]
        kind = next((item for item in metadata if isinstance(item, ClassPath)), None)
        if kind is not None and value not in kind.trusted and (fault := class_fault(value, kind)) is not None:
            problems.append(_e065(("ARGS", field), value, fault, _class_hint(value, kind)))
        if any(isinstance(item, ModulePath) for item in metadata):
            for index, module in enumerate(value):
                if (fault := _module_fault(module)) is not None:
                    problems.append(_e065(("ARGS", field, index), module, fault, "Fix the module's dotted name."))
    return problems


def _e065(path: tuple[str | int, ...], value: str, fault: str, hint: str) -> Problem:
    return Problem(E065, Severity.ERROR, path, f"is {shown(value)}, {fault}; the process would fail to start.", hint)


def _class_hint(value: str, kind: ClassPath) -> str:
    names = sorted(name for name in kind.trusted if "." not in name)
    if (meant := closest(value, names)) is not None:
        return f"Did you mean {meant!r}?"
    subclass = f"the dotted path of a subclass of {kind.base}"
    return f"Use {choices_text(names)}, or {subclass}." if names else f"Name {subclass}."


def class_fault(dotted: str, kind: ClassPath) -> str | None:
    """How ``dotted`` fails to name a ``kind`` class, as the end of a message, or None."""
    module, name = _split(dotted, colon=kind.colon)
    if not module or not name:
        if any("." not in name for name in kind.trusted):
            return f"which is neither a {kind.kind} name nor a dotted path"
        return "which is not a dotted path (module.Class" + (" or module:Class)" if kind.colon else ")")
    if (fault := _module_fault(module)) is not None:
        return fault
    try:
        found: Any = reduce(getattr, name.split("."), importlib.import_module(module))
    except AttributeError:
        return f"but {module!r} has no {name!r}"
    if not inspect.isclass(found):
        return f"which is not a class (a {kind.kind} is)"
    if not any(f"{cls.__module__}.{cls.__qualname__}" == kind.base for cls in inspect.getmro(found)):
        # By name along the MRO: the base's module need not be imported to compare.
        return f"which is not a {kind.kind} (a subclass of {kind.base})"
    return None


def _split(dotted: str, *, colon: bool) -> tuple[str, str]:
    if colon and ":" in dotted:
        module, _, name = dotted.partition(":")
        return module, name
    module, _, name = dotted.rpartition(".")
    return module, name


def _module_fault(module: str) -> str | None:
    if not installed(module):
        return f"whose module {module!r} cannot be found"
    try:
        importlib.import_module(module)
    except Exception as error:
        return f"whose module {module!r} cannot be imported ({first_line(error)})"
    return None
