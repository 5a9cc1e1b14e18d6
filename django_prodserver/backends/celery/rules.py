"""Celery's own rules: values its parser refuses late, options it ignores together, production advice.

The shared rules (paths by role, options without the option they need, pool packages) read the
options' metadata; the app and its broker are judged in :mod:`.app`.
"""

from __future__ import annotations

import dbm
import os
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import get_args

from ...args.values import ClassPath
from ...problems import Problem, Severity
from ...rules.imports import class_fault
from ...rules.text import shown
from .options import PREFORK_POOLS, CeleryBeatArgs, CeleryWorkerArgs, DaemonArgs, Scheduler

PERSISTENT_SCHEDULER = next(item for item in get_args(Scheduler)[1:] if isinstance(item, ClassPath)).trusted
"""Celery's default scheduler, the one that keeps its schedule in the ``schedule`` file."""

E124 = "prodserver.E124"
E125 = "prodserver.E125"
E140 = "prodserver.E140"
E143 = "prodserver.E143"
E144 = "prodserver.E144"
W120 = "prodserver.W120"
W121 = "prodserver.W121"
W122 = "prodserver.W122"
W123 = "prodserver.W123"
W125 = "prodserver.W125"

E124_DETACH = Problem(
    E124,
    Severity.ERROR,
    ("ARGS", "detach"),
    "is True: Celery would fork into the background and prodserver would exit at once.",
    "Remove it; let your process manager (systemd, Docker...) keep prodserver in the foreground.",
)
W120_NO_CONCURRENCY = Problem(
    W120,
    Severity.WARNING,
    ("ARGS", "concurrency"),
    "is 0: Celery ignores it and starts worker_concurrency processes (one per CPU by default).",
    "Write the number of processes, or 'auto'.",
)
W123_PURGE = Problem(
    W123,
    Severity.WARNING,
    ("ARGS", "purge"),
    "is True: every start discards the tasks waiting in the queues, deploys and restarts included.",
    "Remove it; purge a queue once with 'celery purge'.",
    deploy=True,
)
# What prefork alone reads: other pools run no child processes to limit or start.
PREFORK_ONLY = ("max_tasks_per_child", "max_memory_per_child", "pool_start_method")
CUSTOM_POOL = "CELERY_CUSTOM_WORKER_POOL"
"""What ``pool: custom`` runs: celery.concurrency reads the pool class from this variable when imported."""
POOL_CLASS = ClassPath("celery.concurrency.base.BasePool", "Celery worker pool", colon=True)


def daemon_problems(args: DaemonArgs) -> list[Problem]:
    return [E124_DETACH] if args.detach else []


def worker_problems(
    args: CeleryWorkerArgs, app_queues: Collection[str] | None, environ: Mapping[str, str] = os.environ
) -> list[Problem]:
    """``app_queues``: what the app consumes when ``queues`` is not given (None: the app did not load)."""
    return [
        *daemon_problems(args),
        *concurrency_problems(args),
        *time_limit_problems(args),
        *pool_problems(args),
        *custom_pool_problems(args, environ),
        *queue_problems(args, app_queues),
        *schedule_problems(args.schedule_filename, "schedule_filename", args.pidfile, args.scheduler),
        *([W123_PURGE] if args.purge else []),
    ]


def queue_problems(args: CeleryWorkerArgs, app_queues: Collection[str] | None) -> list[Problem]:
    """Every queue the worker would consume excluded: Celery starts a worker that consumes nothing, silently.

    Without ``queues`` the worker consumes the app's (``task_queues``, or its ``task_default_queue``).
    """
    selected = args.queues or app_queues
    if not selected or not set(selected) <= set(args.exclude_queues or []):
        return []
    listed = ", ".join(map(repr, sorted(selected)))
    what = f"every queue of queues ({listed})" if args.queues else f"every queue the app consumes ({listed})"
    return [
        Problem(
            E140,
            Severity.ERROR,
            ("ARGS", "exclude_queues"),
            f"excludes {what}: the worker would consume nothing, and run no task.",
            "Remove those queues from exclude-queues, or from queues."
            if args.queues
            else "Remove them from exclude-queues, or name the queues to consume in queues.",
        )
    ]


def custom_pool_problems(args: CeleryWorkerArgs, environ: Mapping[str, str]) -> list[Problem]:
    """``pool: custom`` runs the class CELERY_CUSTOM_WORKER_POOL names; unset, Celery imports a module 'custom'."""
    if args.pool != "custom":
        return []
    dotted = environ.get(CUSTOM_POOL, "").strip()
    hint = (
        f"Set the environment variable {CUSTOM_POOL} to your pool class, 'package.module:Class' "
        f"(a subclass of {POOL_CLASS.base}), or choose another pool."
    )
    if not dotted:
        message = f"is 'custom', but {CUSTOM_POOL}, the variable that names the pool class, is not set"
    elif (fault := class_fault(dotted, POOL_CLASS)) is not None:
        message = f"is 'custom', and {CUSTOM_POOL} is {shown(dotted)}, {fault}"
    else:
        return []
    return [Problem(E144, Severity.ERROR, ("ARGS", "pool"), f"{message}: the worker would fail to start.", hint)]


