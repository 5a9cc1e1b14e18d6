"""django-q2's rules: its app, and its real configuration, ``settings.Q_CLUSTER``.

Q_CLUSTER is validated by :class:`~.options.QClusterSettings` with the shared ARGS messages, shown
at the process that runs the cluster: ``PRODUCTION_PROCESSES['jobs'] reads Q_CLUSTER['workers'],
which is 0; expected at least 1.``  The settings are given by the backend: these functions are pure.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from pydantic import ValidationError

from ...args.base import Package
from ...problems import Problem, Severity, setting_path
from ...rules.args import error_problems
from ...rules.imports import import_problems
from ...rules.packages import installed
from ...rules.text import type_name
from .options import QClusterSettings

E131 = "prodserver.E131"
E132 = "prodserver.E132"
E133 = "prodserver.E133"
E134 = "prodserver.E134"
W128 = "prodserver.W128"
W129 = "prodserver.W129"

APP = "django_q"
# The broker django-q2 picks (brokers.get_broker), in its order, and the package it needs.
BROKERS: tuple[tuple[str, Package | None], ...] = (
    ("broker_class", None),
    ("iron_mq", Package("iron_mq", "iron-mq")),
    ("sqs", Package("boto3", "boto3")),
    ("orm", None),
    ("mongo", Package("pymongo", "pymongo")),
    ("django_redis", Package("django_redis", "django-redis")),
)
REDIS = Package("redis", "redis")

E131_NOT_INSTALLED = Problem(
    E131,
    Severity.ERROR,
    ("BACKEND",),
    f"runs qcluster, but {APP!r} is not in INSTALLED_APPS: the command does not exist.",
    f"Add {APP!r} to INSTALLED_APPS and run migrate.",
)
W129_SYNC = Problem(
    W129,
    Severity.WARNING,
    (),
    "reads Q_CLUSTER['sync'], which is True: tasks run in the caller and this cluster gets none.",
    "Remove sync from Q_CLUSTER in production.",
    deploy=True,
)


def q2_problems(q_cluster: Any, *, app_installed: bool, databases: Collection[str]) -> list[Problem]:
    problems = [] if app_installed else [E131_NOT_INSTALLED]
    cluster = cluster_settings(q_cluster)
    if isinstance(cluster, list):
        return [*problems, *cluster]
    return [
        *problems,
        *(_in_q_cluster(problem) for problem in import_problems(cluster)),
        *broker_problems(cluster, databases),
        *timeout_problems(cluster),
        *([W129_SYNC] if cluster.sync else []),
    ]


def cluster_settings(q_cluster: Any) -> QClusterSettings | list[Problem]:
    """Q_CLUSTER validated, or its problems (each at the process, naming the key)."""
    if q_cluster is None:
        q_cluster = {}
    if not isinstance(q_cluster, dict):
        return [
            Problem(
                E132,
                Severity.ERROR,
                (),
                f"reads Q_CLUSTER, which is {type_name(q_cluster)}; expected a dict.",
                "Write Q_CLUSTER = {'name': 'mysite', 'orm': 'default', ...}.",
            )
        ]
    try:
        return QClusterSettings.model_validate(q_cluster)
    except ValidationError as error:
        located = error_problems(error.errors(), QClusterSettings, q_cluster, "django-q2")
        return [_in_q_cluster(problem, E132) for problem in located]


def _in_q_cluster(problem: Problem, check_id: str | None = None) -> Problem:
    """A problem of a Q_CLUSTER key, said at the process (``reads Q_CLUSTER['workers'], which is 0...``)."""
    key = problem.path[1:]
    where = setting_path(key, "Q_CLUSTER")
    return Problem(check_id or problem.id, Severity.ERROR, (), f"reads {where}, which {problem.message}", problem.hint)


def broker_problems(cluster: QClusterSettings, databases: Collection[str]) -> list[Problem]:
    """The broker django-q2 will use must have its package, and an ORM broker its database."""
    chosen = next((key for key, _ in BROKERS if getattr(cluster, key)), None)
    package = dict(BROKERS).get(chosen) if chosen else REDIS
    if chosen == "orm" and cluster.orm not in databases:
        return [
            Problem(
                E134,
                Severity.ERROR,
                (),
                f"reads Q_CLUSTER['orm'], which is {cluster.orm!r}, not a database alias.",
                f"Use one of DATABASES: {', '.join(repr(alias) for alias in databases)}.",
            )
        ]
    if package is None or installed(package.module):
        return []
    which = f"Q_CLUSTER[{chosen!r}] makes" if chosen else "Q_CLUSTER names no broker, so"
    return [
        Problem(
            E133,
            Severity.ERROR,
            (),
            f"reads Q_CLUSTER: {which} django-q2 use a broker that needs the "
            f"{package.module} package, which is not installed.",
            f"Install it: pip install '{package.requirement}', "
            "or set Q_CLUSTER['orm'] = 'default' to use the database.",
        )
    ]


def timeout_problems(cluster: QClusterSettings) -> list[Problem]:
    """django-q2 delivers a task again after retry seconds: a task may not run that long."""
    if cluster.timeout is not None and cluster.timeout < cluster.retry:
        return []
    if cluster.timeout is None:
        why = f"reads Q_CLUSTER without 'timeout': a task running over retry ({cluster.retry} s) is delivered again"
    else:
        why = f"reads Q_CLUSTER['timeout'], which is {cluster.timeout}, not below retry ({cluster.retry})"
    return [
        Problem(
            W128,
            Severity.WARNING,
            (),
            f"{why}: a task can run twice at once.",
            "Set Q_CLUSTER['timeout'] below Q_CLUSTER['retry'].",
        )
    ]
