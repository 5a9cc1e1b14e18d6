"""FlowerArgs cannot drift from Flower: each field is one of its tornado options, of the same type and default.

The contract tests (``tests/contract``) pin the set of names; these pin what each option is, the
rules' copies of Flower's two validators, and the rendering of every kind of value.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from django_prodserver.args.describe import choices, is_repeatable, item_type
from django_prodserver.backends.celery import CeleryFlower, FlowerArgs
from django_prodserver.backends.celery.flower_rules import valid_auth
from django_prodserver.backends.listening import Listener

TORNADO_TYPES = {bool: bool, int: int, float: float, str: str, Path: str, SecretStr: str}
CELERY_GLOBALS = {"broker", "result_backend", "loader", "config", "workdir", "quiet"}
COMMA_TEXT = {"tasks_columns"}
"""A text tornado does not split, which Flower splits at commas: a list here, written comma-joined."""
FLOWER_FIELDS = [field for field in FlowerArgs.model_fields if field not in CELERY_GLOBALS]


@pytest.fixture(scope="module")
def tornado_options() -> dict[str, Any]:
    import flower.options  # type: ignore[import-untyped]  # noqa: F401  # defines Flower's options
    from tornado.options import options

    return {option.name: option for option in options._options.values()}


@pytest.mark.parametrize("field", FLOWER_FIELDS)
def test_each_field_is_a_tornado_option_of_the_same_type(field: str, tornado_options: dict[str, Any]) -> None:
    info = FlowerArgs.model_fields[field]
    known = tornado_options[field]
    ours = item_type(info)[0]
    expected = str if choices(info) else TORNADO_TYPES[ours]
    assert (expected, is_repeatable(info) and field not in COMMA_TEXT) == (known.type, known.multiple)
    assert FlowerArgs.options()[field].cli == field.replace("_", "-")


@pytest.mark.parametrize("field", FLOWER_FIELDS)
def test_defaults_are_flowers(field: str, tornado_options: dict[str, Any]) -> None:
    """A set default is Flower's; an unset one (None) leaves Flower's, which the description names."""
    default = FlowerArgs.model_fields[field].default
    known = tornado_options[field].default
    if default is not None:
        assert default == known
    description = FlowerArgs.model_fields[field].description or ""
    named = re.search(r"\((?:Flower|tornado): ([^)]+)\)", description)
    if named and default is None and not isinstance(known, str):
        assert float(named.group(1)) == known


@pytest.mark.parametrize(
    "pattern",
    ["a@x.org", "a@x.org|b@x.org", ".*@x.org", "a*@x.org", "*@*.org", "a|*@x.org", "**@x.org", "", "x@y@*.org"],
)
def test_the_auth_rule_is_flowers(pattern: str) -> None:
    from flower.utils.authentication import validate_auth_option  # type: ignore[import-untyped]

    assert valid_auth(pattern) == validate_auth_option(pattern)


@pytest.mark.parametrize(
    "url", ["http://guest:guest@localhost:15672/api/", "https://h/api", "localhost:15672/api/", "ftp://h/", "http://"]
)
def test_the_broker_api_rule_is_flowers(url: str) -> None:
    from flower.utils.broker import validate_broker_api  # type: ignore[import-untyped]

    try:
        validate_broker_api(url)
        accepted = True
    except ValueError:
        accepted = False
    args = FlowerArgs.model_validate({"broker-api": url, "basic-auth": "a:b"})
    assert accepted == ("prodserver.E137" not in [p.id for p in CeleryFlower().rules(args, starting=False)])


def command(args: dict[str, Any], *, reveal: bool = False) -> list[str]:
    backend = CeleryFlower(APP="proj.celery.app")
    return backend.command_line(FlowerArgs.model_validate(args), reveal_secrets=reveal)


def test_the_command_line_writes_tornados_form_and_masks_secrets() -> None:
    args = {
        "broker": "memory://",
        "port": "5556",
        "basic_auth": ["a:b", "c:d"],
        "debug": False,
        "persistent": "true",
        "url-prefix": "-flower",
        "task-runtime-metric-buckets": "0.5,inf",
        "cookie-secret": "s3",
    }
    assert command(args) == [
        "celery",
        "-A",
        "proj.celery.app",
        "--broker",
        "********",
        "flower",
        "--port=5556",
        "--url-prefix=-flower",
        "--basic-auth=********",
        "--cookie-secret=********",
        "--task-runtime-metric-buckets=0.5,inf",
        "--persistent=true",
        "--debug=false",
    ]
    revealed = command(args, reveal=True)
    assert (revealed[8], revealed[9]) == ("--basic-auth=a:b,c:d", "--cookie-secret=s3")


def test_unset_options_are_not_passed_so_flowerconfig_still_applies() -> None:
    assert command({}) == ["celery", "-A", "proj.celery.app", "flower"]


@pytest.mark.parametrize(
    ("args", "listener"),
    [
        ({}, Listener("port", "tcp", "0.0.0.0:5555")),
        ({"address": "127.0.0.1", "port": 0}, Listener("port", "tcp", "127.0.0.1:0")),
        ({"address": "::1"}, Listener("port", "tcp", "[::1]:5555")),
        ({"unix-socket": "/run/flower.sock", "port": 5556}, Listener("unix_socket", "unix", "unix:/run/flower.sock")),
    ],
)
def test_listeners(args: dict[str, Any], listener: Listener) -> None:
    assert CeleryFlower().listeners(FlowerArgs.model_validate(args)) == (listener,)


def test_the_3_0_path_names_the_same_class() -> None:
    from django_prodserver.backends.servers.flower import CeleryFlower as Compat
    from django_prodserver.registry import COMPAT_PATHS

    assert Compat is CeleryFlower
    assert COMPAT_PATHS["django_prodserver.backends.servers.flower.CeleryFlower"].endswith("celery.CeleryFlower")


def test_the_option_table_shows_a_list_of_numbers() -> None:
    from django_prodserver.effective import value_text

    args = FlowerArgs.model_validate({"task-runtime-metric-buckets": [0.5, "inf"]})
    assert value_text(args.task_runtime_metric_buckets) == "0.5 inf"  # type: ignore[arg-type]
