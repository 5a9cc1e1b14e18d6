"""Django system checks over ``PRODUCTION_PROCESSES``, registered under the ``prodserver`` tag.

``manage.py check`` validates every process; ``prodserver NAME`` runs the same check inside
:func:`validating_start`, so that it validates only the process it starts, with the
command-line overrides, and treats missing files as errors.  Both show the same messages.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Error, Warning

from ..conf import production_processes
from ..problems import Problem, Severity
from ..validation import ProcessReport, validate_setting


@dataclass(frozen=True)
class Start:
    """The process ``prodserver`` is starting, its command-line overrides, and what the check found."""

    name: str
    overrides: Mapping[str, object]
    reports: dict[str, ProcessReport] = field(default_factory=dict)
    """Filled by the check, so that the command starts what was validated without validating again."""


_starting: ContextVar[Start | None] = ContextVar("prodserver_starting", default=None)


@contextmanager
def validating_start(name: str, overrides: Mapping[str, object]) -> Iterator[Start]:
    """While active, the check validates only process ``name``, as it is about to start."""
    start = Start(name, dict(overrides))
    token = _starting.set(start)
    try:
        yield start
    finally:
        _starting.reset(token)


def current_problems() -> list[Problem]:
    """The setting's problems, as ``check`` or (inside :func:`validating_start`) ``prodserver`` sees them."""
    start = _starting.get()
    if start is None:
        return validate_setting(production_processes())
    return validate_setting(
        production_processes(), only=start.name, overrides=start.overrides, starting=True, reports=start.reports
    )


def check_message(problem: Problem) -> CheckMessage:
    kind = Error if problem.severity is Severity.ERROR else Warning
    return kind(problem.message, hint=problem.hint, id=problem.id)


def check_production_processes(app_configs: Sequence[AppConfig] | None = None, **kwargs: Any) -> list[CheckMessage]:
    """Everything wrong with ``PRODUCTION_PROCESSES``, except production advice."""
    return [check_message(problem) for problem in current_problems() if not problem.deploy]


def check_production_processes_deploy(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """Production advice on ``PRODUCTION_PROCESSES``, for ``check --deploy``."""
    return [check_message(problem) for problem in current_problems() if problem.deploy]