def beat_problems(args: CeleryBeatArgs) -> list[Problem]:
    return [*daemon_problems(args), *schedule_problems(args.schedule, "schedule", args.pidfile, args.scheduler)]


def schedule_problems(
    schedule: Path | None, field: str, pidfile: Path | None, scheduler: Scheduler | None
) -> list[Problem]:
    """The schedule file of Celery's PersistentScheduler: a shelve (dbm) database Celery opens, or creates.

    An existing file of another kind is not refused by Celery: it logs a traceback, deletes the file and
    starts a new schedule.  The pidfile on the same path is such a file (written first, then deleted).
    """
    if schedule is None or (scheduler is not None and scheduler not in PERSISTENT_SCHEDULER):
        return []
    if pidfile is not None and Path(os.path.abspath(pidfile)) == Path(os.path.abspath(schedule)):
        message = f"is {shown(str(schedule))}, the pidfile's path too: Celery would delete the pidfile"
        hint = "Give the schedule and the pidfile different paths."
    elif os.path.isfile(schedule) and _not_a_database(schedule):
        message = f"is {shown(str(schedule))}, a file that is not a schedule database: Celery would delete it"
        hint = "Name a path of its own (Celery creates the database there), or remove that file."
    else:
        return []
    return [Problem(E143, Severity.ERROR, ("ARGS", field), f"{message} and print a traceback at start.", hint)]


def _not_a_database(path: Path) -> bool:
    """Whether Python's dbm (which shelve opens) cannot tell the file's format: Celery then deletes it."""
    try:
        return dbm.whichdb(str(path)) == ""
    except OSError:
        return False


def concurrency_problems(args: CeleryWorkerArgs) -> list[Problem]:
    problems = []
    if args.concurrency is not None and args.concurrency != "auto" and not args.concurrency.isdecimal():
        problems.append(
            Problem(
                E125,
                Severity.ERROR,
                ("ARGS", "concurrency"),
                f"is {shown(args.concurrency)}; expected a number of processes or 'auto'.",
                "Write a whole number, e.g. 4, or 'auto'.",
            )
        )
    elif args.concurrency is not None and args.concurrency.isdecimal() and int(args.concurrency) == 0:
        problems.append(W120_NO_CONCURRENCY)
    if args.autoscale is not None and (fault := _autoscale_fault(args.autoscale)) is not None:
        problems.append(
            Problem(
                E125,
                Severity.ERROR,
                ("ARGS", "autoscale"),
                f"is {shown(args.autoscale)}; {fault}.",
                "Write 'max,min' with a maximum of at least 1, e.g. '10,3'.",
            )
        )
    elif args.autoscale is not None and args.concurrency is not None:
        problems.append(
            Problem(
                W125,
                Severity.WARNING,
                ("ARGS", "concurrency"),
                "is ignored with autoscale: the pool grows and shrinks between autoscale's bounds.",
                "Remove concurrency, or autoscale.",
            )
        )
    return problems


def _autoscale_fault(text: str) -> str | None:
    """How ``autoscale`` fails, or None. Celery reads 'max,min' (or 'max', min 0) and sorts the two numbers:
    the larger is the maximum, so either order works; a maximum of 0 starts no process, and runs no task."""
    parts = [part.strip() for part in text.split(",")]
    if not 1 <= len(parts) <= 2 or not all(part.isdecimal() for part in parts):
        return "expected the maximum and minimum numbers of processes"
    if max(map(int, parts)) == 0:
        return "a pool of at most 0 processes runs no task, and the worker would not stop on SIGTERM"
    return None


def time_limit_problems(args: CeleryWorkerArgs) -> list[Problem]:
    if args.soft_time_limit is None or args.time_limit is None or args.soft_time_limit < args.time_limit:
        return []
    return [
        Problem(
            W121,
            Severity.WARNING,
            ("ARGS", "soft_time_limit"),
            f"is {args.soft_time_limit:g}, not below time-limit ({args.time_limit:g}): "
            "a task is killed before it is warned.",
            "Make soft-time-limit shorter than time-limit.",
        )
    ]


def pool_problems(args: CeleryWorkerArgs) -> list[Problem]:
    if args.pool is None or args.pool in PREFORK_POOLS:
        return []
    return [
        Problem(
            W122,
            Severity.WARNING,
            ("ARGS", field),
            f"is ignored by the {args.pool} pool: only prefork runs child processes.",
            "Remove it, or use the prefork pool.",
        )
        for field in PREFORK_ONLY
        if getattr(args, field) is not None
    ]
