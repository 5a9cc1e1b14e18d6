"""Celery backends: a worker, beat, and Flower, each running the Celery app named by ``APP``.

Importing this module reads no setting and does not import celery (the check imports it on
every management command).  ``run()`` hands the rendered argv to the app's own click command,
as ``celery -A <APP> worker ...`` would, and passes Celery's exit code on.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import ClassVar, NoReturn, TypeVar

from ...args.base import Package
from ...problems import Problem
from ..base import ServerStartError, TypedBackend, TypedServer, TypedWorker
from ..drain import INT, TERM, Drain
from ..listening import Listener
from .app import app_path, app_problems, consumed_queues, load_app
from .flower_options import FlowerArgs
from .flower_rules import flower_problems
from .options import CeleryArgs, CeleryBeatArgs, CeleryWorkerArgs
from .rendering import command_line
from .rules import beat_problems, worker_problems

ArgsT = TypeVar("ArgsT", bound=CeleryArgs)


class CeleryProcess(TypedBackend[ArgsT]):
    """Common part of the Celery backends: the app, the command line, the start."""

    program = "celery"
    requires = Package("celery", "django-prodserver[celery]")
    process_keys = ("APP",)
    subcommand: ClassVar[str]

    def target(self) -> str | None:
        return app_path(self.config)

    def target_problems(self, args: ArgsT | None) -> list[Problem]:
        broker = args.broker.get_secret_value() if args is not None and args.broker is not None else None
        return app_problems(self.config, broker)

    def command_line(self, args: ArgsT, *, reveal_secrets: bool = False) -> list[str]:
        return command_line(self.target() or "", self.subcommand, args, reveal_secrets=reveal_secrets)

    def drain(self, args: ArgsT) -> Drain:
        # beat and Flower hold no work: they exit at once on SIGTERM or SIGINT.
        return Drain((TERM, INT), 0)

    def run(self, args: ArgsT) -> None:
        from click import ClickException

        dotted = self.target()
        if dotted is None:
            raise ServerStartError("The process has no 'APP': name your Celery app's dotted path.")
        # Celery's Django fix-up would run the system checks again as the worker starts: prodserver has
        # just run them (or was told to skip them, --skip-checks), and they import the project and the models.
        os.environ.setdefault("CELERY_SKIP_CHECKS", "1")
        try:
            app = load_app(dotted)
        except ImportError as error:
            raise ServerStartError(f"Cannot import the Celery app {dotted!r}: {error}.") from None
        try:
            code = app.start(argv=self.command_line(args, reveal_secrets=True)[1:])
        except ClickException as error:
            raise ServerStartError(f"Celery refused to start: {error.format_message()}") from None
        except ImportError as error:
            # What the options name (a pool, a scheduler, a loader), imported as the worker starts.
            raise ServerStartError(f"Celery could not import what its options name: {error}.") from None
        if code:
            # A worker that failed (or was stopped by a second signal) exits non-zero: so do we.
            sys.exit(code)


class CeleryWorker(CeleryProcess[CeleryWorkerArgs], TypedWorker[CeleryWorkerArgs]):
    """``celery -A <APP> worker``: consume and run tasks; SIGTERM finishes the running ones first."""

    args_model = CeleryWorkerArgs
    subcommand = "worker"

    def drain(self, args: CeleryWorkerArgs) -> Drain:
        # Warm shutdown on SIGTERM or SIGINT: running tasks finish, each bounded only by its time limit.
        return Drain((TERM, INT), args.time_limit, "time-limit")

    def rules(self, args: CeleryWorkerArgs, *, starting: bool) -> list[Problem]:
        return worker_problems(args, None if args.queues else consumed_queues(self.config))

    def health_command(self, args: CeleryWorkerArgs) -> str | None:
        """``celery inspect ping`` for this worker's node: it answers while it consumes.

        None when the node name needs Celery's %d (the domain, unknown to a shell), or when the broker is
        in ARGS: the probe would have to carry that secret.
        """
        node = args.hostname or "celery@%h"
        if args.broker is not None or "%d" in node or self.target() is None:
            return None
        # Celery expands %h to the host name and %n to its first label, as the shell does here.
        node = node.replace("%h", "${HOSTNAME}").replace("%n", "${HOSTNAME%%.*}")
        return f"python -m celery -A {self.target()} inspect ping --destination {node} --timeout 10"


class CeleryBeat(CeleryProcess[CeleryBeatArgs], TypedWorker[CeleryBeatArgs]):
    """``celery -A <APP> beat``: send the periodic tasks of the app's schedule."""

    args_model = CeleryBeatArgs
    subcommand = "beat"

    def rules(self, args: CeleryBeatArgs, *, starting: bool) -> list[Problem]:
        return beat_problems(args)


class CeleryFlower(CeleryProcess[FlowerArgs], TypedServer[FlowerArgs]):
    """``celery -A <APP> flower``: Flower's web dashboard of the app's workers and tasks."""

    args_model = FlowerArgs
    subcommand = "flower"
    requires = Package("flower", "django-prodserver[flower]")

    def rules(self, args: FlowerArgs, *, starting: bool) -> list[Problem]:
        return flower_problems(args)

    def listeners(self, args: FlowerArgs) -> tuple[Listener, ...]:
        if args.unix_socket is not None:
            return (Listener.unix("unix_socket", str(args.unix_socket.absolute())),)
        # Flower's default address, '', binds every interface (IPv4 and IPv6).
        return (Listener.tcp("port", args.address or "0.0.0.0", args.port),)

    def run(self, args: FlowerArgs) -> None:
        from tornado.options import Error as OptionsError

        try:
            super().run(args)
        except (OptionsError, ValueError) as error:
            # Options of flowerconfig.py (or conf) or FLOWER_* variables that tornado cannot read.
            raise ServerStartError(f"Flower could not start: {error}.") from None
        except OSError as error:
            # tornado's bind: a taken port, a missing interface, a socket path it cannot create.
            raise ServerStartError(
                f"Flower cannot listen on {self.listeners(args)[0].address}: {error.strerror or error}."
            ) from None
        _exit_without_waiting_for_inspections()


def _exit_without_waiting_for_inspections() -> NoReturn:
    """End the process once Flower's loop has stopped (SIGTERM, SIGINT), as Flower means to.

    Flower runs its inspect commands in the event loop's default executor, and its own stop shuts its
    executors down without waiting; but Python joins every executor thread at exit, so a SIGTERM waited
    for each inspect in flight, up to inspect-timeout (1e18 ms: for ever).  Their replies have no reader.
    """
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


__all__ = ["CeleryBeat", "CeleryFlower", "CeleryProcess", "CeleryWorker"]
