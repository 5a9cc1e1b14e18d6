"""Granian's launcher, from what ``GranianServer`` hands over, up to the point where Granian forks its
workers (``Server.serve`` patched out)."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator

import pytest
from granian.server import Server

from django_prodserver.backends.granian import GranianASGIArgs, GranianASGIServer
from django_prodserver.backends.granian.launch import serve


@pytest.mark.usefixtures("unfrozen")
def test_the_heap_the_workers_inherit_is_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    # Forked workers would otherwise scan what the master holds in every full collection.
    frozen_when_forking: list[int] = []
    monkeypatch.setattr(
        Server, "serve", lambda self, *args, **kwargs: frozen_when_forking.append(gc.get_freeze_count())
    )

    serve(*GranianASGIServer().launch(GranianASGIArgs()))

    assert len(frozen_when_forking) == 1
    assert frozen_when_forking[0] > 0


@pytest.fixture
def start_method() -> Iterator[None]:
    """multiprocessing's start method, as it was before the test (the launcher sets it for its process)."""
    before = multiprocessing.get_start_method()
    yield
    multiprocessing.set_start_method(before, force=True)


@pytest.mark.usefixtures("start_method", "unfrozen")
@pytest.mark.parametrize(("metrics", "method"), [(True, "spawn"), (False, "fork")])
def test_workers_are_spawned_when_metrics_threads_run(
    monkeypatch: pytest.MonkeyPatch, metrics: bool, method: str
) -> None:
    # With metrics, Granian runs a thread per worker before forking them: a fork can inherit a
    # half-initialised global of that thread's tokio runtime and hang (issue 22).
    multiprocessing.set_start_method("fork", force=True)
    methods: list[str] = []
    monkeypatch.setattr(
        Server, "serve", lambda self, *args, **kwargs: methods.append(multiprocessing.get_start_method())
    )

    serve(*GranianASGIServer().launch(GranianASGIArgs(metrics=metrics)))

    assert methods == [method]
