"""A setting that shows each check ID of the Celery backends (see ``django_prodserver/catalogue.py``).

The examples run a real Celery app, :data:`app` (an in-memory broker), created on first access
so that importing this module does not import celery.
"""

from __future__ import annotations

from typing import Any

from ...catalogue import Example

WORKER = "django_prodserver.backends.celery.CeleryWorker"
BEAT = "django_prodserver.backends.celery.CeleryBeat"
FLOWER = "django_prodserver.backends.celery.CeleryFlower"
APP = "django_prodserver.backends.celery.catalogue.app"


def __getattr__(name: str) -> Any:
    # The example apps, built when validation first imports them (PEP 562).
    brokers = {"app": "memory://", "app_without_broker": None}
    if name not in brokers:
        raise AttributeError(name)
    from celery import Celery  # type: ignore[import-untyped]

    globals()[name] = Celery("catalogue", broker=brokers[name])
    return globals()[name]


def worker(args: object, app: str | None = APP) -> dict[str, object]:
    return {"worker": {"BACKEND": WORKER, **({"APP": app} if app is not None else {}), "ARGS": args}}


def beat(args: object) -> dict[str, object]:
    return {"beat": {"BACKEND": BEAT, "APP": APP, "ARGS": args}}


def flower(args: object) -> dict[str, object]:
    return {"flower": {"BACKEND": FLOWER, "APP": APP, "ARGS": args}}


LOGIN = {"basic-auth": "admin:s3cret"}
OAUTH = {"auth-provider": "flower.views.auth.GoogleAuth2LoginHandler"}


def _without_redis(module: str) -> bool:
    return module != "redis"


def _celery_5_5(distribution: str) -> str | None:
    return "5.5.3" if distribution == "celery" else None


EXAMPLES: tuple[Example, ...] = (
    Example("prodserver.E004", worker({}) | {"celery": {"BACKEND": WORKER, "APP": APP, "APPS": 1}}, twin=worker({})),
    Example("prodserver.E120", worker({}, app=None), twin=worker({})),
    Example("prodserver.E121", worker({}, app="mysite.celery.app"), twin=worker({})),
    Example("prodserver.E122", worker({}, app="django.conf.settings"), twin=worker({})),
    Example(
        "prodserver.E123",
        worker({"broker": "redis://localhost:6379/0"}),
        pretend=(("django_prodserver.backends.celery.app", "installed", _without_redis),),
        twin=worker({"broker": "memory://"}),
    ),
    Example("prodserver.W124", worker({}, app=f"{APP}_without_broker"), twin=worker({})),
    Example("prodserver.E124", worker({"detach": True}), twin=worker({"detach": False})),
    Example("prodserver.E125", worker({"concurrency": "four"}), twin=worker({"concurrency": "auto"})),
    Example("prodserver.E125", worker({"autoscale": "0,0"}), twin=worker({"autoscale": "1,0"})),
    Example("prodserver.E085", worker({"uid": "no-such-user"}), twin=worker({"uid": "root"})),
    Example("prodserver.E085", beat({"uid": "99999"}), twin=beat({"uid": "0"})),
    Example("prodserver.E069", worker({"hostname": "worker%q@%h"}), twin=worker({"hostname": "worker%i@%h"})),
    Example(
        "prodserver.E068",
        worker({"concurrency": "auto"}),
        pretend=(("django_prodserver.rules.packages", "installed_version", _celery_5_5),),
        twin=worker({"concurrency": "auto"}),
    ),
    Example(
        "prodserver.E140",
        worker({"queues": "emails", "exclude-queues": "emails"}),
        twin=worker({"queues": "emails,reports", "exclude-queues": "emails"}),
    ),
    Example("prodserver.E140", worker({"exclude-queues": "celery"}), twin=worker({"exclude-queues": "emails"})),
    Example(
        "prodserver.E143",
        beat({"schedule": "celerybeat-schedule", "pidfile": "celerybeat-schedule"}),
        twin=beat({"schedule": "celerybeat-schedule", "pidfile": "celerybeat.pid"}),
    ),
    Example("prodserver.E144", worker({"pool": "custom"}), twin=worker({"pool": "solo"})),
    Example(
        "prodserver.E065",
        beat({"scheduler": "collections:OrderedDict"}),
        twin=beat({"scheduler": "celery.beat:PersistentScheduler"}),
    ),
    Example("prodserver.E065", worker({"include": "json,jsno"}), twin=worker({"include": "json"})),
    Example("prodserver.W046", worker({"scheduler": "celery.beat:PersistentScheduler"})),
    Example("prodserver.E060", worker({"pool": "gevent"}), twin=worker({"pool": "threads"})),
    Example("prodserver.W050", beat({"schedule": "missing/celerybeat-schedule"}), twin=beat({"schedule": "schedule"})),
    Example("prodserver.W120", worker({"concurrency": 0}), twin=worker({"concurrency": 2})),
    Example(
        "prodserver.W121",
        worker({"time-limit": 60, "soft-time-limit": 60}),
        twin=worker({"time-limit": 60, "soft-time-limit": 50}),
    ),
    Example(
        "prodserver.W122",
        worker({"pool": "threads", "max-tasks-per-child": 100}),
        twin=worker({"pool": "prefork", "max-tasks-per-child": 100}),
    ),
    Example("prodserver.W123", worker({"purge": True}), twin=worker({"purge": False}), deploy=True),
    Example(
        "prodserver.W125",
        worker({"autoscale": "10,3", "concurrency": 4}),
        twin=worker({"autoscale": "10,3"}),
    ),
    Example(
        "prodserver.E135",
        flower({"auth": "*@*.example.org"}),
        twin=flower({"auth": ".*@example.org", "auth-provider": "flower.views.auth.GoogleAuth2LoginHandler"}),
    ),
    Example("prodserver.E136", flower({"basic-auth": ["admin"]}), twin=flower(LOGIN)),
    Example(
        "prodserver.E137",
        flower({"broker-api": "localhost:15672/api/"}),
        twin=flower({"broker-api": "http://localhost:15672/api/"}),
    ),
    Example(
        "prodserver.E138",
        flower({"certfile": "tls/cert.pem"}),
        twin=flower({"certfile": "tls/cert.pem", "keyfile": "tls/key.pem"}),
    ),
    Example(
        "prodserver.W135",
        flower({"auth": ".*@example.org"}),
        twin=flower({"auth": ".*@example.org", "auth-provider": "flower.views.auth.GoogleAuth2LoginHandler"}),
    ),
    Example(
        "prodserver.W136",
        flower({"unix-socket": "flower.sock", "port": 5556}),
        twin=flower({"unix-socket": "flower.sock"}),
    ),
    Example("prodserver.W137", flower({}), twin=flower(LOGIN), deploy=True),
    Example(
        "prodserver.W139",
        flower({**OAUTH, "auth": ".*@example.org"}),
        twin=flower({**OAUTH, "auth": ".*@example.org", "cookie-secret": "a-long-random-value"}),
        deploy=True,
    ),
    Example("prodserver.W138", flower({**LOGIN, "debug": True}), twin=flower({**LOGIN, "debug": False}), deploy=True),
)
