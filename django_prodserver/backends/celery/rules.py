"""Celery's own rules: values its parser refuses late, options it ignores together, production advice.

The shared rules (paths by role, options without the option they need, pool packages) read the
options' metadata; the app and its broker are judged in :mod:`.app`.
"""

from __future__ import annotations

from ...problems import Problem, Severity
from ...rules.text import shown
from .options import PREFORK_POOLS, CeleryBeatArgs, CeleryWorkerArgs, DaemonArgs

E124 = "prodserver.E124"
E125 = "prodserver.E125"
E140 = "prodserver.E140"
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


def daemon_problems(args: DaemonArgs) -> list[Problem]:
    return [E124_DETACH] if args.detach else []


def worker_problems(args: CeleryWorkerArgs) -> list[Problem]:
    return [
        *daemon_problems(args),
        *concurrency_problems(args),
        *time_limit_problems(args),
        *pool_problems(args),
        *queue_problems(args),
        *([W123_PURGE] if args.purge else []),
    ]


def queue_problems(args: CeleryWorkerArgs) -> list[Problem]:
    """Every queue of ``queues`` excluded too: Celery starts a worker that consumes nothing, silently."""
    if not args.queues or not set(args.queues) <= set(args.exclude_queues or []):
        return []
    return [
        Problem(
            E140,
            Severity.ERROR,
            ("ARGS", "exclude_queues"),
            f"excludes every queue of queues ({', '.join(map(repr, args.queues))}): the worker would consume "
            "nothing, and run no task.",
            "Remove those queues from exclude-queues, or from queues.",
        )
    ]


def beat_problems(args: CeleryBeatArgs) -> list[Problem]:
    return daemon_problems(args)


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
    if args.autoscale is not None and not _autoscale_valid(args.autoscale):
        problems.append(
            Problem(
                E125,
                Severity.ERROR,
                ("ARGS", "autoscale"),
                f"is {shown(args.autoscale)}; expected the maximum and minimum numbers of processes.",
                "Write 'max,min', e.g. '10,3'.",
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


def _autoscale_valid(text: str) -> bool:
    parts = [part.strip() for part in text.split(",")]
    return 1 <= len(parts) <= 2 and all(part.isdecimal() for part in parts)


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
