"""What validation finds, before it is shown as a Django check message or a command error.

Pure data, no Django: the rules that produce problems and the check that shows them share it.

Rules build problems *relative* to where they look (a process, or its ARGS) and write the
message as what follows the location: ``"is 'abc'; expected an integer."``.
:func:`located` then prefixes the location that names the value for the user, either the
setting path (``PRODUCTION_PROCESSES['web']['ARGS']['workers']``) or the command-line option
(``Command-line option --workers``), so one rule serves both sources.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable
from dataclasses import dataclass, replace

Key = Hashable
"""One step of a path below the setting: a dict key (a string, unless the setting is wrong), a list index."""


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem, at a path below the ``PRODUCTION_PROCESSES`` setting."""

    id: str
    """Stable check ID, e.g. ``prodserver.E010``; never reused for another problem."""
    severity: Severity
    path: tuple[Key, ...]
    """Keys below the setting: ``("web", "ARGS", "workers")``; empty for the setting itself."""
    message: str
    hint: str | None = None
    deploy: bool = False
    """Production advice, shown only by ``check --deploy``."""


def setting_path(path: tuple[Key, ...], setting: str = "PRODUCTION_PROCESSES") -> str:
    """``PRODUCTION_PROCESSES['web']['ARGS']['workers']`` for ``("web", "ARGS", "workers")``."""
    return setting + "".join(f"[{key!r}]" for key in path)


def located(problem: Problem, path: tuple[Key, ...], location: str) -> Problem:
    """The problem at its full ``path``, its message prefixed with the ``location`` the user reads."""
    return replace(problem, path=path, message=f"{location} {problem.message}")
