"""The django-q2 cluster: ``manage.py qcluster``, configured by ``settings.Q_CLUSTER``.

Importing this module reads no setting and does not import django_q (its ``conf`` module reads
Q_CLUSTER and warns at import).
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.conf import settings

from ...args.base import Package
from ...problems import Problem
from ..base import ServerStartError, TypedWorker
from ..drain import INT, TERM, Drain
from .options import DjangoQ2Args
from .rendering import COMMAND, command_line
from .rules import APP, q2_problems


def project_settings() -> dict[str, Any]:
    """What the cluster reads of the project: Q_CLUSTER, whether django_q is installed, the databases."""
    return {
        "q_cluster": getattr(settings, "Q_CLUSTER", None),
        "app_installed": apps.is_installed(APP),
        "databases": list(settings.DATABASES),
    }


class DjangoQ2Worker(TypedWorker[DjangoQ2Args]):
    """Run a django-q2 cluster; SIGTERM stops it once its workers finish their tasks."""

    args_model = DjangoQ2Args
    program = "python"
    requires = Package("django_q", "django-prodserver[django-q2]")

    def rules(self, args: DjangoQ2Args, *, starting: bool) -> list[Problem]:
        settings_of_project = project_settings()
        return q2_problems(settings_of_project.pop("q_cluster"), **settings_of_project)

    def command_line(self, args: DjangoQ2Args, *, reveal_secrets: bool = False) -> list[str]:
        return command_line(args, reveal_secrets=reveal_secrets)

    def drain(self, args: DjangoQ2Args) -> Drain:
        # The cluster stops on SIGTERM or SIGINT once its workers finish their tasks (Q_CLUSTER's timeout
        # bounds each task, but it is the project's setting, not these ARGS).
        return Drain((TERM, INT), None)

    def run(self, args: DjangoQ2Args) -> None:
        from django.core.management import CommandError, call_command

        try:
            with stop_signals_held():
                call_command(COMMAND, *self.command_line(args, reveal_secrets=True)[3:])
        except CommandError as error:
            raise ServerStartError(f"qcluster refused to start: {error}") from None
        except RuntimeError as error:
            # Cluster.start: "Q Cluster <name> failed to start: sentinel exited with code 1".
            raise ServerStartError(f"qcluster could not start: {error}") from None


STOP_SIGNALS = frozenset({signal.SIGTERM, signal.SIGINT})
_children_release: list[bool] = []


@contextlib.contextmanager
def stop_signals_held() -> Iterator[None]:
    """Hold SIGTERM and SIGINT while the cluster starts; deliver them once ``qcluster`` has started it.

    django-q2 stops the cluster inside its signal handler (``Cluster.stop``: set the stop event, join the
    sentinel).  A signal that lands while ``Cluster.start`` forks the sentinel finds no process to stop
    (``is_alive()`` is False before the fork returns) and is lost: the process then waits for a sentinel
    nobody stopped, for ever.  One that lands while ``start`` polls ``start_event`` (holding the event's
    lock, shared with the sentinel) deadlocks: the sentinel waits for the lock, the handler for the sentinel.
    Held, the signal runs the same handler once the cluster runs, at a point where stopping it works.
    The processes forked meanwhile (the sentinel, which forks the workers) start with the signals unblocked.
    The mask is this thread's: the command's process runs no other thread that could take the signal.
    """
    if not _children_release:
        os.register_at_fork(after_in_child=_release)
        _children_release.append(True)
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        _release()


def _release() -> None:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
