"""What ``prodserver --list`` and ``prodserver --dry-run`` print, as plain text or JSON.

Built from the reports of :func:`~django_prodserver.validation.validate_process`; no
secret reaches the output unmasked (``effective_options`` and ``command_line`` mask them).
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

from ..args.base import MASK
from ..backends.listening import serving
from ..effective import EffectiveOption, effective_options, value_text
from ..problems import Problem, Severity
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
    """``server`` or ``worker`` (the backend's kind), ``-`` when unknown."""

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
    """The equivalent shell command (for a 3.x backend, the arguments of its ``start_server``)."""
    environment: dict[str, str] = field(default_factory=dict)
    """Variables the command needs: the settings module, so that it serves this configuration."""


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


def dry_run(report: DryRun, fmt: str, *, every_option: bool = False) -> str:
    """The options the settings and the command line set (``every_option``: all), then the command.

    The command is the last line, shell-quoted, after the variables it needs. JSON holds every option.
    """
    if fmt == "json":
        return json.dumps(asdict(report), indent=2)
    parts = [f"Process {report.process!r} ({report.backend})"]
    shown = [o for o in report.options if every_option or o.source != "default"]
    if shown:
        parts.append(table([("OPTION", "VALUE", "SOURCE"), *((o.name, value_text(o.value), o.source) for o in shown)]))
    if len(shown) < len(report.options):
        parts.append(f"{len(report.options) - len(shown)} more options keep their defaults (-v 2 lists them).")
    variables = [f"{name}={shlex.quote(value)}" for name, value in report.environment.items()]
    words, secrets = shell_words(report.command)
    if secrets:
        names = " and ".join(secrets)
        parts.append(f"Secrets are read from the environment, not printed: set {names} to their values first.")
    parts.append(" ".join([*variables, *words]))
    return "\n\n".join(parts)


def shell_words(command: Sequence[str]) -> tuple[list[str], list[str]]:
    """The command's words for a shell, each masked secret replaced by a variable the shell expands.

    ``--broker ********`` becomes ``--broker "$PRODSERVER_BROKER"``: run by hand with that variable set,
    the line starts the same process (a mask would pass the eight asterisks).  Returns the words and
    the variables they read.
    """
    words, secrets = [], []
    for index, word in enumerate(command):
        if MASK not in word:
            words.append(shlex.quote(word))
            continue
        flag = word.partition("=")[0] if "=" in word else (command[index - 1] if index else "secret")
        variable = "PRODSERVER_" + re.sub(r"[^A-Za-z0-9]+", "_", flag.lstrip("-")).strip("_").upper()
        secrets.append(variable)
        before, _, after = word.partition(MASK)
        words.append(
            "".join([shlex.quote(before) if before else "", f'"${variable}"', shlex.quote(after) if after else ""])
        )
    return words, secrets


def backend_path(config: object) -> str:
    backend = config.get("BACKEND") if isinstance(config, Mapping) else None
    return backend if isinstance(backend, str) else "-"


def summarize(report: ProcessReport, config: object, shared: Sequence[Problem] = ()) -> ProcessSummary:
    """The ``--list`` line of a process, whatever state its configuration is in.

    ``shared`` are the setting-wide problems of this process (an address another process binds too).
    """
    backend, served = report.backend, None
    if backend is not None and report.args is not None:
        served = serving(backend.listeners(report.args))
    # As ``manage.py check`` counts: production advice only shows under --deploy.
    shown = [problem.severity for problem in [*report.problems, *shared] if not problem.deploy]
    return ProcessSummary(
        name=report.name,
        kind=(backend.kind if backend is not None else None) or "-",
        backend=backend_path(config),
        address="-" if served is None else served.address,
        errors=shown.count(Severity.ERROR),
        warnings=shown.count(Severity.WARNING),
    )


def dry_run_of(report: ProcessReport, config: object, settings_module: str | None = None) -> DryRun:
    """What ``--dry-run`` shows; the report must have a backend and valid ARGS.

    ``settings_module``: the settings this run uses; the copied command needs them to serve the same
    configuration (the project's ``asgi.py`` would otherwise fall back to its own default).
    """
    backend, args = report.backend, report.args
    assert backend is not None
    assert args is not None
    options = effective_options(args, report.sources)
    environment = backend.command_environment(settings_module)
    return DryRun(report.name, backend_path(config), options, backend.command_line(args), environment)
