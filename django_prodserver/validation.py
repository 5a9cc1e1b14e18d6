"""Validate one process or the whole setting: the code shared by the check and ``prodserver``.

Turns a raw ``PRODUCTION_PROCESSES`` entry (plus command-line overrides) into a backend,
a validated ARGS model and the list of problems, without raising.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.module_loading import import_string
from pydantic import ValidationError

from .args.base import ServerArgs
from .backends.base import BaseProcessBackend, TypedServerBackend
from .problems import Problem, Severity


@dataclass
class ProcessReport:
    """The outcome of validating one process."""

    name: str
    backend: BaseProcessBackend | None = None
    args: ServerArgs | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def validate_process(
    name: str, config: object, *, overrides: Mapping[str, Any] | None = None, starting: bool = False
) -> ProcessReport:
    """Validate ``PRODUCTION_PROCESSES[name]``; ``overrides`` are ARGS given on the command line."""
    report = ProcessReport(name)
    assert isinstance(config, Mapping)
    backend_class = import_string(config["BACKEND"])
    report.backend = backend = backend_class(**config)
    if not isinstance(backend, TypedServerBackend):
        return report
    raw = dict(config.get("ARGS", {}))
    raw.update(overrides or {})
    try:
        report.args = backend.args_model.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors():
            path = (name, "ARGS", *(str(part) for part in error["loc"]))
            report.problems.append(Problem("prodserver.E000", Severity.ERROR, path, error["msg"]))
        return report
    report.problems.extend(backend.problems(report.args, starting=starting))
    return report
