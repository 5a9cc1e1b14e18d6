"""Thread counts the process cannot start: judged against what this machine runs (the kind lives on the
option's type, ``Threads`` in ``args/values.py``, so one rule serves every server with such an option).

Linux runs at most ``kernel.pid_max`` and ``kernel.threads-max`` tasks, and a user at most
``RLIMIT_NPROC``: a worker asked for more threads fails to start them (``RuntimeError: can't start
new thread``) and crashes, every worker alike.
"""

from __future__ import annotations

import resource
from pathlib import Path

from ..args.base import BackendArgs
from ..args.describe import item_type
from ..args.values import Threads
from ..problems import Problem, Severity

E073 = "prodserver.E073"


def machine_limit() -> tuple[int, str] | None:
    """The fewest tasks this machine lets one user run, and which limit says so; None if unknown."""
    limits = []
    for name in ("pid_max", "threads-max"):
        try:
            limits.append((int(Path(f"/proc/sys/kernel/{name}").read_text()), f"kernel.{name}"))
        except (OSError, ValueError):
            continue
    soft = resource.getrlimit(resource.RLIMIT_NPROC)[0]
    if soft != resource.RLIM_INFINITY:
        limits.append((soft, "the RLIMIT_NPROC of this user (ulimit -u)"))
    return min(limits) if limits else None


def thread_problems(args: BackendArgs) -> list[Problem]:
    """E073 when the workers' threads together exceed the machine's limit on tasks."""
    fields = [
        field
        for field, info in type(args).model_fields.items()
        if any(isinstance(m, Threads) for m in item_type(info)[1])
    ]
    limit = machine_limit() if fields else None
    if limit is None:
        return []
    workers = getattr(args, "workers", 1) or 1
    problems = []
    for field in fields:
        threads = getattr(args, field)
        if threads is not None and threads * workers > limit[0]:
            many = f", {threads * workers} threads in all with {workers} workers," if workers > 1 else ","
            problems.append(
                Problem(
                    E073,
                    Severity.ERROR,
                    ("ARGS", field),
                    f"is {threads}{many} more than this machine runs ({limit[1]} is {limit[0]}): the workers "
                    "would fail to start them.",
                    "Use fewer threads (a few per CPU serve Django best), or raise the limit.",
                )
            )
    return problems
