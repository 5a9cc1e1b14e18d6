"""The catalogue of check IDs cannot drift from the code: complete, unique, and every example works."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import override_settings

import django_prodserver
from django_prodserver.catalogue import Example, all_examples, catalogue
from django_prodserver.checks import check_production_processes, check_production_processes_deploy
from django_prodserver.problems import Severity
from tests.catalogue import example_files, problems_of, shown
from tests.unit.checking import starting

SOURCE = Path(django_prodserver.__file__).parent
# IDs that never come back, even after their check is removed.  None retired yet.
RETIRED: set[str] = set()
CATALOGUE = catalogue()


def emitted_ids() -> set[str]:
    """Every check ID written in the package's source, outside the catalogues."""
    pattern = re.compile(r"prodserver\.[EW]\d{3}")
    return {
        match
        for path in SOURCE.rglob("*.py")
        if path.name != "catalogue.py"
        for match in pattern.findall(path.read_text())
    }


def test_every_emitted_id_is_catalogued() -> None:
    assert emitted_ids() <= {example.id for example in CATALOGUE}


def test_every_catalogued_id_is_emitted() -> None:
    assert {example.id for example in all_examples()} <= emitted_ids()


def test_ids_are_unique_and_not_retired() -> None:
    ids = [example.id for example in CATALOGUE]
    assert len(ids) == len(set(ids))
    assert not RETIRED & set(ids)


@pytest.fixture(scope="module")
def in_example_files() -> object:
    with example_files() as directory:
        yield directory


@pytest.mark.usefixtures("in_example_files")
@pytest.mark.parametrize("example", [e for e in all_examples() if e.setting is not None], ids=lambda e: e.id)
def test_example_shows_its_id_alone(example: Example) -> None:
    assert {problem.id for problem in problems_of(example)} == {example.id}


@pytest.mark.usefixtures("in_example_files")
@pytest.mark.parametrize("example", [e for e in all_examples() if e.twin is not None], ids=lambda e: e.id)
def test_twin_shows_nothing(example: Example) -> None:
    assert problems_of(example, twin=True) == []


@pytest.mark.parametrize("example", CATALOGUE, ids=lambda e: e.id)
def test_severity_matches_the_id(example: Example) -> None:
    with example_files():
        problem = shown(example)
    assert problem.id == example.id
    assert problem.id.split(".")[1][0] == ("E" if problem.severity is Severity.ERROR else "W")


def test_examples_are_missing_only_where_a_setting_cannot_show_the_id() -> None:
    without = {example.id for example in CATALOGUE if example.setting is None}
    assert without == {
        "prodserver.E009",  # a backend whose constructor raises
        "prodserver.E012",  # a backend whose own rules raise
        "prodserver.E030",  # a backend model's own validator
        "prodserver.E062",  # Windows
        "prodserver.W060",  # Python 3.12+ (the main run is 3.11)
        "prodserver.E063",  # ASGI_APPLICATION / WSGI_APPLICATION, not PRODUCTION_PROCESSES
        "prodserver.E142",  # Q_CLUSTER that django-q2 cannot read: said while Django imports the apps
    }


@pytest.mark.usefixtures("in_example_files")
def test_the_django_check_shows_the_examples() -> None:
    """The same messages through Django's check framework, as ``manage.py check`` prints them."""
    for example in CATALOGUE:
        if example.setting is None or example.pretend:
            continue
        check = check_production_processes_deploy if example.deploy else check_production_processes
        with override_settings(PRODUCTION_PROCESSES=example.setting):
            if example.starting:
                with starting(next(iter(example.setting)), example.setting):
                    messages = check()
            else:
                messages = check()
        assert [message.msg for message in messages] == [shown(example).message], example.id
