"""The Celery app a process names with its top-level ``APP`` key, and the broker it would use.

The check imports the app's module: a Celery app cannot be judged from its file.  In the setup
Celery documents for Django, the project's ``__init__.py`` imports that module anyway, so the
check usually finds it in ``sys.modules``.  Celery itself is never imported here: the app is
recognised by its class's name, and its configuration read from the object.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Mapping
from typing import Any

from ...args.base import Package
from ...problems import Problem, Severity
from ...rules.packages import installed
from ...rules.text import first_line

E120 = "prodserver.E120"
E121 = "prodserver.E121"
E122 = "prodserver.E122"
E123 = "prodserver.E123"
W124 = "prodserver.W124"

APP_HINT = "Set 'APP' to the dotted path of your Celery app, e.g. 'mysite.celery.app'."

# Kombu transports that need a package Celery does not install (``celery[<extra>]`` installs it).
TRANSPORT_PACKAGES = {
    "redis": Package("redis", "celery[redis]"),
    "rediss": Package("redis", "celery[redis]"),
    "sentinel": Package("redis", "celery[redis]"),
    "sqs": Package("boto3", "celery[sqs]"),
    "sqla": Package("sqlalchemy", "celery[sqlalchemy]"),
    "sqlalchemy": Package("sqlalchemy", "celery[sqlalchemy]"),
    "mongodb": Package("pymongo", "celery[mongodb]"),
    "zookeeper": Package("kazoo", "celery[zookeeper]"),
    "consul": Package("consul", "celery[consul]"),
    "confluentkafka": Package("confluent_kafka", "celery[confluentkafka]"),
    "gcpubsub": Package("google.cloud.pubsub_v1", "celery[gcpubsub]"),
    "azureservicebus": Package("azure.servicebus", "celery[azureservicebus]"),
    "azurestoragequeues": Package("azure.storage.queue", "celery[azurestoragequeues]"),
    "pyro": Package("Pyro4", "celery[pyro]"),
}

E120_NO_APP = Problem(E120, Severity.ERROR, (), "has no 'APP'; a Celery process runs a Celery app.", APP_HINT)


def app_path(config: Mapping[str, Any]) -> str | None:
    app = config.get("APP")
    return app.strip() if isinstance(app, str) and app.strip() else None


def load_app(dotted: str) -> Any:
    """The object at ``dotted`` (``module.attribute``); raises what importing it raises."""
    module_name, _, attribute = dotted.rpartition(".")
    if not module_name:
        raise ImportError(f"{dotted!r} is not a dotted path")
    module = importlib.import_module(module_name)
    try:
        return getattr(module, attribute)
    except AttributeError:
        raise ImportError(f"module {module_name!r} has no {attribute!r}") from None


def import_hint(dotted: str, error: Exception) -> str:
    """What to do about an APP that does not import (E121): it depends on what is missing."""
    module, _, attribute = dotted.rpartition(".")
    if not module:
        return APP_HINT
    if isinstance(error, ModuleNotFoundError) and error.name and f"{module}.".startswith(f"{error.name}."):
        return f"Write your Celery app in {module!r} (app = Celery(...)), or correct 'APP' to a module that exists."
    if isinstance(error, ModuleNotFoundError):
        return f"{module!r} imports {error.name!r}, which is not installed: install it."
    loaded = sys.modules.get(module)
    if loaded is not None and not hasattr(loaded, attribute):
        apps = [name for name, value in vars(loaded).items() if is_celery_app(value)]
        if apps:
            return f"Set 'APP' to '{module}.{apps[0]}', the Celery app of {module!r}."
        return f"Define the Celery app in {module!r} as {attribute!r} ({attribute} = Celery(...))."
    return f"Fix the error importing {module!r}: Celery would fail the same way at start."


def is_celery_app(value: object) -> bool:
    return any(cls.__name__ == "Celery" and cls.__module__.startswith("celery.") for cls in type(value).__mro__)


def consumed_queues(config: Mapping[str, Any]) -> frozenset[str] | None:
    """The queues the app's worker consumes unless told ``queues``: its ``task_queues``, or the one default
    queue Celery makes (``task_default_queue``); None when APP names no Celery app (E120-E122 say why)."""
    dotted = app_path(config)
    try:
        app = load_app(dotted) if dotted is not None else None
    except Exception:
        # Importing the app runs the project's own code: app_problems reports what it raises.
        return None
    if app is None or not is_celery_app(app):
        return None
    # Celery's own view (celery.app.amqp): the configured queues, with the default one when none is.
    return frozenset(app.amqp.queues)


def app_problems(config: Mapping[str, Any], broker: str | None) -> list[Problem]:
    """APP must name an importable Celery app; ``broker`` (ARGS) or the app's broker_url must be usable."""
    if "APP" not in config:
        return [E120_NO_APP]
    dotted = app_path(config)
    if dotted is None:
        return [Problem(E120, Severity.ERROR, ("APP",), f"is {config['APP']!r}; expected a dotted path.", APP_HINT)]
    try:
        app = load_app(dotted)
    except Exception as error:
        # Importing the app runs the project's own code, which may raise anything.
        return [
            Problem(
                E121,
                Severity.ERROR,
                ("APP",),
                f"is {dotted!r}, which cannot be imported ({first_line(error)}).",
                import_hint(dotted, error),
            )
        ]
    if not is_celery_app(app):
        return [
            Problem(
                E122,
                Severity.ERROR,
                ("APP",),
                f"is {dotted!r}, which is {type(app).__name__}, not a Celery app.",
                APP_HINT,
            )
        ]
    if broker is not None:
        return transport_problems(broker, ("ARGS", "broker"), "names")
    configured = app.conf.broker_url
    if not configured:
        return [
            Problem(
                W124,
                Severity.WARNING,
                ("APP",),
                f"is {dotted!r}, whose broker_url is not set: Celery connects to amqp://guest@localhost//.",
                "Set CELERY_BROKER_URL in the settings (or broker_url on the app), or the broker option.",
            )
        ]
    return transport_problems(configured, ("APP",), f"is {dotted!r}, whose broker_url names")


def transports(url: str) -> list[str]:
    """The transport of each broker URL (``sqla+sqlite:///x`` -> ``sqla``; failover lists with ';')."""
    return [part.strip().partition("://")[0].partition("+")[0].lower() for part in url.split(";") if part.strip()]


def transport_problems(url: str, path: tuple[str, ...], lead: str) -> list[Problem]:
    from kombu.transport import TRANSPORT_ALIASES  # kombu, not celery: a table, loaded with the app

    problems = []
    for transport in dict.fromkeys(transports(url)):
        package = TRANSPORT_PACKAGES.get(transport)
        if transport not in TRANSPORT_ALIASES:
            known = ", ".join(sorted(TRANSPORT_ALIASES))
            message = f"{lead} the transport {transport!r}, which Kombu does not know."
            problems.append(Problem(E123, Severity.ERROR, path, message, f"Use one of: {known}."))
        elif package is not None and not installed(package.module):
            message = (
                f"{lead} the transport {transport!r}, which needs the {package.module} package; it is not installed."
            )
            problems.append(
                Problem(E123, Severity.ERROR, path, message, f"Install it: pip install '{package.requirement}'.")
            )
    return problems
