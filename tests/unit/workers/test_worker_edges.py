"""The worker rules at their edges: each bound's exact value, and each branch of a precedence."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from tests.unit.checking import check, deploy_check

WORKER = "django_prodserver.backends.celery.CeleryWorker"
APP = "django_prodserver.backends.celery.catalogue.app"
TASKS = "django_prodserver.backends.django_tasks.DjangoTasksWorker"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WITH_TASKS_DB = ["django.contrib.contenttypes", "django_prodserver", "django_tasks", "django_tasks_db"]
ARGS = "PRODUCTION_PROCESSES['jobs']['ARGS']"


def ids(messages: list[Any]) -> list[str]:
    return [message.id for message in messages]


def celery(args: dict[str, Any]) -> dict[str, Any]:
    return {"jobs": {"BACKEND": WORKER, "APP": APP, "ARGS": args}}


@pytest.mark.parametrize("autoscale", ["10", "10,3", " 10 , 3 "])
def test_autoscale_of_one_or_two_numbers_passes(autoscale: str) -> None:
    assert check(celery({"autoscale": autoscale})) == []


@pytest.mark.parametrize("autoscale", ["10,3,1", "", "10,", "ten,3", "-1,3"])
def test_autoscale_of_anything_else_is_refused(autoscale: str) -> None:
    [error] = check(celery({"autoscale": autoscale}))
    assert (error.id, error.msg) == (
        "prodserver.E125",
        f"{ARGS}['autoscale'] is {autoscale!r}; expected the maximum and minimum numbers of processes.",
    )


def test_autoscale_with_concurrency_warns_that_concurrency_is_ignored() -> None:
    [warning] = check(celery({"autoscale": "10,3", "concurrency": 4}))
    assert (warning.id, warning.msg) == (
        "prodserver.W125",
        f"{ARGS}['concurrency'] is ignored with autoscale: the pool grows and shrinks between autoscale's bounds.",
    )
    # An autoscale Celery refuses is the error; the concurrency it would override is not also warned of.
    assert ids(check(celery({"autoscale": "x", "concurrency": 4}))) == ["prodserver.E125"]


@pytest.mark.parametrize(("concurrency", "expected"), [("0", ["prodserver.W120"]), ("1", []), ("auto", [])])
def test_concurrency_zero_is_the_only_count_warned_of(concurrency: str, expected: list[str]) -> None:
    assert ids(check(celery({"concurrency": concurrency}))) == expected


@pytest.mark.parametrize(
    ("queues", "excluded", "expected"),
    [
        ("a,b", "a,b", ["prodserver.E140"]),
        ("a,b", "a,b,c", ["prodserver.E140"]),
        ("a,b", "a", []),
        ("a", "", []),
    ],
)
def test_celery_queues_all_excluded_is_the_only_refusal(queues: str, excluded: str, expected: list[str]) -> None:
    args = {"queues": queues, "exclude-queues": excluded} if excluded else {"queues": queues}
    assert ids(check(celery(args))) == expected


def test_celery_exclusions_without_queues_pass() -> None:
    assert check(celery({"exclude-queues": "a"})) == []


def tasks(args: dict[str, Any]) -> dict[str, Any]:
    return {"jobs": {"BACKEND": TASKS, "ARGS": args}}


@override_settings(TASKS=DATABASE_TASKS, INSTALLED_APPS=WITH_TASKS_DB)
@pytest.mark.parametrize(
    ("args", "debug", "expected"),
    [
        ({"reload": True}, False, ["prodserver.W127"]),
        ({}, True, ["prodserver.W127"]),
        ({}, False, []),
        ({"reload": False}, True, []),
        ({"reload": True, "batch": True}, False, ["prodserver.W126"]),
        ({"batch": True}, True, []),
    ],
)
def test_db_worker_reload_is_deploy_advice(args: dict[str, Any], debug: bool, expected: list[str]) -> None:
    with override_settings(DEBUG=debug):
        deploy = ids(deploy_check(tasks(args)))
        plain = ids(check(tasks(args)))
    # W127 is advice for production (check --deploy only); W126 holds in any run (a plain check).
    said = [i for i in plain if i == "prodserver.W126"] + [i for i in deploy if i == "prodserver.W127"]
    assert said == expected
    assert "prodserver.W127" not in plain


@override_settings(TASKS=DATABASE_TASKS, INSTALLED_APPS=WITH_TASKS_DB)
@pytest.mark.parametrize("interval", ["inf", "nan"])
def test_db_worker_polls_at_a_finite_interval(interval: str) -> None:
    # db_worker time.sleep()s it: infinity is a traceback once the queue is empty, NaN one at once.
    [error] = check(tasks({"interval": interval}))
    assert (error.id, error.msg) == (
        "prodserver.E022",
        f"{ARGS}['interval'] is {interval!r}; expected a finite number.",
    )
