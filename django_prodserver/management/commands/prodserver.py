"""``manage.py prodserver [NAME]``: validate a process from PRODUCTION_PROCESSES, then run it."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ...backends.base import TypedServerBackend
from ...backends.granian import ServerStartError
from ...conf import production_processes
from ...validation import validate_process


class Command(BaseCommand):
    help = "Start a process declared in the PRODUCTION_PROCESSES setting."
    # Checks run in handle(), after the process is known, as runserver does.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("name", nargs="?", help="Process to start (default: the first one).")
        parser.add_argument("--list", action="store_true", help="List the configured processes.")
        parser.add_argument("--skip-checks", action="store_true", help="Skip Django's system checks.")

    def handle(self, *args: Any, **options: Any) -> None:
        processes = production_processes()
        if not isinstance(processes, dict) or not processes:
            raise CommandError("PRODUCTION_PROCESSES declares no process.")
        if options["list"]:
            for name in processes:
                self.stdout.write(name)
            return
        name = options["name"] or next(iter(processes))
        if name not in processes:
            raise CommandError(f"No process named {name!r} in PRODUCTION_PROCESSES.")
        if not options["skip_checks"]:
            self.check(display_num_errors=True)
        report = validate_process(name, processes[name], starting=True)
        if report.errors:
            raise CommandError("\n".join(p.message for p in report.errors))
        backend = report.backend
        assert backend is not None
        if isinstance(backend, TypedServerBackend):
            assert report.args is not None
            try:
                backend.serve(report.args)
            except ServerStartError as exc:
                raise CommandError(str(exc)) from None
        else:
            backend.start_server(*backend.prep_server_args())
