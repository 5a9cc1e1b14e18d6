"""The import contracts (pyproject's ``[tool.importlinter]``) can fail: each breaks on the import it forbids.

A contract that passes whatever the code imports states nothing.  Each test copies the package
and pyproject.toml into a scratch directory, adds one import the contract forbids, and runs
``lint-imports`` there on that contract alone (import-linter puts the current directory first on
``sys.path``, so the copy is the package it reads).  The untouched copy keeps every contract.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from django_prodserver.registry import BUILTIN_PACKAGES

# tomllib from Python 3.11; before, import-linter's own TOML reader, tomli.
toml = pytest.importorskip("tomllib" if sys.version_info >= (3, 11) else "tomli")

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONTRACTS = {
    contract["id"]: contract
    for contract in toml.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
}

# One import each contract forbids: (module of the package, the line added to it).
FORBIDDEN = {
    "layers": ("problems.py", "from django_prodserver import validation"),
    "core-names-no-backend": ("validation.py", "import django_prodserver.backends.gunicorn"),
    "core-imports-no-tool": ("args/base.py", "import celery"),
    "backends-independent": ("backends/granian/__init__.py", "from django_prodserver.backends.gunicorn import options"),
    "runserver-family": ("backends/daphne/__init__.py", "import django_prodserver.backends.uvicorn"),
    "tools-where-processes-start": ("backends/granian/options.py", "import granian"),
    "launchers-import-no-model": ("backends/waitress/launch.py", "import pydantic"),
    "option-machinery-no-django": ("rules/text.py", "import django.conf"),
}


def scratch_copy(directory: Path) -> Path:
    """The package and the contracts, in ``directory``."""
    shutil.copytree(
        ROOT / "django_prodserver", directory / "django_prodserver", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", directory)
    return directory


def lint_imports(directory: Path, *contract_ids: str) -> subprocess.CompletedProcess[str]:
    selected = [arg for contract_id in contract_ids for arg in ("--contract", contract_id)]
    # Wide enough that no contract's name is wrapped.
    env = {**os.environ, "COLUMNS": "500", "NO_COLOR": "1"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", *selected],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    return lint_imports(scratch_copy(tmp_path_factory.mktemp("clean")))


def test_every_contract_has_a_forbidden_import_here() -> None:
    assert set(FORBIDDEN) == set(CONTRACTS)


def test_the_untouched_copy_keeps_every_contract(clean_run: subprocess.CompletedProcess[str]) -> None:
    assert clean_run.returncode == 0, clean_run.stdout + clean_run.stderr
    for contract in CONTRACTS.values():
        assert f"{contract['name']} KEPT" in clean_run.stdout
    assert "ignored" not in clean_run.stdout


@pytest.mark.parametrize("contract_id", FORBIDDEN)
def test_the_contract_fails_on_the_import_it_forbids(contract_id: str, tmp_path: Path) -> None:
    module, line = FORBIDDEN[contract_id]
    directory = scratch_copy(tmp_path)
    with (directory / "django_prodserver" / module).open("a") as source:
        source.write(f"\n{line}\n")
    result = lint_imports(directory, contract_id)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{CONTRACTS[contract_id]['name']} BROKEN" in result.stdout


def test_the_backend_contracts_name_every_builtin_package() -> None:
    """A new backend package is named in the contracts, or nothing keeps the core from importing it."""
    packages = set(BUILTIN_PACKAGES)
    family = set(CONTRACTS["runserver-family"]["source_modules"])
    extended = "django_prodserver.backends.django_runserver"
    assert set(CONTRACTS["backends-independent"]["modules"]) | family == packages
    assert packages <= set(CONTRACTS["core-names-no-backend"]["forbidden_modules"])
    assert set(CONTRACTS["runserver-family"]["forbidden_modules"]) == packages - family - {extended}


def test_the_core_contracts_name_every_shared_module_of_backends() -> None:
    """A module beside the backend packages (``backends/base.py``...) is core: no backend, no tool."""
    shared = {
        f"django_prodserver.backends.{path.stem}"
        for path in (ROOT / "django_prodserver" / "backends").glob("*.py")
        if path.stem != "__init__"
    }
    for contract_id in ("core-names-no-backend", "core-imports-no-tool"):
        assert shared <= set(CONTRACTS[contract_id]["source_modules"]), contract_id
