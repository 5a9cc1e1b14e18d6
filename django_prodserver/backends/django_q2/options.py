"""ARGS of the django-q2 cluster (``manage.py qcluster``) and the model of its real configuration, Q_CLUSTER.

qcluster takes two options; the cluster is configured by ``settings.Q_CLUSTER``, which
:class:`QClusterSettings` types key by key (django-q2 1.7's ``conf.py``), so ``manage.py check``
reports a typo or a wrong value there too.  ``tests/unit/workers/test_django_q2_drift.py`` pins
both against django-q2.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from ...args.base import BackendArgs, option
from ...args.values import SLEEP_MAX_SECONDS, Choice, ClassPath, Int

BrokerClass = Annotated[str, ClassPath("django_q.brokers.Broker", "django-q2 broker class")]
"""What django-q2's get_broker imports and instantiates (``rules/imports.py`` judges it)."""


class DjangoQ2Args(BackendArgs):
    """``manage.py qcluster``."""

    run_once: bool = option(
        False, "Start the cluster, then stop it at once", cli="run-once", group="cluster", bools="on-only"
    )
    name: str | None = option(
        None, "Cluster (queue) name instead of Q_CLUSTER's, for multi-queue setups", cli="name", group="cluster"
    )


class QClusterSettings(BackendArgs):
    """``settings.Q_CLUSTER``: every key django-q2 reads, with its default."""

    name: str = option(
        "default", "Cluster name, and the salt of signed tasks", cli=None, documented="name", group="Q_CLUSTER"
    )
    cluster_name: str | None = option(
        None, "Queue name (default: name)", cli=None, documented="cluster_name", group="Q_CLUSTER"
    )
    workers: Int | None = option(
        None, "Worker processes (default: CPU count)", cli=None, documented="workers", group="Q_CLUSTER", ge=1
    )
    daemonize_workers: bool = option(
        True, "Workers are daemons", cli=None, documented="daemonize_workers", group="Q_CLUSTER"
    )
    recycle: Int = option(
        500, "Tasks a worker runs before it is replaced", cli=None, documented="recycle", group="Q_CLUSTER", ge=0
    )
    max_rss: Int | None = option(
        None,
        "Resident memory (KiB) before a worker is replaced",
        cli=None,
        documented="max_rss",
        group="Q_CLUSTER",
        ge=1,
    )
    timeout: Int | None = option(
        None, "Seconds a task may run", cli=None, documented="timeout", group="Q_CLUSTER", ge=1
    )
    retry: Int = option(
        60,
        "Seconds before an unacknowledged task is delivered again",
        cli=None,
        documented="retry",
        group="Q_CLUSTER",
        ge=1,
    )
    ack_failures: bool = option(
        False, "Acknowledge failed tasks", cli=None, documented="ack_failures", group="Q_CLUSTER"
    )
    max_attempts: Int = option(
        0, "Deliveries of a task (0: no limit)", cli=None, documented="max_attempts", group="Q_CLUSTER", ge=0
    )
    compress: bool = option(False, "Compress task packages", cli=None, documented="compress", group="Q_CLUSTER")
    save_limit: Int = option(
        250, "Successful tasks kept (0: all, -1: none)", cli=None, documented="save_limit", group="Q_CLUSTER", ge=-1
    )
    save_limit_per: Annotated[Literal["group", "name", "func"], Choice] | None = option(
        None, "Apply save_limit per group, name or func", cli=None, documented="save_limit_per", group="Q_CLUSTER"
    )
    guard_cycle: float = option(
        0.5, "Seconds between the guard's checks", cli=None, documented="guard_cycle", group="Q_CLUSTER", gt=0, le=60
    )
    sync: bool = option(False, "Run tasks synchronously, in the caller", cli=None, documented="sync", group="Q_CLUSTER")
    queue_limit: Int | None = option(
        None,
        "Tasks held in memory (default: workers squared)",
        cli=None,
        documented="queue_limit",
        group="Q_CLUSTER",
        ge=1,
    )
    label: str = option("Django Q", "Label in the admin", cli=None, documented="label", group="Q_CLUSTER")
    catch_up: bool = option(
        True, "Run the schedules missed while stopped", cli=None, documented="catch_up", group="Q_CLUSTER"
    )
    scheduler: bool = option(True, "Run the scheduler", cli=None, documented="scheduler", group="Q_CLUSTER")
    redis: dict[str, Any] | str | None = option(
        None, "Redis connection (the default broker)", cli=None, documented="redis", group="Q_CLUSTER"
    )
    django_redis: str | None = option(
        None, "django-redis cache alias as the broker", cli=None, documented="django_redis", group="Q_CLUSTER"
    )
    iron_mq: dict[str, Any] | None = option(None, "IronMQ broker", cli=None, documented="iron_mq", group="Q_CLUSTER")
    sqs: dict[str, Any] | None = option(None, "Amazon SQS broker", cli=None, documented="sqs", group="Q_CLUSTER")
    orm: str | None = option(None, "Database alias as the broker", cli=None, documented="orm", group="Q_CLUSTER")
    mongo: dict[str, Any] | None = option(None, "MongoDB broker", cli=None, documented="mongo", group="Q_CLUSTER")
    mongo_db: str | None = option(None, "MongoDB database", cli=None, documented="mongo_db", group="Q_CLUSTER")
    broker_class: BrokerClass | None = option(
        None, "Custom broker class", cli=None, documented="broker_class", group="Q_CLUSTER"
    )
    bulk: Int = option(1, "Tasks fetched at once", cli=None, documented="bulk", group="Q_CLUSTER", ge=1)
    poll: float = option(
        0.2,
        "Seconds between polls of database brokers",
        cli=None,
        documented="poll",
        group="Q_CLUSTER",
        gt=0,
        # The ORM and MongoDB brokers time.sleep() it: a longer poll is a traceback in every worker.
        le=SLEEP_MAX_SECONDS,
    )
    cache: str = option("default", "Cache alias", cli=None, documented="cache", group="Q_CLUSTER")
    cached: bool | Int = option(
        False, "Keep results in the cache (True, or seconds)", cli=None, documented="cached", group="Q_CLUSTER"
    )
    cpu_affinity: Int = option(
        0, "Processors per worker (0: all)", cli=None, documented="cpu_affinity", group="Q_CLUSTER", ge=0
    )
    error_reporter: dict[str, Any] = option(
        {}, "Error reporters", cli=None, documented="error_reporter", group="Q_CLUSTER"
    )
    time_zone: str | None = option(
        None, "Time zone of schedules (default: TIME_ZONE)", cli=None, documented="time_zone", group="Q_CLUSTER"
    )
    # Upper case only: django-q2 passes getattr(logging, log_level) to setLevel.
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = option(
        "INFO", "Log level", cli=None, documented="log_level", group="Q_CLUSTER"
    )
    testing: bool = option(False, "Test mode", cli=None, documented="testing", group="Q_CLUSTER")
    ALT_CLUSTERS: dict[str, Any] | None = option(
        None, "Settings per cluster name", cli=None, documented="ALT_CLUSTERS", group="Q_CLUSTER"
    )
