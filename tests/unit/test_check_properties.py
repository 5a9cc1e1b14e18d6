"""Whatever the setting holds, the check returns messages and never raises."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django_prodserver.backends.granian import GranianASGIArgs, GranianWSGIArgs
from django_prodserver.checks import check_production_processes, check_production_processes_deploy
from tests.unit.checking import starting

BACKENDS = st.sampled_from(
    [
        "django_prodserver.backends.granian.GranianASGIServer",
        "django_prodserver.backends.granian.GranianWSGIServer",
        "django_prodserver.backends.base.BaseServerBackend",
        "django_prodserver.args.GranianASGIArgs",
        "no.such.Backend",
        "",
    ]
)
# Keys the models know, so that values reach the validators and the rules, plus anything.
OPTION_KEYS = st.sampled_from(
    [
        spelling
        for model in (GranianASGIArgs, GranianWSGIArgs)
        for m in model.options().values()
        for spelling in m.spellings
    ]
)
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)
ARGS = st.dictionaries(OPTION_KEYS | st.text(max_size=10) | st.integers(), VALUES, max_size=6) | VALUES
PROCESS = st.fixed_dictionaries({"BACKEND": BACKENDS | VALUES}, optional={"ARGS": ARGS, "ARG": VALUES}) | VALUES
SETTING = st.dictionaries(st.text(max_size=5) | st.integers(), PROCESS, max_size=3) | VALUES


def all_messages(setting: object) -> list[CheckMessage]:
    with override_settings(PRODUCTION_PROCESSES=setting):
        return [*check_production_processes(), *check_production_processes_deploy()]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SETTING)
def test_any_setting_gives_messages(setting: object) -> None:
    for message in all_messages(setting):
        assert isinstance(message, CheckMessage)
        assert str(message.id).startswith("prodserver.")
        assert "\n" not in message.msg


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BACKENDS, ARGS, st.dictionaries(OPTION_KEYS, st.text(max_size=10) | st.lists(st.text(max_size=5)), max_size=3))
def test_any_args_and_overrides_give_messages(backend: str, args: Any, overrides: dict[str, object]) -> None:
    setting = {"web": {"BACKEND": backend, "ARGS": args}}
    with starting("web", setting, overrides):
        for message in all_messages(setting):
            assert isinstance(message, CheckMessage)
            assert "\n" not in message.msg


def test_a_value_that_cannot_be_shown_nor_coerced() -> None:
    # Python refuses to turn an int of more than 4300 digits into text.
    (message,) = all_messages(
        {
            "web": {
                "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
                "ARGS": {"http": 10**5000, "workers-kill-timeout": 30},
            }
        }
    )
    assert (
        message.msg
        == "PRODUCTION_PROCESSES['web']['ARGS']['http'] is <int>, which GranianASGIServer rejects (value_error)."
    )
