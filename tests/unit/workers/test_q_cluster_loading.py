# ruff: noqa: E501  (exact messages, one per line)
"""Q_CLUSTER that django-q2 cannot read: one line from any management command, not a traceback (E142);
a broker class that is no django-q2 broker is refused by the check (the shared E065)."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from django.test import override_settings

from django_prodserver.validation import validate_process

SETUP = """
from django.conf import settings
settings.configure(INSTALLED_APPS={apps!r}, Q_CLUSTER={q_cluster!r})
import django
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "check"])
"""
HINT = "\tHINT: Fix Q_CLUSTER: a dict, whose 'workers' is a number and 'timeout' and 'retry' numbers of seconds.\n"


def check(
    q_cluster: object, apps: tuple[str, ...] = ("django_prodserver", "django_q")
) -> subprocess.CompletedProcess[str]:
    code = SETUP.format(apps=list(apps), q_cluster=q_cluster)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("q_cluster", "raised"),
    [
        (
            {"name": "t", "workers": "two", "orm": "default"},
            "ValueError: invalid literal for int() with base 10: 'two'",
        ),
        (["orm"], "AttributeError: 'list' object has no attribute 'get'"),
    ],
)
def test_a_q_cluster_that_crashes_django_q2s_import_is_one_line(q_cluster: object, raised: str) -> None:
    done = check(q_cluster)

    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"(prodserver.E142) settings.Q_CLUSTER cannot be read by django-q2, which reads it when Django imports its app ({raised}).\n"
        + HINT
    )


def test_a_q_cluster_django_q2_reads_passes() -> None:
    done = check({"name": "t", "workers": 2, "orm": "default", "timeout": 10, "retry": 20})

    assert done.returncode == 0, done.stderr
    assert "E142" not in done.stderr


@pytest.mark.parametrize(
    ("broker", "fault"),
    [
        ("nosuch.Broker", "is 'nosuch.Broker', whose module 'nosuch' cannot be found"),
        (
            "collections.OrderedDict",
            "is 'collections.OrderedDict', which is not a django-q2 broker class (a subclass of django_q.brokers.Broker)",
        ),
    ],
)
def test_a_broker_class_that_is_no_broker_is_e065(broker: str, fault: str) -> None:
    cluster: dict[str, Any] = {"orm": "default", "timeout": 10, "broker_class": broker}
    with override_settings(Q_CLUSTER=cluster):
        found = [
            (p.message, p.hint)
            for p in validate_process("q", {"BACKEND": "django_prodserver.backends.django_q2.DjangoQ2Worker"}).problems
            if p.id == "prodserver.E065"
        ]
    assert found == [
        (
            f"PRODUCTION_PROCESSES['q'] reads Q_CLUSTER['broker_class'], which {fault}; the process would fail to start.",
            "Name the dotted path of a subclass of django_q.brokers.Broker.",
        )
    ]
    with override_settings(Q_CLUSTER={**cluster, "broker_class": "django_q.brokers.orm.ORM"}):
        assert "prodserver.E065" not in [
            p.id
            for p in validate_process("q", {"BACKEND": "django_prodserver.backends.django_q2.DjangoQ2Worker"}).problems
        ]
