"""gunicorn's rules at their edges: a port's last value, dual-stack binds, dirty-app counts."""

from __future__ import annotations

import os
import sys
from typing import Any

import pytest
from gunicorn.workers.gasgi import ASGIWorker  # type: ignore[import-untyped]

from django_prodserver.backends.gunicorn import GunicornArgs, GunicornServer
from django_prodserver.validation import validate_process

BACKEND = "django_prodserver.backends.gunicorn.GunicornServer"
ARGS = "PRODUCTION_PROCESSES['web']['ARGS']"


def ids(args: dict[str, Any]) -> list[str]:
    report = validate_process("web", {"BACKEND": BACKEND, "ARGS": {"no-control-socket": True, **args}})
    return [problem.id for problem in report.problems if not problem.deploy]


def syslog(address: str) -> dict[str, Any]:
    return {"log-syslog": True, "log-syslog-to": address}


@pytest.mark.parametrize("address", ["udp://localhost:0", "udp://localhost:65535", "tcp://[::1]:65535"])
def test_a_syslog_port_up_to_65535_passes(address: str) -> None:
    assert ids(syslog(address)) == []


@pytest.mark.parametrize("address", ["udp://localhost:65536", "tcp://[::1]:70000"])
def test_a_syslog_port_above_65535_is_refused(address: str) -> None:
    assert ids(syslog(address)) == ["prodserver.E157"]


@pytest.mark.parametrize(
    ("bind", "expected"),
    [
        # gunicorn's IPv6 sockets are dual-stack: [::]:80 takes every IPv4 address's port 80 too.
        (["[::]:8000", "0.0.0.0:8000"], ["prodserver.E153"]),
        (["127.0.0.1:8000", "[::]:8000"], ["prodserver.E153"]),
        (["[::]:8000", "127.0.0.1:8001"], []),
        (["[::1]:8000", "127.0.0.1:8000"], []),
        # Port 0: the system picks a free port for each bind.
        (["[::]:0", "0.0.0.0:0"], []),
    ],
)
def test_a_dual_stack_wildcard_collides_with_ipv4_on_its_port(bind: list[str], expected: list[str]) -> None:
    assert ids({"bind": bind}) == expected


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("collections:Counter", []),
        ("collections:Counter:1", []),
        ("collections:Counter:12", []),
        ("collections:Counter:0", ["prodserver.E158"]),
        ("collections:Counter:x", ["prodserver.E158"]),
        ("collections:Counter:", ["prodserver.E158"]),
        ("nosuch_module_here:App", ["prodserver.E158"]),
    ],
)
def test_each_dirty_app_is_module_class_and_a_count_of_one_or_more(spec: str, expected: list[str]) -> None:
    assert ids({"dirty-workers": 1, "dirty-app": [spec]}) == expected


class UserAsgiWorker(ASGIWorker):  # type: ignore[misc]  # gunicorn is untyped
    """A project's own worker class: ASGI by its bases."""


@pytest.mark.parametrize(
    ("worker_class", "application"),
    [
        ("sync", "demo.wsgi:application"),
        ("gthread", "demo.wsgi:application"),
        ("gunicorn.workers.sync.SyncWorker", "demo.wsgi:application"),
        ("gunicorn.workers.gasgi.ASGIWorker", "demo.asgi:application"),
        ("asgi", "demo.asgi:application"),
        ("uvicorn_worker.UvicornWorker", "demo.asgi:application"),
        (f"{__name__}.UserAsgiWorker", "demo.asgi:application"),
        ("collections.OrderedDict", "demo.wsgi:application"),
    ],
)
def test_the_command_line_serves_the_application_its_worker_class_speaks(worker_class: str, application: str) -> None:
    args = GunicornArgs.model_validate({"worker-class": worker_class})
    assert GunicornServer().command_line(args)[-1] == application


def test_the_launcher_keeps_the_handed_over_configuration_for_gunicorns_re_exec(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # gunicorn's USR2 starts a new master with the same environment: it must find the configuration again.
    from django_prodserver.backends import handover
    from django_prodserver.backends.gunicorn import launch

    seen: list[tuple[object, object, bool]] = []
    monkeypatch.setenv(handover.VARIABLE, handover.encoded(("demo.wsgi:application", {"workers": 2})))
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setattr(
        launch, "serve", lambda target, settings: seen.append((target, settings, handover.VARIABLE in os.environ))
    )
    with pytest.raises(SystemExit) as exited:
        launch.main()
    assert exited.value.code == 0
    assert seen == [("demo.wsgi:application", {"workers": 2}, True)]
