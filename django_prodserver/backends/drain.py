"""How a process stops without dropping work: the signal it drains on and how long the drain may take.

Declared by each backend (:meth:`TypedBackend.drain`) from its validated ARGS, read by the shared
fleet code (``prodserver --all``, the exports, the platform check), which never asks which tool a
process runs.
"""

from __future__ import annotations

from dataclasses import dataclass

TERM = "SIGTERM"
INT = "SIGINT"


@dataclass(frozen=True)
class Drain:
    """A backend's graceful stop: on one of ``signals`` it finishes its work within ``seconds``."""

    signals: tuple[str, ...]
    """Signal names it drains on; the first is the one the exports and ``--all`` send."""
    seconds: float | None
    """The longest drain the tool allows itself; None when it waits for its work without a limit."""
    option: str | None = None
    """The ARGS option (documented name) that sets ``seconds``, for messages that name the fix."""

    @property
    def signal(self) -> str:
        return self.signals[0]


UNKNOWN = Drain((TERM,), None)
"""A backend that declares nothing (django-prodserver 3.x's untyped ones): SIGTERM, no known limit."""
