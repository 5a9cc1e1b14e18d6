"""access-log-fmt is judged with the fields Granian's own access logger fills (granian/log.py)."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from granian import log as granian_log

from django_prodserver.backends.granian import GranianASGIArgs
from django_prodserver.backends.granian.logs import ACCESS_LOG_FIELDS, access_log_format_problems


def granian_fields(fmt: str) -> dict[str, Any]:
    """The dict Granian's access logger formats one request's line with."""
    logged: list[tuple[Any, ...]] = []
    request = {
        "addr_remote": "127.0.0.1",
        "path": "/",
        "qs": "",
        "method": "GET",
        "scheme": "http",
        "protocol": "HTTP/1.1",
        "headers": lambda name: "agent",
    }
    with mock.patch.object(granian_log.access_logger, "info", lambda *args: logged.append(args)):
        granian_log.log_request_builder(fmt)(0.0, 0.0, request, 200)  # type: ignore[no-untyped-call]
    [(_, fields)] = logged
    return dict(fields)


def test_the_fields_are_granians() -> None:
    assert set(granian_fields("%(addr)s")) == set(ACCESS_LOG_FIELDS)


@pytest.mark.parametrize(
    ("fmt", "granian_fails"),
    [
        ("%(addr)s - %(method)s %(path)s %(status)d %(dt_ms).3f", False),
        ("%(addr)s %(header{user-agent})s", False),
        ("%(remote_addr)s", True),
        ("%(status)d %(", True),
        ("%(path)d", True),
    ],
)
def test_the_check_refuses_what_granian_cannot_format(fmt: str, granian_fails: bool) -> None:
    fields = granian_fields(fmt)
    try:
        granian_log._HEADER_RE.sub(lambda match: "%(_h0)s", fmt) % fields
    except (KeyError, ValueError, TypeError):
        failed = True
    else:
        failed = False
    assert failed == granian_fails
    problems = access_log_format_problems(GranianASGIArgs.model_validate({"access-log-fmt": fmt}))
    assert [problem.id for problem in problems] == (["prodserver.E046"] if granian_fails else [])
