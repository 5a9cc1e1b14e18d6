"""ARGS of the django-tasks worker: one field per option of django-tasks-db's ``db_worker`` command.

Every option defaults to ``db_worker``'s own value and is passed only when set;
``tests/unit/workers/test_django_tasks_drift.py`` pins the names against its argparse parser.
Django's own command options (``--verbosity``, ``--settings``...) are ``prodserver``'s.
"""

from __future__ import annotations

from ...args.base import BackendArgs, option
from ...args.values import SLEEP_MAX_SECONDS, CommaList, Int

"""An option with no ``--no-`` form: False is db_worker's default and is not passed."""


class DjangoTasksArgs(BackendArgs):
    """``manage.py db_worker``."""

    queue_name: CommaList | None = option(
        None, "Queues to process; '*' for every queue (db_worker: default)", cli="queue-name", group="queues"
    )
    exclude_queues: CommaList | None = option(
        None, "Queues not to process (with queue-name '*')", cli="exclude-queues", group="queues"
    )
    interval: float | None = option(
        None,
        "Seconds to wait before looking for tasks again when there are none (db_worker: 1)",
        cli="interval",
        group="workers",
        ge=0,
        # db_worker time.sleep()s it between polls: a longer interval is a traceback once the queue is empty.
        le=SLEEP_MAX_SECONDS,
        allow_inf_nan=False,
    )
    batch: bool = option(False, "Run every waiting task, then exit", cli="batch", group="workers", bools="on-only")
    reload: bool | None = option(
        None, "Restart when the code changes (db_worker: DEBUG)", cli="reload", group="workers"
    )
    backend: str | None = option(
        None, "Alias of the database backend in TASKS (db_worker: default)", cli="backend", group="workers"
    )
    no_startup_delay: bool = option(
        False,
        "Start at once, without a random delay of up to a second",
        cli="no-startup-delay",
        group="workers",
        bools="on-only",
    )
    max_tasks: Int | None = option(
        None, "Tasks to run before exiting (db_worker: no limit)", cli="max-tasks", group="workers", ge=1
    )
    worker_id: str | None = option(
        None, "Worker id, unique among the workers (db_worker: random)", cli="worker-id", group="workers"
    )
