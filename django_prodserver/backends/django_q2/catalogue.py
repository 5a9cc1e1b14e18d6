"""A setting that shows each check ID of the django-q2 cluster (see ``django_prodserver/catalogue.py``).

The examples replace what the cluster reads of the project (:func:`.backend.project_settings`):
a project with django_q installed, an ORM broker and a timeout below retry, but for one change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...catalogue import Example
from .loading import q_cluster_unreadable

WORKER = "django_prodserver.backends.django_q2.DjangoQ2Worker"
SETTINGS = "django_prodserver.backends.django_q2.backend"
CLUSTER = {"name": "mysite", "orm": "default", "timeout": 60, "retry": 90}


def project(q_cluster: object = CLUSTER, **changes: Any) -> tuple[tuple[str, str, Callable[[], dict[str, Any]]], ...]:
    settings = {"q_cluster": q_cluster, "app_installed": True, "databases": ["default"], **changes}
    return ((SETTINGS, "project_settings", lambda: dict(settings)),)


def q2(args: object = None) -> dict[str, object]:
    return {"q2": {"BACKEND": WORKER, "ARGS": args or {}}}


def _without_redis(module: str) -> bool:
    return module != "redis"


EXAMPLES: tuple[Example, ...] = (
    Example("prodserver.E131", q2(), pretend=project(app_installed=False)),
    Example("prodserver.E065", q2(), pretend=project({**CLUSTER, "broker_class": "collections.OrderedDict"})),
    Example(
        "prodserver.E142", problem=q_cluster_unreadable(ValueError("invalid literal for int() with base 10: 'two'"))
    ),
    Example("prodserver.E132", q2(), pretend=project({**CLUSTER, "workers": 0})),
    Example("prodserver.E132", q2(), pretend=project({**CLUSTER, "wokers": 4})),
    Example(
        "prodserver.E133",
        q2(),
        pretend=(
            *project({"name": "mysite", "timeout": 30}),
            ("django_prodserver.backends.django_q2.rules", "installed", _without_redis),
        ),
    ),
    Example("prodserver.E134", q2(), pretend=project({**CLUSTER, "orm": "queue"})),
    Example("prodserver.W128", q2(), pretend=project({**CLUSTER, "timeout": 120})),
    Example("prodserver.W129", q2(), pretend=project({**CLUSTER, "sync": True}), deploy=True),
)
