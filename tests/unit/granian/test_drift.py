"""The ARGS models against Granian's own click command: a Granian upgrade that adds, removes
or changes an option fails here instead of drifting silently.

Deliberate differences are listed below, each with its reason.
"""

from __future__ import annotations

import typing
from enum import Enum
from typing import Any

import click
import pytest
from annotated_types import Ge, Le
from granian.cli import cli

from django_prodserver.backends.granian import GranianArgs, GranianASGIArgs, GranianWSGIArgs

MODELS = pytest.mark.parametrize("model", [GranianASGIArgs, GranianWSGIArgs], ids=["asgi", "wsgi"])

# Chosen by the backend, not by ARGS: the Django application and the interface.
NOT_OPTIONS = {"app", "interface", "version"}

# Ranges Granian's CLI does not check but we do, so that `manage.py check` reports the
# mistake instead of the socket or chmod call failing at start.
OUR_RANGES = {
    "port": (0, 65535),
    "metrics-port": (0, 65535),
    "uds-permissions": (0, 0o7777),
    # The upper bounds of the types Granian's Rust core holds these in (see options.py), and
    # RFC 9113's ranges for the HTTP/2 settings: Granian's CLI checks only a minimum.
    "backlog": (128, 2**31 - 1),
    "http2-initial-connection-window-size": (1024, 2**31 - 1),
    "http2-initial-stream-window-size": (1024, 2**31 - 1),
    "http2-max-concurrent-streams": (10, 2**32 - 1),
    "http2-max-frame-size": (2**14, 2**24 - 1),
    "http2-max-headers-size": (1, 2**32 - 1),
    "http2-max-send-buffer-size": (1024, 2**32 - 1),
    # Found by starting real Granian one above each edge (tests/integration/test_red_team.py).
    "workers": (1, 2**22),
    "runtime-threads": (1, 2**22),
    "runtime-blocking-threads": (1, 2**64 - 1 - 2**22),
    "blocking-threads": (1, 2**64 - 1),
    "backpressure": (1, 2**61 - 1),
    "http1-buffer-size": (8192, 2**64 - 1),
    "http2-keep-alive-timeout": (1, 2**62),
    "respawn-interval": (0, 2**33),
    "workers-lifetime": (60, 2**33),
    "workers-max-rss": (1, (2**64 - 1) >> 20),
}

# The documented setting format's defaults, always passed to Granian (log-access and the
# blocking threads differ from Granian's own defaults on purpose).
DOCUMENTED_DEFAULTS = {
    "address": "127.0.0.1",
    "port": 8000,
    "workers": 1,
    "threads": 1,
    "blocking-threads": 1,
    "backlog": 1024,
    "http": "auto",
    "log-level": "info",
    "log-access": True,
    "ssl-cert": None,
    "ssl-key": None,
}

GRANIAN_DEFAULTS = cli.make_context("granian", ["app"]).params
GRANIAN_OPTIONS = {param.opts[0].removeprefix("--"): param for param in cli.params if param.name not in NOT_OPTIONS}


def fields_for(model: type[GranianArgs], flag: str) -> list[str]:
    return [field for field, meta in model.options().items() if meta.cli == flag]


def field_of(model: type[GranianArgs], flag: str) -> str:
    [field] = fields_for(model, flag)
    return field


def our_range(model: type[GranianArgs], field: str) -> tuple[Any, Any]:
    metadata = model.model_fields[field].metadata
    low = next((item.ge for item in metadata if isinstance(item, Ge)), None)
    high = next((item.le for item in metadata if isinstance(item, Le)), None)
    return low, high


def granian_range(param: click.Parameter) -> tuple[Any, Any]:
    # Granian's Duration is an IntRange: both carry .min and .max.
    return (param.type.min, param.type.max) if isinstance(param.type, click.IntRange) else (None, None)


def plain(value: Any) -> Any:
    """A click default in the form the models use: enum values, lists for repeated options."""
    if isinstance(value, Enum):
        return value.value
    return list(value) if isinstance(value, tuple) else value


