"""The pytest plugin of ``mutation_sample``'s coverage run: each test is a coverage context.

The test's node id becomes the context of this process (``Coverage.switch_context``) and of the
processes it starts (the environment variable their ``sitecustomize`` reads); each test's duration,
and the tests that fail unmutated, are written where ``PRODSERVER_MUTATION_DURATIONS`` says.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Generator
from pathlib import Path

import coverage
import pytest

CONTEXT_ENV = "PRODSERVER_MUTATION_CONTEXT"
_durations: dict[str, float] = {}
_failed: set[str] = set()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, object, object]:
    current = coverage.Coverage.current()
    os.environ[CONTEXT_ENV] = item.nodeid
    if current is not None:
        current.switch_context(item.nodeid)
    started = time.perf_counter()
    try:
        return (yield)
    finally:
        _durations[item.nodeid] = time.perf_counter() - started
        os.environ.pop(CONTEXT_ENV, None)
        if current is not None:
            current.switch_context("")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.failed:
        _failed.add(report.nodeid)


def pytest_sessionfinish(session: pytest.Session) -> None:
    target = os.environ.get("PRODSERVER_MUTATION_DURATIONS")
    if target:
        Path(target).write_text(json.dumps({"durations": _durations, "failed": sorted(_failed)}))
