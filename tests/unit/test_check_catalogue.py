"""The catalogue of check IDs cannot drift from the code: complete, unique, and every example works."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import override_settings

import django_prodserver
from django_prodserver.checks import check_production_processes, check_production_processes_deploy, validating_start
from django_prodserver.checks.catalogue import CATALOGUE, CheckInfo
from django_prodserver.problems import Severity
from django_prodserver.rules import environment
from tests.unit.test_checks import in_tmp  # noqa: F401  (the files the examples name)

SOURCE = Path(django_prodserver.__file__).parent
# IDs that never come back, even after their check is removed.  None retired yet.
RETIRED: set[str] = set()
# IDs whose example shows on one platform or Python version: the test pretends to run there.
MACHINE: dict[str, tuple[str, Callable[[], object]]] = {
    "prodserver.E061": ("on_windows", lambda: False),
    "prodserver.E062": ("on_windows", lambda: True),
    "prodserver.W060": ("python_version", lambda: (3, 12)),
}
STARTING_ONLY = {"prodserver.E050"}


def emitted_ids() -> set[str]:
    """Every check ID written in the package's source, outside the catalogue."""
    pattern = re.compile(r"prodserver\.[EW]\d{3}")
    return {
        match
        for path in SOURCE.rglob("*.py")
        if path.name != "catalogue.py"
        for match in pattern.findall(path.read_text())
    }


def test_every_emitted_id_is_catalogued() -> None:
    assert emitted_ids() <= {info.id for info in CATALOGUE}


def test_every_catalogued_id_is_emitted() -> None:
    assert {info.id for info in CATALOGUE} <= emitted_ids()


def test_ids_are_unique_and_not_retired() -> None:
    ids = [info.id for info in CATALOGUE]
    assert len(ids) == len(set(ids))
    assert not RETIRED & set(ids)


def test_severity_matches_the_id() -> None:
    for info in CATALOGUE:
        assert info.id.split(".")[1][0] == ("E" if info.severity is Severity.ERROR else "W"), info.id


@pytest.mark.usefixtures("in_tmp")
@pytest.mark.parametrize("info", [info for info in CATALOGUE if info.example is not None], ids=lambda info: info.id)
def test_example_triggers_its_id_alone(info: CheckInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    if info.id in MACHINE:
        monkeypatch.setattr(environment, *MACHINE[info.id])
    check = check_production_processes_deploy if info.deploy else check_production_processes
    with override_settings(PRODUCTION_PROCESSES=info.example):
        if info.id in STARTING_ONLY:
            with validating_start(next(iter(info.example)), {}):
                messages = check()
        else:
            messages = check()
    assert {message.id for message in messages} == {info.id}


def test_examples_are_missing_only_where_a_setting_cannot_show_the_id() -> None:
    without = {info.id for info in CATALOGUE if info.example is None}
    assert without == {
        "prodserver.E009",  # a backend whose constructor raises
        "prodserver.E012",  # a backend whose own rules raise
        "prodserver.E030",  # a backend model's own validator
        "prodserver.E060",  # a package missing from this machine
        "prodserver.E063",  # ASGI_APPLICATION / WSGI_APPLICATION, not PRODUCTION_PROCESSES
    }
