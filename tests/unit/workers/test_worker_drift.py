"""The worker models' defaults are the tools' own: db_worker's parser, and django-q2's ``Conf``.

A default the model states is what ``--dry-run``, the docs and the rules take the tool to do when
the option is not given; one that differs from the tool's says the tool does what it does not.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from typing import Any

import pytest

from django_prodserver.backends.django_q2.options import QClusterSettings
from django_prodserver.backends.django_tasks import DjangoTasksArgs
from tests.contract.workers import manage_parse


def db_worker_defaults() -> dict[str, Any]:
    """What db_worker's own parser gives each option when none is given (read in the workers' project)."""
    return manage_parse(["python", "manage.py", "db_worker"])


def q_cluster_defaults() -> dict[str, Any]:
    """``conf.get(key, default)`` of django-q2's ``Conf``, read from its source: the class reads the settings."""
    spec = importlib.util.find_spec("django_q.conf")
    assert spec is not None
    assert spec.origin is not None
    defaults: dict[str, Any] = {}
    for node in ast.walk(ast.parse(Path(spec.origin).read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and (node.func.value.id, node.func.attr) == ("conf", "get")
            and len(node.args) == 2
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            try:
                defaults[node.args[0].value] = ast.literal_eval(node.args[1])
            except ValueError:  # computed from another setting (cluster_name from name)
                continue
    return defaults


Q2_STATED = [f for f, info in QClusterSettings.model_fields.items() if info.default is not None]


def test_db_worker_switches_default_as_db_worker() -> None:
    defaults = db_worker_defaults()
    # --batch is store_true; --no-startup-delay is store_false into startup_delay.
    assert DjangoTasksArgs.model_fields["batch"].default is defaults["batch"] is False
    assert DjangoTasksArgs.model_fields["no_startup_delay"].default is (not defaults["startup_delay"]) is False
    stated = {f for f, info in DjangoTasksArgs.model_fields.items() if info.default is not None}
    assert stated == {"batch", "no_startup_delay"}, "a new stated default: compare it with db_worker's here"


@pytest.mark.parametrize("field", [f for f in Q2_STATED if f in q_cluster_defaults()])
def test_q_cluster_defaults_are_django_q2s(field: str) -> None:
    assert QClusterSettings.model_fields[field].default == q_cluster_defaults()[field]


def test_the_q_cluster_defaults_compared_include_the_switches() -> None:
    compared = {f for f in Q2_STATED if f in q_cluster_defaults()}
    assert {"daemonize_workers", "catch_up", "scheduler", "recycle", "label"} <= compared
