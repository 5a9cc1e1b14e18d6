"""Granian's launcher, from what ``GranianServer`` hands over, up to the point where Granian forks its
workers (``Server.serve`` patched out)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from granian.server import Server

from django_prodserver.backends.granian import GranianASGIArgs, GranianASGIServer
from django_prodserver.backends.granian.launch import serve


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


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
