"""SIGTERM and SIGINT stop ``prodserver`` gracefully: the request in flight completes, exit code 0."""

from __future__ import annotations

import signal
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from .servers import Launcher

pytestmark = pytest.mark.integration


def test_sigterm_lets_the_request_in_flight_finish(launcher: Launcher) -> None:
    server = launcher.start(announce_requests=True)
    with ThreadPoolExecutor(max_workers=1) as pool:
        in_flight = pool.submit(httpx.get, server.url("/slow/?seconds=2"), timeout=15)
        server.wait_for_output("request started: /slow/")

        returncode = server.stop(signal.SIGTERM)
        response = in_flight.result()

    assert (response.status_code, response.text) == (200, "slept 2.0\n")
    assert returncode == 0
    assert "Granian shutdown completed" in server.stdout


def test_stops_no_new_connections_after_sigterm(launcher: Launcher) -> None:
    server = launcher.start()

    assert server.stop(signal.SIGTERM) == 0
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.url("/"), timeout=5)


def test_sigint_exits_cleanly(launcher: Launcher) -> None:
    server = launcher.start()

    assert server.stop(signal.SIGINT) == 0
    assert "Traceback" not in server.stderr
    assert "Granian shutdown completed" in server.stdout
