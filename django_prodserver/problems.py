"""What validation finds, before it is shown as a Django check message or a command error.

Pure data, no Django: the rules that produce problems and the check that shows them share it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem, at a path below the ``PRODUCTION_PROCESSES`` setting."""

    id: str
    """Stable check ID, e.g. ``prodserver.E010``; never reused for another problem."""
    severity: Severity
    path: tuple[str, ...]
    """Keys below the setting: ``("web", "ARGS", "workers")``; empty for the setting itself."""
    message: str
    hint: str | None = None
    deploy: bool = False
    """Production advice, shown only by ``check --deploy``."""


def setting_path(path: tuple[str, ...], setting: str = "PRODUCTION_PROCESSES") -> str:
    """``PRODUCTION_PROCESSES['web']['ARGS']['workers']`` for ``("web", "ARGS", "workers")``."""
    return setting + "".join(f"[{key!r}]" for key in path)
