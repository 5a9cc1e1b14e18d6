"""The uvicorn models are uvicorn's click command (0.55; 0.54 on Python 3.10): every default and choice, pinned.

Names are pinned by the contract kit (``tests/contract/uvicorn.py``); when uvicorn changes an
option these fail: update ``native.py`` or ``options.py`` and review the rules.
"""

from __future__ import annotations

from typing import Any

import click
import pytest
from uvicorn import config
from uvicorn.main import main

from django_prodserver.args.describe import choices
from django_prodserver.backends.uvicorn import UvicornASGIArgs, UvicornWSGIArgs
from django_prodserver.backends.uvicorn.options import WSGI_THREADS

PARAMS = {param.opts[0].removeprefix("--"): param for param in main.params}
OPTIONS = {meta.cli: (field, meta) for field, meta in UvicornASGIArgs.options().items() if meta.cli is not None}
# The documented defaults, the same on every backend, and what Django needs.
OURS = {
    "backlog": 1024,
    "lifespan": "off",
    "workers": 1,
    "log-level": "info",
    "forwarded-allow-ips": ["127.0.0.1", "::1"],
}


def _default(field: str) -> Any:
    value = UvicornASGIArgs.model_fields[field].default
    return value if value != [] else None


@pytest.mark.parametrize("flag", sorted(OPTIONS))
def test_each_default_is_uvicorns_or_the_documented_one(flag: str) -> None:
    field, _ = OPTIONS[flag]
    theirs = PARAMS[flag].default
    # Nothing given: click's UNSET for a repeatable option, "" for --app-dir (no directory).
    unset = theirs == () or (flag == "app-dir" and theirs == "") or type(theirs).__name__ == "Sentinel"
    expected = OURS.get(flag, None if unset else theirs)
    assert _default(field) == expected


def test_choices_are_uvicorns() -> None:
    fields = UvicornASGIArgs.model_fields
    assert set(choices(fields["lifespan"])) == set(config.LIFESPAN)
    assert set(choices(fields["log_level"])) == set(config.LOG_LEVELS)
    assert set(choices(fields["http"])) == set(config.HTTP_PROTOCOLS)
    assert set(choices(fields["ws"])) == set(config.WS_PROTOCOLS)
    # "none" is the in-process loop_factory=None: uvicorn's command leaves it out of its choices.
    assert set(choices(fields["loop"])) == set(config.LOOP_FACTORIES) - {"none"}


def test_flags_are_flags_where_uvicorn_has_no_off_switch() -> None:
    for flag, (_, meta) in OPTIONS.items():
        param = PARAMS[flag]
        if isinstance(param, click.Option) and param.is_flag:
            assert (meta.bools == "on-only") == (param.secondary_opts == []), flag


def test_wsgi_threads_default_is_the_adapters() -> None:
    from a2wsgi import WSGIMiddleware

    assert WSGIMiddleware.__init__.__defaults__ == (WSGI_THREADS, 10)
    assert UvicornWSGIArgs.model_fields["threads"].default == WSGI_THREADS
