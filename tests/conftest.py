"""Fixtures for the whole suite."""

from __future__ import annotations

import sys
from collections.abc import Iterator

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
