"""Every backend package keeps the contract (see ``kit.py``); backends declare theirs in ``backends.py``."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.utils.module_loading import import_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django_prodserver.backends.base import TypedBackend
from django_prodserver.backends.listening import serving
from django_prodserver.catalogue import all_examples
from django_prodserver.registry import BUILTIN_BACKENDS, BUILTIN_PACKAGES
from django_prodserver.validation import validate_process

from .backends import CONTRACTS
from .kit import Backend, Contract

BACKENDS = [(contract, path) for contract in CONTRACTS for path in contract.backends]
EACH_BACKEND = pytest.mark.parametrize(("contract", "path"), BACKENDS, ids=[path for _, path in BACKENDS])
EACH_PACKAGE = pytest.mark.parametrize("contract", CONTRACTS, ids=[contract.package for contract in CONTRACTS])


def backend_class(path: str) -> type[Backend]:
    backend = import_string(path)
    assert isinstance(backend, type)
    assert issubclass(backend, TypedBackend)
    return backend


@pytest.fixture
def in_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    # A tool's CLI may put its working directory on sys.path or read its own environment variables.
    monkeypatch.setattr(sys, "path", list(sys.path))
    return tmp_path


def test_every_builtin_package_declares_its_contract() -> None:
    assert {contract.package for contract in CONTRACTS} == set(BUILTIN_PACKAGES)
    assert {path for contract in CONTRACTS for path in contract.backends} == set(BUILTIN_BACKENDS)


@EACH_BACKEND
def test_options_are_the_tools_own(contract: Contract, path: str) -> None:
    backend = backend_class(path)
    ours = {meta.cli for meta in backend.args_model.options().values() if meta.cli is not None}
    assert ours == contract.tool_flags(backend) - contract.decided


@EACH_BACKEND
def test_the_command_line_configures_the_tool_as_the_launch_does(contract: Contract, path: str, in_files: Path) -> None:
    contract.files(in_files)
    backend = backend_class(path)()
    for sample in contract.samples:
        args = backend.args_model.model_validate(sample)
        argv = backend.command_line(args, reveal_secrets=True)
        assert argv[0] == backend.program
        assert contract.parse(argv) == contract.launch(backend, args), sample


@EACH_BACKEND
def test_the_comparison_sees_a_changed_command_line(contract: Contract, path: str, in_files: Path) -> None:
    contract.files(in_files)
    backend = backend_class(path)()
    args = backend.args_model.model_validate({})
    argv = backend.command_line(args, reveal_secrets=True)
    # Options go before the application's target, the last argument.
    changed = [*argv[:-1], *contract.changed, argv[-1]]
    assert contract.parse(changed) != contract.launch(backend, args)


@EACH_PACKAGE
def test_every_id_the_package_emits_has_an_example(contract: Contract) -> None:
    source = _package_dir(contract)
    emitted = {
        match
        for path in source.rglob("*.py")
        if path.name != "catalogue.py"
        for match in re.findall(r"prodserver\.[EW]\d{3}", path.read_text())
    }
    examples = import_string(f"{contract.package}.catalogue.EXAMPLES")
    assert emitted <= {example.id for example in examples}
    assert {example.id for example in examples} <= {example.id for example in all_examples()}


def _package_dir(contract: Contract) -> Path:
    return Path(str(importlib.import_module(contract.package).__file__)).parent


@EACH_PACKAGE
def test_importing_the_backends_does_not_import_the_tool(contract: Contract) -> None:
    tools = {backend_class(path).requires for path in contract.backends}
    modules = sorted(package.module for package in tools if package is not None)
    code = f"import sys, {contract.package}; print([m for m in {modules!r} if m in sys.modules])"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert (result.returncode, result.stdout) == (0, "[]\n"), result.stderr


@EACH_BACKEND
def test_servers_listen_and_workers_do_not(contract: Contract, path: str) -> None:
    backend = backend_class(path)()
    served = serving(backend.listeners(backend.args_model.model_validate({})))
    assert (served is not None) == (backend.kind == "server")


def _values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=12), st.binary(max_size=4)
    )
    return st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(st.text(max_size=4), scalars, max_size=2))


@EACH_BACKEND
def test_validation_never_raises(contract: Contract, path: str) -> None:
    model = backend_class(path).args_model
    keys = st.one_of(st.sampled_from([s for meta in model.options().values() for s in meta.spellings]), st.text())

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.dictionaries(keys, _values(), max_size=4))
    def never_raises(args: dict[str, Any]) -> None:
        report = validate_process("web", {"BACKEND": path, "ARGS": args})
        if report.args is not None and report.backend is not None:
            report.backend.command_line(report.args)

    never_raises()


@EACH_BACKEND
def test_each_listener_is_set_by_an_option(contract: Contract, path: str) -> None:
    backend = backend_class(path)()
    args = backend.args_model.model_validate({})
    assert {listener.option for listener in backend.listeners(args)} <= set(backend.args_model.options())
