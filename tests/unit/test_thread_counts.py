"""Thread counts the process cannot start (E073): judged against the machine's limit on tasks, for every
server whose threads option is a ThreadCount."""

from __future__ import annotations

from typing import Any

import pytest

from django_prodserver.rules import threads
from django_prodserver.validation import validate_process

ARGS = "PRODUCTION_PROCESSES['web']['ARGS']"
HINT = "Use fewer threads (a few per CPU serve Django best), or raise the limit."


def e073(backend: str, args: dict[str, Any]) -> list[tuple[str, str | None]]:
    report = validate_process("web", {"BACKEND": f"django_prodserver.backends.{backend}", "ARGS": args})
    return [(p.message, p.hint) for p in report.problems if p.id == "prodserver.E073"]


@pytest.fixture(autouse=True)
def a_machine_of_1000_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threads, "machine_limit", lambda: (1000, "kernel.pid_max"))


@pytest.mark.parametrize("backend", ["waitress.WaitressServer", "uvicorn.UvicornWSGIServer"])
def test_more_threads_than_the_machine_runs(backend: str) -> None:
    assert e073(backend, {"threads": 1001}) == [
        (
            f"{ARGS}['threads'] is 1001, more than this machine runs (kernel.pid_max is 1000): the workers would "
            "fail to start them.",
            HINT,
        )
    ]
    assert e073(backend, {"threads": 1000}) == []


def test_every_worker_starts_its_threads() -> None:
    args = {"threads": 300, "workers": 4, "worker-class": "gthread", "no-control-socket": True}

    assert e073("gunicorn.GunicornServer", args) == [
        (
            f"{ARGS}['threads'] is 300, 1200 threads in all with 4 workers, more than this machine runs "
            "(kernel.pid_max is 1000): the workers would fail to start them.",
            HINT,
        )
    ]
    assert e073("gunicorn.GunicornServer", {**args, "workers": 3}) == []


def test_the_limit_is_read_from_this_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    limit = threads.machine_limit()

    assert limit is not None
    assert 0 < limit[0] <= 2**22
