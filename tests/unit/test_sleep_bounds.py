"""Seconds that a server or worker hands to ``time.sleep`` or ``threading.Event.wait`` are bounded there.

Python overflows above 2**33 s (and on ``inf``), so a larger value passes no check: started, it is a
traceback (uvicorn's reloader at start, django-q2's database brokers and django-tasks' db_worker
at their first empty poll).
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from django_prodserver.args.base import BackendArgs
from django_prodserver.args.values import POLL_MAX_SECONDS, SLEEP_MAX_SECONDS
from django_prodserver.backends.django_q2 import QClusterSettings
from django_prodserver.backends.django_tasks import DjangoTasksArgs
from django_prodserver.backends.granian import GranianASGIArgs
from django_prodserver.backends.uvicorn import UvicornASGIArgs
from django_prodserver.backends.waitress import WaitressArgs
from django_prodserver.backends.werkzeug import WerkzeugRunserverArgs

WAITS = [
    (UvicornASGIArgs, "reload-delay", {"reload": True}),
    (GranianASGIArgs, "respawn-interval", {}),
    (QClusterSettings, "poll", {}),
    (DjangoTasksArgs, "interval", {}),
    (WerkzeugRunserverArgs, "reloader-interval", {}),
]
POLLS = [
    (UvicornASGIArgs, "timeout-worker-healthcheck", {"workers": 2}),
    (WaitressArgs, "asyncore-loop-timeout", {"asyncore-use-poll": True}),
]
"""Seconds waited with select.poll, whose timeout is a C int of milliseconds."""


BOUNDED = [(*wait, SLEEP_MAX_SECONDS) for wait in WAITS] + [(*wait, POLL_MAX_SECONDS) for wait in POLLS]


@pytest.mark.parametrize(("model", "key", "others", "longest"), BOUNDED)
def test_the_longest_wait_python_takes_passes(
    model: type[BackendArgs], key: str, others: dict[str, object], longest: int
) -> None:
    args = model.model_validate({**others, key: longest})

    assert getattr(args, key.replace("-", "_")) == longest


@pytest.mark.parametrize("above", [1, "inf"])
@pytest.mark.parametrize(("model", "key", "others", "longest"), BOUNDED)
def test_a_longer_wait_is_refused(
    model: type[BackendArgs], key: str, others: dict[str, object], longest: int, above: object
) -> None:
    value = longest + above if isinstance(above, int) else above
    with pytest.raises(ValidationError) as refused:
        model.model_validate({**others, key: value})

    assert [error["loc"] for error in refused.value.errors()] == [(key,)]


def test_python_overflows_just_above_the_bound() -> None:
    # The bound is Python's: if a release lifts it, these would sleep and this test would hang (not pass).
    import threading
    import time

    with pytest.raises(OverflowError):
        time.sleep(2 * SLEEP_MAX_SECONDS)
    with pytest.raises(OverflowError):
        threading.Event().wait(2 * SLEEP_MAX_SECONDS)


def test_poll_overflows_just_above_its_bound() -> None:
    import multiprocessing.connection
    import select

    poller = select.poll()
    assert poller.poll(0) == []
    with pytest.raises(OverflowError):
        poller.poll((POLL_MAX_SECONDS + 1) * 1000)
    reader, writer = multiprocessing.connection.Pipe()
    with reader, writer:
        writer.send(b"ready")
        # Answered at once within the bound; refused before waiting above it (uvicorn's health check).
        assert reader.poll(POLL_MAX_SECONDS)
        with pytest.raises(OverflowError):
            reader.poll(POLL_MAX_SECONDS + 1)
