"""The ``prodserver`` command's fleet modes: ``--all`` / several names, and ``--export FORMAT``.

Thin: each process is validated once, as it starts, and reported by the system check (messages as
``check`` prints them, :func:`...checks.reporting`); the members come from
:mod:`django_prodserver.fleet.plan`, and the runner and exporters are imported only when asked for.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from django.core.checks import registry
from django.core.management.base import BaseCommand, CommandError, SystemCheckError

from ..checks import check_message, reporting
from ..conf import SETTING, production_processes
from ..fleet.export import ExportError
from ..fleet.launch import current
from ..fleet.plan import member
from ..problems import Problem
from ..validation import ProcessReport, Validation, shared_address_problems, validate_process, validated_setting

FORMATS = ("procfile", "supervisord", "systemd", "compose", "kubernetes")


def chosen(processes: Mapping[str, object], names: Sequence[str]) -> list[str]:
    """The named processes (every process when none is named), each once, all declared."""
    unknown = [name for name in names if name not in processes]
    if unknown:
        declared = ", ".join(repr(key) for key in processes)
        raise CommandError(f"No process named {unknown[0]!r} in {SETTING}; declared: {declared}.")
    return list(dict.fromkeys(names)) if names else [str(name) for name in processes]


def validated_to_start(command: BaseCommand, names: Sequence[str], *, django_checks: bool) -> list[ProcessReport]:
    """Every process validated as ``prodserver NAME`` validates it, before any starts; one error stops all.

    Django's other checks run once (unless skipped): the children then skip them.  Returns the reports.
    """
    failures, reports = [], []
    if django_checks:
        others = [tag for tag in registry.registry.tags_available() if tag != "prodserver"]
        if others:
            command.check(tags=others)
    for name in names:
        validation = validated_setting(production_processes(), only=name, starting=True)
        reports.append(validation.reports[name])
        with reporting(validation):
            try:
                command.check(tags=["prodserver"], display_num_errors=False)
            except SystemCheckError as error:
                failures.append(str(error).strip())
    if failures:
        raise SystemCheckError("\n\n".join(failures) + f"\n\nNothing started: {len(failures)} invalid process(es).")
    _report_shared_addresses(command, reports)
    return reports


def _report_shared_addresses(command: BaseCommand, reports: Sequence[ProcessReport]) -> None:
    """What these processes, started together, share (W047: a port, a socket path), as ``check`` says it.

    Each process was validated alone (``only=``), which judges no other process; together they may collide.
    """
    shared = shared_address_problems(reports)
    if shared:
        with reporting(Validation(tuple(shared), {})):
            command.check(tags=["prodserver"], display_num_errors=False)


def run_all(command: BaseCommand, processes: Mapping[str, object], names: Sequence[str], options: Any) -> None:
    from ..fleet.printer import Printer
    from ..fleet.runner import Child, Runner

    reports = validated_to_start(command, names, django_checks=not options["skip_checks"])
    launch = current()
    children = []
    for name, report in zip(names, reports, strict=True):
        planned = member(report, processes[name])
        children.append(Child(name, launch.argv(name, "--skip-checks"), planned.drain.signal, planned.stop_budget))
    printer = Printer(names, sys.stdout, colour=_colour(options))
    status = Runner(children, printer, _child_environment(options)).run()
    if status:
        sys.exit(status)


def _colour(options: Any) -> bool:
    if options.get("no_color"):
        return False
    return bool(options.get("force_color")) or (sys.stdout.isatty() and "NO_COLOR" not in os.environ)


def _child_environment(options: Any) -> dict[str, str]:
    environment = dict(os.environ)
    # Lines reach the runner as they are written, not when a buffer fills.
    environment["PYTHONUNBUFFERED"] = "1"
    if options.get("pythonpath"):
        # --settings is in DJANGO_SETTINGS_MODULE already (Django sets it); --pythonpath is not.
        paths = [options["pythonpath"], *filter(None, [environment.get("PYTHONPATH")])]
        environment["PYTHONPATH"] = os.pathsep.join(paths)
    return environment


def export(command: BaseCommand, processes: Mapping[str, object], names: Sequence[str], options: Any) -> None:
    from ..fleet.export import exporter

    fmt, output, image = options["export"], options["output"], options["image"]
    writer = exporter(fmt)
    if writer.needs_image and not image:
        raise CommandError(f"--export {fmt} needs --image IMAGE: the image that holds the project and its Python.")
    if writer.needs_directory and not output:
        raise CommandError(f"--export {fmt} needs --output DIR: it writes one <name>.service file per process.")
    reports = {name: validate_process(name, processes[name]) for name in names}
    _refuse_errors([problem for report in reports.values() for problem in report.errors])
    members = [member(reports[name], processes[name]) for name in names]
    files = writer.files(members, current(), image)
    _write(command, files, output, directory=writer.needs_directory)


def _refuse_errors(errors: Sequence[Problem]) -> None:
    """The exported processes' errors, as ``check`` shows them (judged as ``check`` does: an export is built
    where the files they name may not exist yet)."""
    if errors:
        shown = "\n".join(str(check_message(problem)) for problem in errors)
        raise SystemCheckError(f"System check identified some issues:\n\nERRORS:\n{shown}\n\nNothing exported.")


def _write(command: BaseCommand, files: Mapping[str, str], output: str | None, *, directory: bool) -> None:
    if output is None:
        command.stdout.write("".join(files.values()), ending="")
        return
    target = Path(output)
    try:
        if directory:
            target.mkdir(parents=True, exist_ok=True)
            for name, text in files.items():
                (target / name).write_text(text)
        else:
            target.write_text("".join(files.values()))
    except OSError as error:
        raise CommandError(f"Cannot write {output}: {error.strerror or error}.") from None


__all__ = ["FORMATS", "ExportError", "chosen", "export", "run_all"]
