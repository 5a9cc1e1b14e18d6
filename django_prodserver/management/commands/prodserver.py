"""``manage.py prodserver [NAME]``: validate a process of PRODUCTION_PROCESSES, then run it.

Thin on purpose: the options come from the process's ARGS model (:mod:`...overrides`), the
command validates the process once (:mod:`...validation`) and runs Django's checks reporting that
validation (:func:`...checks.reporting`), and what is printed is :mod:`..output`'s.  Every backend
is loaded by :func:`...backends.loading.load_backend` (a 3.x one behind the typed interface).
Precedence: model default < settings < command line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...args.base import BackendArgs
from ...backends.base import ServerStartError, TypedBackend
from ...backends.loading import load_backend
from ...checks import reporting
from ...conf import SETTING, production_processes
from ...overrides import (
    add_override_options,
    collected_overrides,
    first_positional,
    flags_without_value,
    suggest_options,
)
from ...validation import ProcessReport, shared_address_problems, validate_process, validated_setting
from ..fleet import FORMATS, ExportError, chosen, export, run_all
from ..output import dry_run, dry_run_of, process_list, summarize

_USAGE = (
    "%(prog)s [NAME] [--list | --dry-run] [--format {text,json}] [--skip-checks] [ARGS options]\n"
    "       %(prog)s [NAME ...] [--all] [--skip-checks]\n"
    "       %(prog)s [NAME ...] --export FORMAT [--output PATH] [--image IMAGE]"
)


class Command(BaseCommand):
    help = "Run a process declared in the PRODUCTION_PROCESSES setting (the first one by default)."
    # The checks run in handle(), once the process and its overrides are known.
    requires_system_checks: list[str] = []
    _argv: list[str] = []
    kind: str | None = None
    """Only processes of this kind ("server", "worker") run: django-prodserver 3.x's server and worker commands."""

    def run_from_argv(self, argv: list[str]) -> None:
        # create_parser() must know the process before parsing: its ARGS model defines the options.
        self._argv = argv[2:]
        try:
            super().run_from_argv(argv)
        except KeyboardInterrupt:
            # Ctrl-C before the server took over the signals: while Django loads or checks run.
            self.stderr.write("Interrupted.")
            sys.exit(130)

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        # No abbreviations: --blocking-threads must not silently mean --blocking-threads-idle-timeout.
        parser = super().create_parser(prog_name, subcommand, usage=_USAGE, allow_abbrev=False, **kwargs)
        suggest_options(parser)
        processes = production_processes()
        if not isinstance(processes, Mapping) or not processes:
            return parser
        if not self._argv:
            # call_command() builds the parser before it hands over its arguments: accept every
            # process's options; validation then judges them against the process that runs.
            for name, config in processes.items():
                if (model := _args_model(config)) is not None:
                    add_override_options(parser, model, str(name))
            return parser
        named = first_positional(self._argv, flags_without_value(parser))
        # An unknown name gets the default's options, so that handle() can say it is unknown.
        name = named if named is not None and named in processes else next(iter(processes))
        model = _args_model(processes[name])
        if model is not None:
            add_override_options(parser, model, name)
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", nargs="?", metavar="NAME", help="Process to run (default: the first declared).")
        parser.add_argument(
            "more", nargs="*", metavar="NAME", help="More processes: run them together, each its own child."
        )
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--all", action="store_true", help="Run every process together, each its own child, output prefixed."
        )
        mode.add_argument(
            "--export", choices=FORMATS, metavar="FORMAT", help=f"Write the processes for {', '.join(FORMATS)}."
        )
        parser.add_argument("--output", metavar="PATH", help="Where --export writes (a directory for systemd).")
        parser.add_argument("--image", metavar="IMAGE", help="The container image of --export compose and kubernetes.")
        mode.add_argument(
            "--list", action="store_true", help="List the processes, their address and whether they are valid."
        )
        mode.add_argument(
            "--dry-run",
            action="store_true",
            help="Validate, print the effective configuration and the equivalent command line; do not serve.",
        )
        parser.add_argument(
            "--format", choices=("text", "json"), default="text", help="Output of --list and --dry-run."
        )
        parser.add_argument(
            "--skip-checks", action="store_true", help="Skip Django's system checks (the process is still validated)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        processes = _declared_processes()
        if options["all"] or options["more"] or options["export"]:
            self._fleet(processes, options)
            return
        if options["output"] or options["image"]:
            raise CommandError("--output and --image go with --export.")
        if options["list"]:
            reports = [validate_process(name, config) for name, config in processes.items()]
            shared = shared_address_problems(reports)
            summaries = [
                summarize(
                    report, processes[report.name], [problem for problem in shared if problem.path[0] == report.name]
                )
                for report in reports
            ]
            self.stdout.write(process_list(summaries, options["format"]))
            return
        # Only a missing NAME means the first process: `prodserver ""` names no process.
        name = self._first(processes) if options["name"] is None else options["name"]
        if name not in processes:
            declared = ", ".join(repr(key) for key in processes)
            raise CommandError(f"No process named {name!r} in {SETTING}; declared: {declared}.")
        self._refuse_other_kind(name, processes[name])
        overrides = collected_overrides(options)
        report = self._check(name, overrides, django_checks=not options["skip_checks"], quiet=options["dry_run"])
        _refuse_invalid(report)
        if options["dry_run"]:
            # --settings sets this variable too (Django's handle_default_options).
            shown = dry_run_of(report, processes[name], os.environ.get("DJANGO_SETTINGS_MODULE"))
            self.stdout.write(dry_run(shown, options["format"], every_option=options["verbosity"] >= 2))
        else:
            _run(report)

    def _check(self, name: str, overrides: Mapping[str, Any], *, django_checks: bool, quiet: bool) -> ProcessReport:
        """Validate the process as it starts (with its overrides), then run the system checks reporting that.

        The process's own check runs always (``--skip-checks`` skips the others), so that its messages are
        shown, and silenced, as ``check`` shows them.  Returns the process's report: validated once per start.
        """
        validation = validated_setting(production_processes(), only=name, overrides=overrides, starting=True)
        with reporting(validation):
            if django_checks:
                # --dry-run keeps stdout for its output (warnings still go to stderr).
                self.check(display_num_errors=not quiet)
            else:
                self.check(tags=["prodserver"])
        return validation.reports[name]

    def _fleet(self, processes: Mapping[str, object], options: dict[str, Any]) -> None:
        """Several processes: run them together (``--all``, several names) or export them (``--export``)."""
        names = [name for name in [options["name"], *options["more"]] if name is not None]
        if options["all"] and names:
            raise CommandError("--all runs every process: name none, or name the ones to run without --all.")
        if collected_overrides(options):
            raise CommandError("ARGS options change one process: give them with a single NAME, or in settings.")
        if (options["output"] or options["image"]) and not options["export"]:
            raise CommandError("--output and --image go with --export.")
        selected = chosen(processes, names)
        if not names and self.kind is not None:
            # `manage.py worker --all` (3.x's command for workers): every worker.
            selected = [name for name in selected if _kind(processes[name]) in (None, self.kind)]
        for name in selected:
            self._refuse_other_kind(name, processes[name])
        if options["export"]:
            try:
                export(self, processes, selected, options)
            except ExportError as error:
                raise CommandError(str(error)) from None
        else:
            run_all(self, processes, selected, options)

    def _first(self, processes: Mapping[str, object]) -> str:
        """The first process (of this command's kind, if it has one)."""
        first = next((name for name, config in processes.items() if self.kind in (None, _kind(config))), None)
        if first is None:
            raise CommandError(f"No {self.kind} process in {SETTING}; declared: {', '.join(map(repr, processes))}.")
        return first

    def _refuse_other_kind(self, name: str, config: object) -> None:
        kind = _kind(config)
        if self.kind is not None and kind is not None and kind != self.kind:
            raise CommandError(
                f"Process {name!r} is a {kind}, not a {self.kind}: run it with `manage.py {kind} {name}`."
            )


def _backend_class(config: object) -> type[TypedBackend[Any]] | None:
    """The class of a process's backend; None when it cannot be loaded (the check says why)."""
    path = config.get("BACKEND") if isinstance(config, Mapping) else None
    backend = load_backend(path) if isinstance(path, str) else None
    return backend if isinstance(backend, type) else None


def _kind(config: object) -> str | None:
    """The kind of a process's backend (server or worker), or None if unknown (the check reports broken ones)."""
    backend = _backend_class(config)
    return None if backend is None else backend.kind


def _declared_processes() -> Mapping[str, object]:
    processes = production_processes()
    if not isinstance(processes, Mapping):
        raise CommandError(f"{SETTING} must be a dict of process names to process settings.")
    if not processes:
        raise CommandError(f"{SETTING} is missing or empty: declare at least one process.")
    return processes


def _args_model(config: object) -> type[BackendArgs] | None:
    """The ARGS model of a process's backend (a 3.x one's has no option); None if broken (the check says why)."""
    backend = _backend_class(config)
    return None if backend is None else backend.args_model


def _close_connections() -> None:
    """Close what the checks and validation opened (database connections, cache clients' sockets).

    A worker forks its pool from this process (django-q2 its sentinel, with no close before): a child
    that inherits an open connection shares its socket with the parent, and closing it there ends the
    parent's.  A server ``exec``s, and starts with none.  Each reconnects when it needs to.
    """
    from django.core.cache import caches
    from django.db import connections

    connections.close_all()
    caches.close_all()


def _refuse_invalid(report: ProcessReport) -> None:
    """Stop if the check's errors were silenced (SILENCED_SYSTEM_CHECKS) but nothing can be run."""
    if report.backend is None or report.args is None:
        reasons = " ".join(problem.message for problem in report.errors)
        raise CommandError(f"Process {report.name!r} cannot run: {reasons}")


def _run(report: ProcessReport) -> None:
    _close_connections()
    assert report.backend is not None
    assert report.args is not None
    try:
        report.backend.run(report.args)
    except ServerStartError as exc:
        raise CommandError(str(exc)) from None
