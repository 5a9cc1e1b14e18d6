"""Every check ID with a setting that shows it: the source of the docs' check reference.

Data only: the ``Example`` type each backend's ``catalogue`` module declares its ``EXAMPLES``
with, the core's own examples (IDs the setting shape and ARGS machinery emit, shown with the
first built-in backend), and the collection of them all.  Nothing here runs an example: the
runners (the files examples name, the platform they pretend, what ``check`` reports) are test
and docs machinery and live in ``tests/catalogue.py``.  The messages are not written here
either: the runners put each example through the real validation, so the docs print exactly
what ``manage.py check`` prints.  An ID is never reused, even after its check is removed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .problems import Problem
from .registry import BUILTIN_BACKENDS, BUILTIN_PACKAGES
from .rules.application import target_problems
from .rules.args import rejected_value
from .rules.shape import backend_not_created, backend_rules_failed


@dataclass(frozen=True)
class Example:
    """How to see one check ID: a setting that shows it alone, or the rule's own problem."""

    id: str
    setting: Any = None
    """A whole ``PRODUCTION_PROCESSES`` value that shows this ID and no other."""
    problem: Problem | None = None
    """For an ID no setting shows on this machine: the problem, built by the rule's own code."""
    starting: bool = False
    """Shown when ``prodserver`` starts the process, not by ``check``."""
    pretend: tuple[tuple[str, str, Callable[..., Any]], ...] = ()
    """``(module, attribute, replacement)``: run the example as on another platform."""
    twin: Any = None
    """A setting one step from ``setting`` that shows nothing: proof the rule is not always on."""
    deploy: bool = False
    """Production advice: shown by ``check --deploy``, among the other deploy advice only."""


def process(args: object, backend: str = BUILTIN_BACKENDS[0]) -> dict[str, object]:
    return {"web": {"BACKEND": backend, "ARGS": args}}


BACKEND = BUILTIN_BACKENDS[0]


def platform(value: object) -> tuple[tuple[str, str, Callable[..., Any]], ...]:
    """``pretend`` for an example run with ``PRODUCTION_PLATFORM = value``."""
    return (("django_prodserver.validation", "production_platform", lambda: value),)


def deployed(deploy: object) -> dict[str, object]:
    return {"web": {"BACKEND": BACKEND, "DEPLOY": deploy}}


WAITRESS = "django_prodserver.backends.waitress.WaitressServer"
UVICORN = "django_prodserver.backends.uvicorn.UvicornServer"
BEAT = {
    "BACKEND": "django_prodserver.backends.celery.CeleryBeat",
    "APP": "django_prodserver.backends.celery.catalogue.app",
}
FLEET: tuple[Example, ...] = (
    Example("prodserver.E160", deployed(["replicas"]), twin=deployed({})),
    Example("prodserver.E161", deployed({"health_path": "healthz"}), twin=deployed({"health_path": "/healthz"})),
    Example("prodserver.E162", deployed({"env": {"1ST": "a"}}), twin=deployed({"env": {"FIRST": "a"}})),
    Example(
        "prodserver.W163",
        {"beat": {**BEAT, "DEPLOY": {"health_path": "/healthz"}}},
        twin={"beat": {**BEAT, "DEPLOY": {"replicas": 2}}},
    ),
    Example("prodserver.E163", process({}), pretend=platform(30), twin=process({})),
    Example("prodserver.E164", process({}), pretend=platform({"platform": "heroku", "stop_timeout": 60})),
    Example("prodserver.E165", process({}), pretend=platform("railway")),
    Example("prodserver.W160", process({"workers-kill-timeout": 60}), pretend=platform("heroku"), deploy=True),
    Example(
        "prodserver.W161",
        {"web": {"BACKEND": WAITRESS}},
        pretend=platform({"platform": "kubernetes", "stop_signal": "SIGQUIT"}),
        twin={"web": {"BACKEND": WAITRESS}},
        deploy=True,
    ),
    Example("prodserver.W162", {"web": {"BACKEND": UVICORN}}, pretend=platform("heroku"), deploy=True),
)
"""The fleet's IDs: DEPLOY, and PRODUCTION_PLATFORM (each run as if the setting said it)."""


CORE: tuple[Example, ...] = (
    Example("prodserver.E001", [BACKEND]),
    Example("prodserver.E002", {1: {"BACKEND": BACKEND}}, twin={"1": {"BACKEND": BACKEND}}),
    Example("prodserver.E003", {"web": BACKEND}, twin={"web": {"BACKEND": BACKEND}}),
    Example(
        "prodserver.E004", {"web": {"BACKEND": BACKEND, "ARG": {}}}, twin={"web": {"BACKEND": BACKEND, "ARGS": {}}}
    ),
    Example("prodserver.E005", {"web": {"ARGS": {}}}),
    Example("prodserver.E006", {"web": {"BACKEND": 42}}),
    Example("prodserver.E007", {"web": {"BACKEND": BACKEND + "X"}}),
    Example("prodserver.E008", {"web": {"BACKEND": "django_prodserver.args.BackendArgs"}}),
    Example(
        "prodserver.E009", problem=backend_not_created(TypeError("__init__() got an unexpected keyword argument 'APP'"))
    ),
    Example("prodserver.E010", process(["--workers=4"]), twin=process({})),
    Example("prodserver.E012", problem=backend_rules_failed(KeyError("workers"))),
    Example("prodserver.E030", problem=rejected_value("eight", "not_a_power_of_two", ("ARGS", "workers"), "MyServer")),
    Example("prodserver.E063", problem=target_problems("mysite.asgi:application")[0]),
    *FLEET,
)


def catalogue() -> tuple[Example, ...]:
    """Every example: the core's, then each built-in backend's, in ID order; one per ID (the first)."""
    examples = list(CORE)
    for package in BUILTIN_PACKAGES:
        examples.extend(importlib.import_module(f"{package}.catalogue").EXAMPLES)
    first: dict[str, Example] = {}
    for example in examples:
        first.setdefault(example.id, example)
    return tuple(sorted(first.values(), key=lambda example: (example.id[-3:-1], example.id[-4], example.id)))


def all_examples() -> tuple[Example, ...]:
    """Every example of every backend, several per shared ID: what the contract tests run."""
    examples = list(CORE)
    for package in BUILTIN_PACKAGES:
        examples.extend(importlib.import_module(f"{package}.catalogue").EXAMPLES)
    return tuple(examples)