def literal_choices(model: type[GranianArgs], field: str) -> list[str] | None:
    annotation = model.model_fields[field].annotation
    return list(typing.get_args(annotation)) if typing.get_origin(annotation) is typing.Literal else None


@MODELS
@pytest.mark.parametrize("flag", sorted(GRANIAN_OPTIONS))
def test_each_granian_option_has_exactly_one_field(model: type[GranianArgs], flag: str) -> None:
    assert len(fields_for(model, flag)) == 1


@MODELS
def test_each_field_is_a_granian_option(model: type[GranianArgs]) -> None:
    unknown = {meta.cli for meta in model.options().values() if meta.cli is not None} - set(GRANIAN_OPTIONS)
    assert unknown == set()


def test_only_the_asgi_threads_field_has_no_granian_option() -> None:
    assert [field for field, meta in GranianASGIArgs.options().items() if meta.cli is None] == ["threads"]
    assert [field for field, meta in GranianWSGIArgs.options().items() if meta.cli is None] == []


@MODELS
@pytest.mark.parametrize("flag", sorted(GRANIAN_OPTIONS))
def test_choices_match(model: type[GranianArgs], flag: str) -> None:
    param = GRANIAN_OPTIONS[flag]
    granian_choices = list(param.type.choices) if isinstance(param.type, click.Choice) else None
    assert literal_choices(model, field_of(model, flag)) == granian_choices


@MODELS
@pytest.mark.parametrize("flag", sorted(GRANIAN_OPTIONS))
def test_ranges_match(model: type[GranianArgs], flag: str) -> None:
    expected = OUR_RANGES.get(flag, granian_range(GRANIAN_OPTIONS[flag]))
    assert our_range(model, field_of(model, flag)) == expected


@pytest.mark.parametrize("flag", sorted(OUR_RANGES))
def test_our_extra_ranges_are_still_unchecked_by_granian(flag: str) -> None:
    # Granian's CLI has no upper bound for these (a release that adds one must be read again).
    assert granian_range(GRANIAN_OPTIONS[flag])[1] is None


@MODELS
@pytest.mark.parametrize("flag", sorted(GRANIAN_OPTIONS))
def test_flags_and_repeated_options_match(model: type[GranianArgs], flag: str) -> None:
    param = GRANIAN_OPTIONS[flag]
    annotation = model.model_fields[field_of(model, flag)].annotation
    assert isinstance(param, click.Option)
    assert (annotation is bool, typing.get_origin(annotation) is list) == (param.is_flag, param.multiple)


def undocumented_flags(model: type[GranianArgs]) -> list[str]:
    """Granian's flags whose default the documented setting format does not fix, for ``model``."""
    return [flag for flag in sorted(GRANIAN_OPTIONS) if not model.options()[field_of(model, flag)].documented]


@pytest.mark.parametrize(
    ("model", "flag"),
    [(model, flag) for model in (GranianASGIArgs, GranianWSGIArgs) for flag in undocumented_flags(model)],
)
def test_defaults_of_undocumented_options_are_granians(model: type[GranianArgs], flag: str) -> None:
    field = field_of(model, flag)
    assert model.model_fields[field].default == plain(GRANIAN_DEFAULTS[GRANIAN_OPTIONS[flag].name])


@MODELS
def test_documented_defaults_are_the_original_pages(model: type[GranianArgs]) -> None:
    documented = {
        meta.name: model.model_fields[field].default for field, meta in model.options().items() if meta.documented
    }
    if model is GranianASGIArgs:
        # Accepted as documented but ignored in ASGI mode, where only blocking-threads counts.
        expected = DOCUMENTED_DEFAULTS | {"threads": None}
    else:
        # In WSGI mode `threads` is Granian's --blocking-threads; there is no second field.
        expected = {name: value for name, value in DOCUMENTED_DEFAULTS.items() if name != "blocking-threads"}
    assert documented == expected


def test_the_wsgi_threads_are_granians_blocking_threads() -> None:
    assert GranianWSGIArgs.options()["threads"].cli == "blocking-threads"
    assert "blocking_threads" not in GranianWSGIArgs.model_fields
