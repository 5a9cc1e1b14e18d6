"""Seconds that a server or worker hands to ``time.sleep`` or ``threading.Event.wait`` are bounded there.

Python overflows above 2**33 s (and on ``inf``), so a larger value passes no check: started, it is a
traceback (uvicorn's reloader at start, django-q2's database brokers and django-tasks' db_worker
at their first empty poll).
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from django_prodserver.args.base import BackendArgs
from django_prodserver.args.values import SLEEP_MAX_SECONDS
from django_prodserver.backends.django_q2 import QClusterSettings
from django_prodserver.backends.django_tasks import DjangoTasksArgs
from django_prodserver.backends.granian import GranianASGIArgs
from django_prodserver.backends.uvicorn import UvicornASGIArgs

WAITS = [
    (UvicornASGIArgs, "reload-delay", {"reload": True}),
    (GranianASGIArgs, "respawn-interval", {}),
    (QClusterSettings, "poll", {}),
    (DjangoTasksArgs, "interval", {}),
]


@pytest.mark.parametrize(("model", "key", "others"), WAITS)
def test_the_longest_wait_python_takes_passes(model: type[BackendArgs], key: str, others: dict[str, object]) -> None:
    args = model.model_validate({**others, key: SLEEP_MAX_SECONDS})

    assert getattr(args, key.replace("-", "_")) == SLEEP_MAX_SECONDS


@pytest.mark.parametrize("value", [SLEEP_MAX_SECONDS + 1, "inf", float("inf")])
@pytest.mark.parametrize(("model", "key", "others"), WAITS)
def test_a_longer_wait_is_refused(model: type[BackendArgs], key: str, others: dict[str, object], value: object) -> None:
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
