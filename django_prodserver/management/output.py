"""What ``prodserver --list`` and ``prodserver --dry-run`` print, as plain text or JSON.

Built from the reports of :func:`~django_prodserver.validation.validate_process`; no
secret reaches the output unmasked (``effective_options`` and ``command_line`` mask them).
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from ..backends.base import TypedBackend
from ..effective import EffectiveOption, effective_options, value_text
from ..problems import Severity
from ..validation import ProcessReport


@dataclass(frozen=True)
class ProcessSummary:
    """One line of ``--list``."""

    name: str
    backend: str
    address: str
    """``127.0.0.1:8000``, ``unix:/run/web.sock``, or ``-`` for a worker or when unknown."""
    errors: int
    warnings: int
    kind: str = "-"
    """``server`` or ``worker`` (a typed backend's kind), ``-`` when unknown."""

    @property
    def status(self) -> str:
        counts = ", ".join(
            f"{count} {word}{'' if count == 1 else 's'}"
            for count, word in ((self.errors, "error"), (self.warnings, "warning"))
            if count
        )
        if self.errors:
            return f"invalid ({counts})"
        return f"valid ({counts})" if counts else "valid"


@dataclass(frozen=True)
class DryRun:
    """What ``--dry-run`` shows of one process."""

    process: str
    backend: str
    options: list[EffectiveOption]
    command: list[str]
    """For a typed backend, the equivalent shell command; else the arguments of ``start_server``."""


def table(rows: Sequence[Sequence[str]]) -> str:
    """Rows as left-aligned columns, two spaces apart."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    )


def process_list(summaries: Sequence[ProcessSummary], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([{**asdict(summary), "status": summary.status} for summary in summaries], indent=2)
    header = ("PROCESS", "KIND", "BACKEND", "ADDRESS", "CONFIGURATION")
    return table([header, *((s.name, s.kind, s.backend, s.address, s.status) for s in summaries)])


def dry_run(report: DryRun, fmt: str) -> str:
    """The effective configuration, then the command on one shell-quoted line (the last line)."""
    if fmt == "json":
        return json.dumps(asdict(report), indent=2)
    parts = [f"Process {report.process!r} ({report.backend})"]
    if report.options:
        parts.append(
            table([("OPTION", "VALUE", "SOURCE"), *((o.name, value_text(o.value), o.source) for o in report.options)])
        )
    parts.append(shlex.join(report.command))
    return "\n\n".join(parts)


def backend_path(config: object) -> str:
    backend = config.get("BACKEND") if isinstance(config, Mapping) else None
    return backend if isinstance(backend, str) else "-"


def summarize(report: ProcessReport, config: object) -> ProcessSummary:
    """The ``--list`` line of a process, whatever state its configuration is in."""
    address = None
    kind = report.backend.kind if isinstance(report.backend, TypedBackend) else "-"
    if isinstance(report.backend, TypedBackend) and report.args is not None:
        address = report.backend.address(report.args)
    # As ``manage.py check`` counts: production advice only shows under --deploy.
    shown = [problem.severity for problem in report.problems if not problem.deploy]
    return ProcessSummary(
        name=report.name,
        kind=kind,
        backend=backend_path(config),
        address=address or "-",
        errors=shown.count(Severity.ERROR),
        warnings=shown.count(Severity.WARNING),
    )


def dry_run_of(report: ProcessReport, config: object) -> DryRun:
    """What ``--dry-run`` shows; the report must have a backend, and valid ARGS if it is typed."""
    backend, args = report.backend, report.args
    assert backend is not None
    if not isinstance(backend, TypedBackend):
        return DryRun(report.name, backend_path(config), [], backend.prep_server_args())
    assert args is not None
    options = effective_options(args, report.sources)
    return DryRun(report.name, backend_path(config), options, backend.command_line(args))
