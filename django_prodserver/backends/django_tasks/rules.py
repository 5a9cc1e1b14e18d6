"""What ``db_worker`` refuses at start, or ignores, that the model's types cannot say.

The settings it depends on (TASKS, INSTALLED_APPS, DEBUG) are given by the backend, so these
functions stay pure.
"""

from __future__ import annotations

from typing import Any

from ...problems import Problem, Severity
from ...rules.text import shown
from .options import DjangoTasksArgs

E127 = "prodserver.E127"
E128 = "prodserver.E128"
E129 = "prodserver.E129"
E130 = "prodserver.E130"
E141 = "prodserver.E141"
W126 = "prodserver.W126"
W127 = "prodserver.W127"

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"
APP = "django_tasks_db"
MAX_WORKER_ID = 64
"""db_worker refuses longer ids (they are stored in a 64-character column)."""

E128_NOT_INSTALLED = Problem(
    E128,
    Severity.ERROR,
    ("BACKEND",),
    f"runs db_worker, but {APP!r} is not in INSTALLED_APPS: its tasks table does not exist.",
    f"Add {APP!r} to INSTALLED_APPS and run migrate.",
)
E129_EXCLUDE_WITHOUT_ALL = Problem(
    E129,
    Severity.ERROR,
    ("ARGS", "exclude_queues"),
    "is set without queue-name '*': db_worker refuses to start.",
    "Set queue-name to '*', or list the queues to process in queue-name.",
)
W126_RELOAD_IN_BATCH = Problem(
    W126,
    Severity.WARNING,
    ("ARGS", "reload"),
    "is True with batch: db_worker turns reloading off.",
    "Remove reload.",
)


def tasks_problems(args: DjangoTasksArgs, *, tasks: Any, app_installed: bool, debug: bool) -> list[Problem]:
    return [
        *([] if app_installed else [E128_NOT_INSTALLED]),
        *backend_problems(args, tasks),
        *queue_problems(args),
        *selection_problems(args, tasks),
        *reload_problems(args, debug),
        *worker_id_problems(args),
    ]


def backend_problems(args: DjangoTasksArgs, tasks: Any) -> list[Problem]:
    """The TASKS alias the worker runs must be a database backend: db_worker runs no other."""
    alias = args.backend or "default"
    configured = tasks.get(alias) if isinstance(tasks, dict) else None
    path: tuple[str, ...] = ("ARGS", "backend") if args.backend else ("BACKEND",)
    lead = f"is {alias!r}," if args.backend else "runs db_worker on the TASKS alias 'default',"
    hint = f"Add TASKS = {{{alias!r}: {{'BACKEND': {DATABASE_BACKEND!r}}}}} to the settings."
    if configured is None:
        return [Problem(E127, Severity.ERROR, path, f"{lead} which TASKS does not declare.", hint)]
    backend = configured.get("BACKEND") if isinstance(configured, dict) else None
    if backend != DATABASE_BACKEND:
        message = f"{lead} whose BACKEND is {shown(backend)}, not the database backend db_worker runs."
        return [Problem(E127, Severity.ERROR, path, message, hint)]
    return []


def queue_problems(args: DjangoTasksArgs) -> list[Problem]:
    if args.exclude_queues and "*" not in (args.queue_name or []):
        return [E129_EXCLUDE_WITHOUT_ALL]
    return []


def selection_problems(args: DjangoTasksArgs, tasks: Any) -> list[Problem]:
    """Queues that no task can be on: the backend's QUEUES refuses to enqueue a task on any other."""
    configured = tasks.get(args.backend or "default") if isinstance(tasks, dict) else None
    if not isinstance(configured, dict):
        return []
    # django-tasks' own default (BaseTaskBackend: QUEUES defaults to ['default']; empty allows any).
    declared = set(configured.get("QUEUES", ["default"]))
    names = args.queue_name or ["default"]
    if not declared or (set(names) & declared and "*" not in names):
        return []
    if "*" in names:
        if not declared <= set(args.exclude_queues or []):
            return []
        message = f"excludes every queue of the backend's QUEUES ({_names(declared)}): this worker never runs a task."
        return [Problem(E141, Severity.ERROR, ("ARGS", "exclude_queues"), message, "Exclude fewer queues.")]
    # Without queue-name, db_worker processes 'default': said so, not as if the user had named it.
    path, lead = (
        (("ARGS", "queue_name"), "names") if args.queue_name else (("BACKEND",), "processes db_worker's default queue")
    )
    return [
        Problem(
            E141,
            Severity.ERROR,
            path,
            f"{lead} {_names(set(names))}, which the backend's QUEUES ({_names(declared)}) does not hold: "
            "no task can be enqueued there, so this worker never runs one.",
            "Set queue-name to queues of QUEUES, or add them to QUEUES in TASKS.",
        )
    ]


def _names(queues: set[str]) -> str:
    return ", ".join(repr(name) for name in sorted(queues))


def reload_problems(args: DjangoTasksArgs, debug: bool) -> list[Problem]:
    reloading = args.reload if args.reload is not None else debug
    if args.batch and args.reload:
        return [W126_RELOAD_IN_BATCH]
    if not reloading or args.batch:
        return []
    why = "is True" if args.reload else "is not set and DEBUG is True"
    return [
        Problem(
            W127,
            Severity.WARNING,
            ("ARGS", "reload"),
            f"{why}: db_worker restarts on every code change, cutting the running task short.",
            "Set reload to False in production.",
            deploy=True,
        )
    ]


def worker_id_problems(args: DjangoTasksArgs) -> list[Problem]:
    if args.worker_id is None or 0 < len(args.worker_id) <= MAX_WORKER_ID:
        return []
    return [
        Problem(
            E130,
            Severity.ERROR,
            ("ARGS", "worker_id"),
            f"is {len(args.worker_id)} characters long; expected 1 to {MAX_WORKER_ID}.",
            "Use a shorter id, unique among the workers (or leave it out for a random one).",
        )
    ]
