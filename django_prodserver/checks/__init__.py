"""Django system checks over ``PRODUCTION_PROCESSES``, registered under the ``prodserver`` tag.

The setting is validated once per command (:func:`~django_prodserver.validation.validated_setting`),
and the checks turn its problems into check messages; which validation they report:

- ``manage.py check``: the plain check validates the whole setting.  Under ``--deploy`` Django then
  calls the deploy check, in the same run: the plain check left it the production advice of the
  setting object it judged, which the deploy check takes once (:data:`_advice`); called alone, or on
  another setting object, the deploy check validates.
- ``manage.py prodserver NAME`` (and each process of ``--all``) validates its process itself, as it
  is about to start (with the command line's overrides, missing files as errors), then runs Django's
  checks inside :func:`reporting` that validation: the check reports it instead of validating, so
  that the messages and their silencing (``SILENCED_SYSTEM_CHECKS``) are Django's.  The command
  starts the report it holds; nothing flows back from the check to the command.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Error, Warning

from ..conf import production_processes
from ..problems import Problem, Severity
from ..validation import Validation, validated_setting

_reported: ContextVar[Validation | None] = ContextVar("prodserver_reported", default=None)
"""The validation a command made before it ran Django's checks (Django calls a check with fixed arguments)."""


@dataclass(frozen=True)
class _Advice:
    """The production advice the plain check found in one setting object, for the deploy check of its run."""

    setting: object
    problems: tuple[Problem, ...]


_advice: list[_Advice] = []
"""At most one: left by the plain check, taken by the deploy check that follows it in ``check --deploy``."""


@contextmanager
def reporting(validation: Validation) -> Iterator[None]:
    """While active, the ``prodserver`` checks report ``validation`` (made by the caller) instead of validating."""
    token = _reported.set(validation)
    try:
        yield
    finally:
        _reported.reset(token)


def check_message(problem: Problem) -> CheckMessage:
    kind = Error if problem.severity is Severity.ERROR else Warning
    return kind(problem.message, hint=problem.hint, id=problem.id)


def check_production_processes(app_configs: Sequence[AppConfig] | None = None, **kwargs: Any) -> list[CheckMessage]:
    """Everything wrong with ``PRODUCTION_PROCESSES``, except production advice."""
    validation = _reported.get()
    if validation is None:
        setting = production_processes()
        validation = validated_setting(setting)
        _advice[:] = [_Advice(setting, tuple(problem for problem in validation.problems if problem.deploy))]
    return [check_message(problem) for problem in validation.problems if not problem.deploy]


def check_production_processes_deploy(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """Production advice on ``PRODUCTION_PROCESSES``, for ``check --deploy``."""
    validation = _reported.get()
    if validation is not None:
        return [check_message(problem) for problem in validation.problems if problem.deploy]
    setting, left = production_processes(), _advice[:]
    _advice.clear()
    if left and left[0].setting is setting:
        return [check_message(problem) for problem in left[0].problems]
    return [check_message(problem) for problem in validated_setting(setting).problems if problem.deploy]
