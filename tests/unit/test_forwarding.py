"""The one walker of the options that reach a tool, and each way a tool differs (``Forwarding``), on real models."""

from __future__ import annotations

from django_prodserver.args.forwarding import Forwarding, forwarded
from django_prodserver.backends.django_runserver import RunserverArgs
from django_prodserver.backends.granian import GranianASGIArgs

GIVEN = GranianASGIArgs.model_validate(
    {"workers": 2, "reload-paths": [], "threads": 4, "ssl-cert": None, "log-access": True}
)


def fields(args: object, forwarding: Forwarding) -> list[str]:
    assert isinstance(args, (GranianASGIArgs, RunserverArgs))
    return [option.field for option in forwarded(args, forwarding)]


def test_what_the_user_set_in_declaration_order_without_none_nor_an_empty_list() -> None:
    # threads has no flag (an ASGI server's threads); ssl-cert None is the tool's own default.
    assert fields(GIVEN, Forwarding()) == ["workers", "log_access"]


def test_an_empty_list_is_a_value_to_some_tools() -> None:
    assert fields(GIVEN, Forwarding(empty_lists=True)) == ["workers", "log_access", "reload_paths"]


def test_options_without_a_flag_reach_a_launch_that_sets_them() -> None:
    assert fields(GIVEN, Forwarding(flags_only=False)) == ["workers", "log_access", "threads"]


def test_the_defaults_this_package_fixes_reach_the_tool_unset() -> None:
    assert fields(GranianASGIArgs(), Forwarding()) == []
    fixed = ["address", "port", "backlog", "http", "workers", "log_level", "log_access", "blocking_threads"]
    assert fields(GranianASGIArgs(), Forwarding(fixed_defaults=True)) == fixed
    # A fixed default without a flag stays out even when the launch sets options no flag gives.
    assert "threads" not in fields(GranianASGIArgs(), Forwarding(fixed_defaults=True, flags_only=False))


def test_a_command_that_takes_only_what_differs_from_the_default() -> None:
    args = RunserverArgs.model_validate({"ipv6": False, "nothreading": True})
    assert fields(args, Forwarding()) == ["ipv6", "nothreading"]
    assert fields(args, Forwarding(defaults=False)) == ["nothreading"]


def test_fields_the_renderer_renders_apart() -> None:
    assert fields(GIVEN, Forwarding(apart=frozenset({"workers"}))) == ["log_access"]
    assert "port" not in fields(GranianASGIArgs(), Forwarding(fixed_defaults=True, apart=frozenset({"port"})))
