"""Fixtures for the whole suite."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.checks.registry import registry


@pytest.fixture(autouse=True)
def _no_daphne_check() -> Iterator[None]:
    """Importing daphne's runserver registers daphne's own system check globally (``daphne.checks``).

    Without daphne in INSTALLED_APPS that check returns None, which Django refuses: every later test
    that runs the checks would fail. The test settings do not install daphne, so it is taken out.
    """
    yield
    daphne_checks = sys.modules.get("daphne.checks")
    if daphne_checks is not None:
        registry.registered_checks.discard(daphne_checks.check_daphne_installed)


@pytest.fixture(autouse=True)
def _no_hand_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test running ``prodserver`` in its own process must stop before the hand-over to the server.

    ``backends/handover.py`` replaces the process with ``os.execve``: here it would replace the test
    runner (pytest-xdist reports a crashed worker, and the test never fails). It fails the test instead.
    """

    def refused(path: object, argv: list[str], env: object) -> None:
        raise AssertionError(f"prodserver handed over to {' '.join(argv[1:])} inside the test process")

    monkeypatch.setattr(os, "execve", refused)


@pytest.fixture
def validated(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the processes validated during the test, in order (each ``validate_process`` call)."""
    from django_prodserver import validation

    names: list[str] = []
    original = validation.validate_process

    def counting(name: str, config: object, **kwargs: Any) -> validation.ProcessReport:
        names.append(name)
        return original(name, config, **kwargs)

    monkeypatch.setattr(validation, "validate_process", counting)
    return names
