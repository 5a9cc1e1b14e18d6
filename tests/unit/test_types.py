"""``django_prodserver.types`` agrees with the ARGS models it is generated from."""

from __future__ import annotations

import functools
import operator
import subprocess
import sys
import types
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import pytest
import typing_extensions
from pydantic import ValidationError

from django_prodserver import types as settings_types
from django_prodserver.args.base import BackendArgs, option
from django_prodserver.args.describe import is_repeatable, item_type
from django_prodserver.backends.base import TypedBackend
from django_prodserver.registry import BUILTIN_BACKENDS
from tests.tools import typegen as _typegen

BACKENDS = _typegen.BACKENDS


def args_dict(backend: type[TypedBackend[Any]]) -> Any:
    return getattr(settings_types, _typegen.args_dict_name(backend))


def members(hint: Any) -> list[Any]:
    """The alternatives of a value type, aliases expanded: ``Integer | None`` -> [int, str, None]."""
    if get_origin(hint) in (Union, types.UnionType):
        return [member for arg in get_args(hint) for member in members(arg)]
    if get_origin(hint) is Literal:
        return [Literal[choice] for choice in get_args(hint)]
    return [None if hint is type(None) else hint]


def base_value(model: type[BackendArgs], field: str) -> Any:
    """A valid value of a scalar field: its default, or its lower bound when it has none."""
    info = model.model_fields[field]
    if info.default not in (None, []):
        return info.default
    bounds = [getattr(m, "ge", None) for m in info.metadata]
    return next((bound for bound in bounds if bound is not None), 1)


def text_sample(model: type[BackendArgs], field: str) -> str:
    """The text a user writes for a field: its default as text, a list as comma-separated choices."""
    info = model.model_fields[field]
    item = item_type(info)[0]
    if get_origin(item) is Literal:
        return ",".join(get_args(item))
    if info.default is not None and not is_repeatable(info):
        # The default as the model writes it back (octal permissions as '0600' or '600').
        return str(model.model_validate({}).model_dump(mode="json")[field])
    if is_repeatable(info):
        return str(base_value(model, field)) if info.default else "1"
    # An option whose text is an address takes no number: a host is the text a user writes there.
    return next((text for text in (str(base_value(model, field)), "127.0.0.1") if accepted(model, field, text)), "1")


def accepted(model: type[BackendArgs], field: str, value: object) -> bool:
    try:
        model.model_validate({model.options()[field].name: value})
    except ValidationError:
        return False
    return True


def samples(model: type[BackendArgs], field: str, member: Any) -> list[Any]:
    """Values of one member type of an ARGS key, as a user would write them."""
    if member is None:
        return [None]
    if get_origin(member) is Literal:
        return list(get_args(member))
    if member is bool:
        return [True, False]
    if member is str:
        return [text_sample(model, field)]
    if member in (int, float):
        return [member(base_value(model, field))]
    if member is Path:
        return [Path("/srv/app")]
    if get_origin(member) is Sequence:
        (item,) = get_args(member)
        if get_origin(item) is Literal:
            return [list(get_args(item)), tuple(get_args(item)[:1])]
        if item in (int, float) or item == float | str or item == int | str:
            number = base_value(model, field)
            return [[number, number], (number,)]
        one = Path("/srv/app") if item == str | Path else "/srv/app"
        return [[one, "/srv/other"], ("/srv/app",)]
    if get_origin(member) is Mapping:
        value_type = get_args(member)[1]
        return [{"X-Forwarded-Proto": "https"}] if value_type is str else [{"version": 1}]
    raise AssertionError(f"no samples for {member!r}")


def key_types(backend: type[TypedBackend[Any]]) -> list[tuple[str, str, Any]]:
    """``(field, key, member type)`` of every ARGS key of the backend's typed dict."""
    hints = get_type_hints(args_dict(backend))
    return [
        (field, meta.name, member)
        for field, meta in backend.args_model.options().items()
        for member in members(hints[meta.name])
    ]


def test_committed_module_is_the_generators_output() -> None:
    assert Path(settings_types.__file__).read_text() == _typegen.render(), (
        "django_prodserver/types.py is stale: run `python -m tests.tools.typegen`"
    )


@pytest.mark.parametrize("backend", BACKENDS, ids=lambda backend: backend.__name__)
def test_keys_are_the_documented_names(backend: type[TypedBackend[Any]]) -> None:
    names = [meta.name for meta in backend.args_model.options().values()]
    # The shared options come first in the typed dict (inheritance); the names are the same.
    assert sorted(get_type_hints(args_dict(backend))) == sorted(names)
    assert args_dict(backend).__total__ is False


@pytest.mark.parametrize("backend", BACKENDS, ids=lambda backend: backend.__name__)
def test_every_accepted_type_validates(backend: type[TypedBackend[Any]]) -> None:
    # One test per backend, every key and member type of its typed dict checked, every refusal listed.
    model, refused = backend.args_model, []
    for field, key, member in key_types(backend):
        for value in samples(model, field, member):
            try:
                model.model_validate({key: value})
            except ValidationError as error:
                refused.append(f"{key}={value!r} ({member!r}): {error.errors()[0]['msg']}")
    assert not refused, "\n".join(refused)


@pytest.mark.parametrize("backend", BACKENDS, ids=lambda backend: backend.__name__)
def test_choices_outside_the_literal_are_refused(backend: type[TypedBackend[Any]]) -> None:
    # A Literal must not be looser than the model: a non-choice is refused by both.
    hints = get_type_hints(args_dict(backend))
    literal_keys = [key for key, hint in hints.items() if get_origin(hint) is Literal]
    if backend.program == "granian":
        assert "http" in literal_keys
    for key in literal_keys:
        with pytest.raises(ValidationError, match="literal_error"):
            backend.args_model.model_validate({key: "not-a-choice"})


