"""Fixtures that start real ``manage.py prodserver web`` processes of example/ (see servers.py)."""

from __future__ import annotations

import socket
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

from .servers import Launcher, ProdServer, migrated_demo_database


@pytest.fixture
def occupied_port() -> Iterator[int]:
    """A port another program listens on (without SO_REUSEPORT, as most do)."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite database for every server of the session (example/db.sqlite3 stays untouched)."""
    return migrated_demo_database(tmp_path_factory.mktemp("database"))


@pytest.fixture(scope="module")
def module_launcher(tmp_path_factory: pytest.TempPathFactory, demo_database: Path) -> Iterator[Launcher]:
    """Servers shared by the tests of one module."""
    launcher = Launcher(lambda: tmp_path_factory.mktemp("server"), demo_database)
    yield launcher
    launcher.shut_down()


@pytest.fixture
def launcher(tmp_path_factory: pytest.TempPathFactory, demo_database: Path) -> Iterator[Launcher]:
    """Servers of one test (stopped, or killed, when it ends)."""
    launcher = Launcher(lambda: tmp_path_factory.mktemp("server"), demo_database)
    yield launcher
    launcher.shut_down()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Generator[None, pytest.TestReport, None]:
    """Show what the test's servers printed when it fails, for CI logs."""
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if not report.failed:
        return
    servers: dict[Path, ProdServer] = {}
    for value in getattr(item, "funcargs", {}).values():
        for server in value.servers if isinstance(value, Launcher) else [value]:
            if isinstance(server, ProdServer):
                servers[server.directory] = server
    for server in servers.values():
        report.sections.append((f"prodserver output ({server.directory.name})", server.output()))
