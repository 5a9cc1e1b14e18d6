"""runserver_plus' model states runserver_plus' own defaults: each option, read from its parser."""

from __future__ import annotations

from argparse import Action, ArgumentParser
from typing import Any

import pytest

from django_prodserver.backends.werkzeug import WerkzeugRunserverArgs


@pytest.fixture(scope="module")
def parser() -> ArgumentParser:
    from django_extensions.management.commands.runserver_plus import Command

    built: ArgumentParser = Command().create_parser("manage.py", "runserver_plus")
    return built


def action(parser: ArgumentParser, cli: str) -> Action:
    return next(a for a in parser._actions if f"--{cli}" in a.option_strings or a.dest == cli)


PASSED_ON = [
    field
    for field, meta in WerkzeugRunserverArgs.options().items()
    if meta.cli is not None and WerkzeugRunserverArgs.model_fields[field].default is not None
]


@pytest.mark.parametrize("field", PASSED_ON)
def test_each_default_is_runserver_plus_default(parser: ArgumentParser, field: str) -> None:
    cli = WerkzeugRunserverArgs.options()[field].cli
    assert cli is not None
    given = action(parser, cli)
    default: Any = WerkzeugRunserverArgs.model_fields[field].default
    unset = vars(parser.parse_args([]))[given.dest]
    if isinstance(given.const, bool):
        # A flag: its default says whether runserver_plus behaves, unflagged, as if it were given.
        flagged = vars(parser.parse_args([f"--{cli}"]))[given.dest]
        assert default is (unset == flagged)
    else:
        assert default == unset


def test_the_flags_compared_include_the_off_switches() -> None:
    assert {"browser", "print_sql_location", "nothreading", "threaded", "noreload", "nopin"} <= set(PASSED_ON)