@pytest.mark.parametrize("backend", BACKENDS, ids=lambda backend: backend.__name__)
def test_process_is_typed_by_its_backend(backend: type[TypedBackend[Any]]) -> None:
    process = getattr(settings_types, _typegen.process_name(backend))
    # The models are imported for type checkers only; resolve them as a type checker does.
    # typing_extensions' version strips NotRequired on Python 3.10 too, where typing's keeps it.
    hints = typing_extensions.get_type_hints(process, localns={backend.args_model.__name__: backend.args_model})
    assert hints["BACKEND"] == Literal[_typegen.dotted_path(backend)]
    assert _typegen.dotted_path(backend) in BUILTIN_BACKENDS
    assert hints["ARGS"] == args_dict(backend) | backend.args_model
    # A backend's own top-level keys (Celery's APP) are required, as the check requires them (E120).
    assert {key: hints[key] for key in backend.process_keys} == dict.fromkeys(backend.process_keys, str)
    assert process.__required_keys__ == frozenset({"BACKEND", *backend.process_keys})


def test_importing_the_types_does_not_import_pydantic() -> None:
    # settings.py imports them: every manage.py command would pay for pydantic.
    code = "import sys, django_prodserver.types; print('pydantic' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout == "False\n"


def test_typed_process_is_every_typed_backend() -> None:
    processes = [getattr(settings_types, _typegen.process_name(backend)) for backend in BACKENDS]
    assert settings_types.TypedProcess == functools.reduce(operator.or_, processes)


def test_production_processes_take_any_backend_as_one_typed_dict() -> None:
    # One Process, not the TypedProcess union: the checkers then name the key at fault.
    assert get_args(settings_types.ProductionProcesses) == (str, settings_types.Process)
    hints = get_type_hints(settings_types.Process)
    assert get_args(hints["BACKEND"]) == BUILTIN_BACKENDS
    assert settings_types.Process.__required_keys__ == frozenset({"BACKEND"})
    assert set(hints) == {"BACKEND", "ARGS", "DEPLOY", *(key for backend in BACKENDS for key in backend.process_keys)}


def test_any_args_take_every_backends_option_with_each_backends_values() -> None:
    merged = get_type_hints(settings_types.ArgsDict)
    for backend in BACKENDS:
        for key, hint in get_type_hints(args_dict(backend)).items():
            assert set(members(hint)) <= set(members(merged[key])), f"{backend.__name__}: {key}"
    assert set(merged) == {key for backend in BACKENDS for key in get_type_hints(args_dict(backend))}


def test_http_accepts_the_ints_the_model_reads_as_choices() -> None:
    (backend, *_) = BACKENDS
    assert get_type_hints(args_dict(backend))["http"] == Literal["auto", "1", "2", 1, 2]


def test_an_unknown_value_type_stops_the_generator() -> None:
    class Odd(BackendArgs):
        when: complex = option(0j, "An option of a type settings cannot hold", cli="when", group="protocols")

    with pytest.raises(TypeError, match=r"^no settings type for ARGS option 'when' of type <class 'complex'>$"):
        _typegen.value_type("when", Odd.model_fields["when"])


def type_accepts(hint: Any, value: Any) -> bool:
    """Whether a value is of one of the member types of an ARGS key (runtime approximation)."""
    for member in members(hint):
        if get_origin(member) is Literal and value in get_args(member) and type(value) is type(get_args(member)[0]):
            return True
        if get_origin(member) is Sequence and isinstance(value, (list, tuple)):
            return True
        if get_origin(member) is Mapping and isinstance(value, dict):
            return True
        if member is None and value is None:
            return True
        # get_origin: on Python 3.10 a parameterized generic passes isinstance(member, type).
        if isinstance(member, type) and get_origin(member) is None and isinstance(value, member):
            return True
        if member is float and isinstance(value, int):
            # Type checkers accept an int where a float is expected.
            return True
    return False


@pytest.mark.parametrize("backend", BACKENDS, ids=lambda backend: backend.__name__)
def test_types_are_not_narrower_than_the_model(backend: type[TypedBackend[Any]]) -> None:
    # The forms users write (the default, and its text, as the seed page writes values)
    # must type-check wherever the model accepts them.
    hints = get_type_hints(args_dict(backend))
    for field, meta in backend.args_model.options().items():
        default = backend.args_model.model_fields[field].default
        for probe in (default, str(default).lower(), "1", 1, True, "/srv/app", ["/srv/app"]):
            if item_type(backend.args_model.model_fields[field])[0] is bool and type(probe) is int:
                # pydantic reads 0 and 1 as booleans; the types deliberately offer True/False and text.
                continue
            try:
                backend.args_model.model_validate({meta.name: probe})
            except ValidationError:
                continue
            assert type_accepts(hints[meta.name], probe), f"{meta.name}: the model accepts {probe!r}"


def test_deploy_is_typed_as_the_model_reads_it() -> None:
    from django_prodserver.args.deploy import Deploy

    hints = get_type_hints(settings_types.DeployDict)
    assert sorted(hints) == sorted(meta.name for meta in Deploy.options().values())
    # typing_extensions' get_type_hints: on Python 3.10, typing's keeps the NotRequired around it.
    assert typing_extensions.get_type_hints(settings_types.Process)["DEPLOY"] == settings_types.DeployDict
