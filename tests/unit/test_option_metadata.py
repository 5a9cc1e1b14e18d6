"""What ``option()`` records of an option: its group (a closed vocabulary), and its typed facts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

import pytest
from django.utils.module_loading import import_string

from django_prodserver.args.argv import flags
from django_prodserver.args.base import BackendArgs, OptionMeta, ToolSpec, option
from django_prodserver.args.deploy import Deploy
from django_prodserver.args.forwarding import Forwarded
from django_prodserver.args.groups import GROUPS, Group
from django_prodserver.args.platform import Platform
from django_prodserver.backends.celery.options import GlobalOption
from django_prodserver.backends.django_q2.options import QClusterSettings
from django_prodserver.backends.django_runserver.options import CommandArgument
from django_prodserver.backends.gunicorn.hooks import Hook
from django_prodserver.registry import BUILTIN_BACKENDS

MODELS: list[type[BackendArgs]] = [
    *dict.fromkeys(import_string(path).args_model for path in BUILTIN_BACKENDS),
    Deploy,
    Platform,
    QClusterSettings,
]


def every_option() -> list[OptionMeta]:
    return [meta for model in MODELS for meta in model.options().values()]


def test_every_group_has_its_meaning_and_an_option() -> None:
    """The vocabulary is the one the options use: no group without a meaning, none that no option is in."""
    assert list(GROUPS) == list(get_args(Group))
    assert all(meaning.strip() for meaning in GROUPS.values())
    assert {meta.group for meta in every_option()} == set(GROUPS)


def test_a_model_with_an_unknown_group_fails_where_it_is_defined() -> None:
    """A third-party backend is not type-checked: its model is refused when its class is built."""
    group: Any = "tls"  # TLS is the group: a variant spelling is refused, not a second group.
    with pytest.raises(TypeError, match=r"^Odd\.when is in group 'tls', which is not one of args\.groups\.GROUPS$"):

        class Odd(BackendArgs):
            when: int = option(0, "An option", cli="when", group=group)


def test_documented_names_are_the_keys_and_mark_their_defaults_passed() -> None:
    class Model(BackendArgs):
        log_level: str = option("info", "Log level", cli="loglevel", documented="log-level", group="logging")
        loglevel_color: bool = option(False, "Colours", cli="loglevel-color", group="logging")

    documented, own = Model.options().values()
    assert (documented.name, documented.documented, documented.spellings[:2]) == (
        "log-level",
        True,
        ("log-level", "log_level"),
    )
    assert (own.name, own.documented) == ("loglevel-color", False)


@dataclass(frozen=True)
class Marked(ToolSpec):
    value: int


def test_a_tool_spec_is_read_back_by_its_own_kind_only() -> None:
    class Model(BackendArgs):
        marked: int = option(0, "An option", cli="marked", group="workers", tool_spec=Marked(3))
        plain: int = option(0, "An option", cli="plain", group="workers")

    marked, plain = Model.options().values()
    assert marked.tool_spec_of(Marked) == Marked(3)
    assert marked.tool_spec_of(Hook) is None
    assert plain.tool_spec_of(Marked) is None


def test_the_builtin_tool_specs_are_where_their_readers_expect_them() -> None:
    """Each backend's facts live on the options its renderer or rules read them from."""
    from django_prodserver.backends.celery.options import CeleryWorkerArgs
    from django_prodserver.backends.django_runserver.options import RunserverArgs
    from django_prodserver.backends.gunicorn.options import GunicornArgs
    from django_prodserver.backends.werkzeug.options import WerkzeugRunserverArgs

    assert RunserverArgs.options()["addrport"].tool_spec == CommandArgument(positional=True)
    assert WerkzeugRunserverArgs.options()["threaded"].tool_spec == CommandArgument(off="nothreading")
    hooks = {field: meta.tool_spec_of(Hook) for field, meta in GunicornArgs.options().items()}
    assert hooks["post_fork"] == Hook(2, "Called just after a worker has been forked (server, worker)")
    assert hooks["backlog"] is None
    celery = CeleryWorkerArgs.options()
    assert [field for field, meta in celery.items() if meta.tool_spec_of(GlobalOption)][:2] == [
        "broker",
        "result_backend",
    ]
    assert (celery["quiet"].bools, celery["concurrency"].bools) == ("on-only", "on-off")


@pytest.mark.parametrize(
    ("bools", "on", "off"),
    [("on-off", ["--x"], ["--no-x"]), ("on-only", ["--x"], []), ("valued", ["--x=true"], ["--x=false"])],
)
def test_a_boolean_is_written_as_its_option_spells_it(bools: Any, on: list[str], off: list[str]) -> None:
    class Model(BackendArgs):
        x: bool = option(False, "A switch", cli="x", group="workers", bools=bools)

    meta = Model.options()["x"]
    written = [flags([Forwarded("x", meta, value)], reveal=False) for value in (True, False)]
    assert written == [on, off]
