"""SIGTERM and SIGINT stop ``prodserver`` gracefully: the request in flight completes, exit code 0."""

from __future__ import annotations

import signal

import httpx
import pytest

from .servers import ANNOUNCE_REQUESTS, ASGI, WSGI, Launcher, stop_with_a_request_in_flight

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("backend", [ASGI, WSGI], ids=["asgi", "wsgi"])
def test_sigterm_lets_the_request_in_flight_finish(launcher: Launcher, backend: str) -> None:
    server = launcher.start(backend, extra_settings=ANNOUNCE_REQUESTS)
    returncode, response = stop_with_a_request_in_flight(server, signal.SIGTERM)

    assert (response.status_code, response.text) == (200, "slept 2.0\n")
    assert returncode == 0
    assert "Granian shutdown completed" in server.stdout


def test_sigterm_stops_the_workers_too(launcher: Launcher) -> None:
    server = launcher.start()

    assert server.stop(signal.SIGTERM) == 0
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.url("/"), timeout=5)


def test_sigint_exits_cleanly(launcher: Launcher) -> None:
    server = launcher.start()

    assert server.stop(signal.SIGINT) == 0
    assert "Traceback" not in server.stderr
    assert "Granian shutdown completed" in server.stdout
