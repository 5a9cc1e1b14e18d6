"""The gunicorn model is gunicorn 27's settings registry: every name, flag, default and bound, pinned.

When gunicorn changes a setting these fail; run ``python -m tests.tools.gunicorn_model`` and review.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from annotated_types import Ge, Le
from gunicorn import config  # type: ignore[import-untyped]
from gunicorn.workers import SUPPORTED_WORKERS  # type: ignore[import-untyped]

from django_prodserver.args.describe import choices
from django_prodserver.backends.gunicorn.hooks import HOOKS
from django_prodserver.backends.gunicorn.kinds import BUILTIN_WORKERS
from django_prodserver.backends.gunicorn.options import GunicornArgs
from django_prodserver.backends.gunicorn.rendering import Invocation, _setting_value, settings
from tests.tools.gunicorn_model import DECIDED

SETTINGS = {setting.name: setting for setting in config.KNOWN_SETTINGS}
OPTIONS = GunicornArgs.options()
# gunicorn computes these defaults (from the environment, the user, the directory): None leaves them to it.
COMPUTED = {"chdir", "user", "group", "control_socket", "forwarded_allow_ips", "proxy_allow_ips", "uwsgi_allow_ips"}
# Defaults the common options fix for every backend (the documented ones), unlike gunicorn's.
COMMON_DEFAULTS = {"backlog": 1024}


def field_of(setting: str) -> str:
    found = [field for field, meta in OPTIONS.items() if setting in meta.spellings or meta.server == setting]
    if setting == "sendfile":
        return "sendfile"
    assert len(found) == 1, (setting, found)
    return found[0]


def test_the_registry_has_the_settings_the_model_was_written_from() -> None:
    assert len(SETTINGS) == 120
    assert sum(1 for setting in SETTINGS.values() if setting.cli) == 95


@pytest.mark.parametrize("name", sorted(set(SETTINGS) - DECIDED - {"default_proc_name", "accesslog", "bind"}))
def test_every_setting_is_an_option_under_its_name_and_flag(name: str) -> None:
    setting = SETTINGS[name]
    meta = OPTIONS[field_of(name)]
    if name != "sendfile":
        assert name in meta.spellings or name.replace("_", "-") in meta.spellings
    flags = [flag[2:] for flag in setting.cli or () if flag.startswith("--")]
    if name == "sendfile":
        # gunicorn's flag means the opposite of its setting: a field of its own.
        assert OPTIONS["no_sendfile"].cli == "no-sendfile"
    else:
        assert meta.cli == (flags[0] if flags else None)
        assert set(flags) <= set(meta.spellings)


def test_the_decided_settings_are_not_options() -> None:
    for name in DECIDED | {"default_proc_name"}:
        assert GunicornArgs.field_for(name) is None, name


@pytest.mark.parametrize(
    "name", sorted(set(SETTINGS) - DECIDED - {"default_proc_name", "sendfile", "accesslog", "bind"})
)
def test_defaults_are_gunicorns(name: str) -> None:
    """A default is gunicorn's own, or None: the option is then not passed and gunicorn computes it."""
    args = GunicornArgs()
    field = field_of(name)
    default = GunicornArgs.model_fields[field].default
    passed = settings(Invocation("demo.wsgi:application", args))
    if default is None:
        assert name not in passed
        return
    ours = SETTINGS[name].validator(_setting_value(args, field, default))
    expected = COMMON_DEFAULTS.get(name, SETTINGS[name].validator(SETTINGS[name].default))
    assert ours == expected
    assert name not in COMPUTED


@pytest.mark.parametrize(
    ("name", "low", "high"),
    [
        (name, 0, None)
        for name, setting in SETTINGS.items()
        if setting.validator.__name__ == "validate_pos_int" and name not in DECIDED
    ],
)
def test_integer_bounds_are_at_least_gunicorns(name: str, low: int, high: int | None) -> None:
    info = GunicornArgs.model_fields[field_of(name)]
    lower = next(item.ge for item in info.metadata if isinstance(item, Ge))
    assert lower >= low
    with pytest.raises(ValueError, match="positive"):
        SETTINGS[name].validator(-1)


def test_http2_bounds_are_gunicorns() -> None:
    def bounds(field: str) -> tuple[object, object]:
        metadata = GunicornArgs.model_fields[field].metadata
        return (
            next((item.ge for item in metadata if isinstance(item, Ge)), None),
            next((item.le for item in metadata if isinstance(item, Le)), None),
        )

    assert bounds("http2_max_frame_size") == (16384, 16777215)
    assert bounds("http2_initial_window_size") == (0, 2**31 - 1)
    assert bounds("http2_max_concurrent_streams") == (1, None)
    with pytest.raises(ValueError, match="between 16384 and 16777215"):
        config.validate_http2_frame_size(16383)
    with pytest.raises(ValueError, match="at most 2147483647"):
        config.validate_http2_window_size(2**31)
    with pytest.raises(ValueError, match="at least 1"):
        config.validate_http2_stream_limit(0)


@pytest.mark.parametrize(
    ("field", "validator"),
    [
        ("http2_cleartext", config.validate_http2_cleartext),
        ("proxy_protocol", config.validate_proxy_protocol),
        ("header_map", config.validate_header_map_behaviour),
        ("asgi_loop", config.validate_asgi_loop),
        ("asgi_lifespan", config.validate_asgi_lifespan),
        ("http_parser", config.validate_http_parser),
        ("reload_engine", config.validate_reload_engine),
        ("http_protocols", config.validate_http_protocols),
    ],
)
def test_choices_are_what_gunicorn_accepts(field: str, validator: Any) -> None:
    accepted = choices(GunicornArgs.model_fields[field])
    for choice in accepted:
        assert validator(choice) in (choice, [choice])
    with pytest.raises((ValueError, config.ConfigError)):
        validator("nonsense")


def test_choices_cover_gunicorns() -> None:
    from gunicorn.reloader import reloader_engines  # type: ignore[import-untyped]

    assert set(choices(GunicornArgs.model_fields["reload_engine"])) == set(reloader_engines)
    assert set(choices(GunicornArgs.model_fields["http_protocols"])) == set(config.VALID_HTTP_PROTOCOLS)
    assert set(choices(GunicornArgs.model_fields["log_level"])) == set(
        __import__("gunicorn.glogging").glogging.Logger.LOG_LEVELS
    )


def test_hooks_have_gunicorns_arity() -> None:
    hooks = {name for name, setting in SETTINGS.items() if setting.section in {"Server Hooks", "Dirty Arbiter Hooks"}}
    assert set(HOOKS) == hooks
    for name in hooks:
        validator = SETTINGS[name].validator
        if validator.__name__ == "validate_post_request":
            assert HOOKS[name].arity == -1
            continue
        [cell] = [cell.cell_contents for cell in validator.__closure__ or () if isinstance(cell.cell_contents, int)]
        assert HOOKS[name].arity == cell, name
        assert len(inspect.signature(SETTINGS[name].default).parameters) == cell


def test_builtin_workers_are_gunicorns() -> None:
    assert BUILTIN_WORKERS == SUPPORTED_WORKERS
