"""gunicorn's launcher, from what ``GunicornServer`` hands over, up to the point where gunicorn's arbiter
forks its workers (``Arbiter.run`` patched out)."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from gunicorn.arbiter import Arbiter  # type: ignore[import-untyped]

from django_prodserver.backends.gunicorn import GunicornArgs, GunicornServer
from django_prodserver.backends.gunicorn.launch import serve


@pytest.mark.usefixtures("unfrozen")
def test_the_heap_the_workers_inherit_is_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    # Forked workers would otherwise scan what the master holds (the project, with preload) in every full collection.
    frozen_when_forking: list[int] = []

    def run(self: Any) -> None:
        frozen_when_forking.append(gc.get_freeze_count())
        for listener in self.LISTENERS:
            listener.close()

    monkeypatch.setattr(Arbiter, "run", run)

    serve(*GunicornServer().launch(GunicornArgs(port=0)))

    assert len(frozen_when_forking) == 1
    assert frozen_when_forking[0] > 0
