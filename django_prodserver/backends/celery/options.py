"""ARGS of the Celery backends: one field per option of Celery 5's click commands (Flower's are in ``flower_options``).

Celery's global options (``celery --broker ... worker``) are shared by every model and marked
declared with ``tool_spec=GLOBAL``: they go before the subcommand.  Every option defaults to Celery's
own value and is passed only when set, so the app's configuration (``worker_concurrency``,
``broker_url``...) keeps applying; ``tests/unit/workers/test_celery_drift.py`` pins names and
choices against Celery's click commands.  ``-A/--app`` is the process's top-level ``APP`` key,
as in django-prodserver 3.x.  ``--no-color`` and ``--skip-checks`` are left to Celery's defaults:
``prodserver`` has options of those names (Django's colours, and the checks it runs itself).

Nothing here imports celery: the check imports this module on every management command.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import SecretStr

from ...args.base import BackendArgs, Package, ToolSpec, option
from ...args.values import (
    Account,
    AnyPath,
    Choice,
    ClassPath,
    CommaList,
    Int,
    ModuleList,
    NumberOrText,
    PercentKeys,
    Since,
)


@dataclass(frozen=True)
class GlobalOption(ToolSpec):
    """An option of the ``celery`` command itself, written before the subcommand (read by ``rendering``)."""


GLOBAL = GlobalOption()

LogLevel = Literal["debug", "info", "warning", "error", "critical", "fatal"]
Pool = Literal["prefork", "eventlet", "gevent", "solo", "processes", "threads", "custom"]
PREFORK_POOLS = ("prefork", "processes")
"""The pools that run tasks in child processes (``processes`` is prefork's other name)."""


Scheduler = Annotated[
    str,
    ClassPath(
        "celery.beat.Scheduler",
        "Celery beat scheduler",
        colon=True,
        trusted=frozenset({"celery.beat:PersistentScheduler", "celery.beat.PersistentScheduler"}),
    ),
]
"""``module:Class`` or ``module.Class``, as Celery's ``symbol_by_name`` reads it (``rules/imports.py``)."""

HOST_KEYS = PercentKeys("hndiI", "Celery")
"""What celery.utils.nodenames.host_format expands in a worker's node name."""
NODE_KEYS = PercentKeys("hndiIp", "Celery")
"""node_format: the same, and %p (the full node name), in the worker's files."""

CeleryText = NumberOrText
"""``concurrency`` (a count or 'auto') and ``autoscale`` ('max,min'): judged by the rules (E125)."""


class CeleryArgs(BackendArgs):
    """Celery's global options, before the subcommand."""

    broker: SecretStr | None = option(
        None, "Broker URL (default: the app's broker_url)", cli="broker", group="celery", secret=True, tool_spec=GLOBAL
    )
    result_backend: SecretStr | None = option(
        None,
        "Result backend URL (default: the app's result_backend)",
        cli="result-backend",
        group="celery",
        secret=True,
        tool_spec=GLOBAL,
    )
    loader: str | None = option(None, "Celery loader class", cli="loader", group="celery", tool_spec=GLOBAL)
    config: str | None = option(None, "Configuration module", cli="config", group="celery", tool_spec=GLOBAL)
    workdir: AnyPath | None = option(
        None,
        "Directory to change to before the app loads",
        cli="workdir",
        group="celery",
        path="directory",
        tool_spec=GLOBAL,
    )
    quiet: bool = option(False, "No banner at startup", cli="quiet", group="logging", tool_spec=GLOBAL, bools="on-only")


class DaemonArgs(CeleryArgs):
    """Options of the worker and beat commands alike."""

    detach: bool = option(
        False,
        "Run in the background (refused: prodserver runs in the foreground)",
        cli="detach",
        group="application and process",
        bools="on-only",
    )
    loglevel: Annotated[LogLevel, Choice] | None = option(
        None, "Logging level (Celery: warning)", cli="loglevel", group="logging"
    )
    logfile: AnyPath | None = option(None, "Log file (default: stderr)", cli="logfile", group="logging", path="created")
    pidfile: AnyPath | None = option(None, "PID file", cli="pidfile", group="application and process", path="created")
    uid: Annotated[str | None, Account("user", by_id_too=True)] = option(
        None, "User to run as, after startup", cli="uid", group="application and process"
    )
    gid: Annotated[str | None, Account("group")] = option(
        None, "Group to run as, after startup", cli="gid", group="application and process"
    )
    umask: str | None = option(None, "File creation mask (with --detach)", cli="umask", group="application and process")
    executable: str | None = option(
        None, "Python executable (with --detach)", cli="executable", group="application and process"
    )


class CeleryWorkerArgs(DaemonArgs):
    """``celery worker``."""

    hostname: Annotated[str, HOST_KEYS] | None = option(
        None, "Node name (Celery: celery@%h)", cli="hostname", group="workers"
    )
    # The worker expands %h, %n, %p... in its files' names too (celery.bin.worker's node_format).
    logfile: Annotated[AnyPath, NODE_KEYS] | None = option(
        None, "Log file (default: stderr)", cli="logfile", group="logging", path="created"
    )
    pidfile: Annotated[AnyPath, NODE_KEYS] | None = option(
        None, "PID file", cli="pidfile", group="application and process", path="created"
    )
    statedb: Annotated[AnyPath, NODE_KEYS] | None = option(
        None, "File that keeps revoked tasks across restarts", cli="statedb", group="workers", path="created"
    )
    optimization: Annotated[Literal["default", "fair"], Choice] | None = option(
        None, "Scheduling: default or fair", cli="optimization", group="workers"
    )
    prefetch_multiplier: Int | None = option(
        None, "Messages to prefetch per process (0: unlimited)", cli="prefetch-multiplier", group="workers", ge=0
    )
    disable_prefetch: bool = option(
        False, "Only fetch a message when a process is free", cli="disable-prefetch", group="workers", bools="on-only"
    )
    concurrency: Annotated[CeleryText, Since("celery", "5.7", value="auto")] | None = option(
        None,
        "Number of child processes or threads, or 'auto' (Celery 5.7+: one per CPU)",
        cli="concurrency",
        group="pool",
    )
    pool: Annotated[Pool, Choice] | None = option(
        None,
        "Pool implementation (Celery: prefork)",
        cli="pool",
        group="pool",
        requires={"eventlet": Package("eventlet", "celery[eventlet]"), "gevent": Package("gevent", "celery[gevent]")},
    )
    task_events: bool = option(
        False, "Send task events (for Flower)", cli="task-events", also=("events",), group="workers", bools="on-only"
    )
    time_limit: float | None = option(
        None, "Hard time limit of a task, in seconds", cli="time-limit", group="limits", gt=0
    )
    soft_time_limit: float | None = option(
        None, "Soft time limit of a task, in seconds", cli="soft-time-limit", group="limits", gt=0
    )
    max_tasks_per_child: Int | None = option(
        None, "Tasks a child process runs before it is replaced", cli="max-tasks-per-child", group="limits", ge=1
    )
    pool_start_method: Annotated[Literal["fork", "spawn"], Choice, Since("celery", "5.7")] | None = option(
        None, "How prefork starts its children", cli="pool-start-method", group="pool"
    )
    max_memory_per_child: Int | None = option(
        None,
        "Resident memory (KiB) a child may use before it is replaced",
        cli="max-memory-per-child",
        group="limits",
        ge=1,
    )
    purge: bool = option(
        False, "Discard every waiting task at startup", cli="purge", also=("discard",), group="workers", bools="on-only"
    )
    queues: CommaList | None = option(None, "Queues to consume from", cli="queues", group="queues")
    exclude_queues: CommaList | None = option(None, "Queues not to consume from", cli="exclude-queues", group="queues")
    include: ModuleList | None = option(None, "Modules to import", cli="include", group="workers")
    without_gossip: bool = option(
        False, "Do not subscribe to other workers' events", cli="without-gossip", group="workers", bools="on-only"
    )
    without_mingle: bool = option(
        False,
        "Do not synchronize with other workers at startup",
        cli="without-mingle",
        group="workers",
        bools="on-only",
    )
    without_heartbeat: bool = option(
        False, "Send no heartbeat events", cli="without-heartbeat", group="workers", bools="on-only"
    )
    heartbeat_interval: Int | None = option(
        None, "Seconds between heartbeats to the broker", cli="heartbeat-interval", group="workers", ge=1
    )
    autoscale: CeleryText | None = option(
        None, "Grow and shrink the pool between max and min processes: 'max,min'", cli="autoscale", group="pool"
    )
    beat: bool = option(False, "Run beat inside the worker", cli="beat", group="beat", bools="on-only")
    schedule_filename: AnyPath | None = option(
        None,
        "Embedded beat's schedule file",
        cli="schedule-filename",
        also=("schedule",),
        group="beat",
        path="created",
        needs=("beat",),
    )
    scheduler: Scheduler | None = option(
        None, "Embedded beat's scheduler class", cli="scheduler", group="beat", needs=("beat",)
    )


class CeleryBeatArgs(DaemonArgs):
    """``celery beat``."""

    schedule: AnyPath | None = option(
        None, "Schedule file (Celery: celerybeat-schedule)", cli="schedule", group="beat", path="created"
    )
    scheduler: Scheduler | None = option(
        None, "Scheduler class (Celery: PersistentScheduler)", cli="scheduler", group="beat"
    )
    max_interval: Int | None = option(
        None, "Maximum seconds between two looks at the schedule", cli="max-interval", group="beat", ge=1
    )
    enable_remote_control: Annotated[bool, Since("celery", "5.7")] | None = option(
        None, "Answer remote control commands", cli="enable-remote-control", group="beat"
    )
    hostname: str | None = option(None, "Beat's node name", cli="hostname", group="beat")
