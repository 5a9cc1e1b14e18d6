"""Django system checks over ``PRODUCTION_PROCESSES``, registered under the ``prodserver`` tag.

``manage.py check`` validates every process; ``prodserver NAME`` runs the same check inside
:func:`validating_start`, so that it validates only the process it starts, with the
command-line overrides, and treats missing files as errors.  Both show the same messages.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Error, Warning

from ..conf import production_processes
from ..problems import Problem, Severity
from ..validation import validate_setting


@dataclass(frozen=True)
class Start:
    """The process ``prodserver`` is starting, and its command-line overrides."""

    name: str
    overrides: Mapping[str, object]


_starting: ContextVar[Start | None] = ContextVar("prodserver_starting", default=None)


@contextmanager
def validating_start(name: str, overrides: Mapping[str, object]) -> Iterator[None]:
    """While active, the check validates only process ``name``, as it is about to start."""
    token = _starting.set(Start(name, dict(overrides)))
    try:
        yield
    finally:
        _starting.reset(token)


def current_problems() -> list[Problem]:
    """The setting's problems, as ``check`` or (inside :func:`validating_start`) ``prodserver`` sees them."""
    start = _starting.get()
    if start is None:
        return validate_setting(production_processes())
    return validate_setting(production_processes(), only=start.name, overrides=start.overrides, starting=True)


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
