"""The fleet project's migrated database, once per test session (each test runs on a copy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .project import migrated


@pytest.fixture(scope="session")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return migrated(tmp_path_factory.mktemp("fleet-database"))
