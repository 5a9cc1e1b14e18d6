"""The development servers through ``prodserver`` and 3.x's ``server`` command: serve, stop on SIGTERM."""

from __future__ import annotations

import signal
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest

from .servers import (
    ANNOUNCE_REQUESTS,
    Launcher,
    ProdServer,
    stop_with_a_request_in_flight,
)

pytestmark = pytest.mark.integration

RUNSERVER = "django_prodserver.backends.django_runserver.DjangoRunserver"
DAPHNE = "django_prodserver.backends.daphne.DaphneRunserver"
WERKZEUG = "django_prodserver.backends.werkzeug.WerkzeugRunserver"
APPS = """
INSTALLED_APPS = ["daphne", *INSTALLED_APPS, "django_extensions"]
ASGI_APPLICATION = "demo.asgi.application"
"""


class DevLauncher(Launcher):
    """Development servers: they listen where ARGS ``addrport`` says, with the apps they need installed."""

    def listen_args(self, port: int) -> dict[str, Any]:
        return {"addrport": f"127.0.0.1:{port}"}

    def start_dev(
        self, backend: str, args: Mapping[str, Any], command: str = "prodserver", extra_settings: str = ""
    ) -> ProdServer:
        # PYTHONUNBUFFERED: the servers' banners reach the files while they run.
        env = {"PYTHONUNBUFFERED": "1"}
        return self.start(backend, args, env=env, extra_settings=APPS + extra_settings, command=command)


@pytest.fixture
def dev(tmp_path_factory: pytest.TempPathFactory, demo_database: Path) -> Iterator[DevLauncher]:
    launcher = DevLauncher(lambda: tmp_path_factory.mktemp("dev"), demo_database)
    yield launcher
    launcher.shut_down()


def _serves_and_stops(server: ProdServer) -> None:
    response = httpx.get(server.url("/"))
    assert (response.status_code, response.text) == (200, "Hello from Django\n")
    assert server.stop(signal.SIGTERM) == 0, server.output()
    assert "Traceback" not in server.stderr


@pytest.mark.parametrize("command", ["prodserver", "server"])
def test_django_runserver(dev: DevLauncher, command: str) -> None:
    server = dev.start_dev(RUNSERVER, {"noreload": True}, command)

    _serves_and_stops(server)
    assert f"Starting development server at http://127.0.0.1:{server.port}/" in server.stdout


def test_django_runserver_with_its_reloader_stops_with_its_child(dev: DevLauncher) -> None:
    server = dev.start_dev(RUNSERVER, {})

    _serves_and_stops(server)
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.url("/"), timeout=2)


@pytest.mark.parametrize("command", ["prodserver", "server"])
def test_daphne_runserver_serves_asgi(dev: DevLauncher, command: str) -> None:
    server = dev.start_dev(DAPHNE, {"noreload": True}, command)

    server.wait_for_output("Starting ASGI/Daphne")
    response = httpx.get(server.url("/async/"))
    assert response.json()["message"] == "Hello from an async view"
    _serves_and_stops(server)


@pytest.mark.parametrize("command", ["prodserver", "server"])
def test_werkzeug_runserver_plus(dev: DevLauncher, command: str) -> None:
    # With its reloader: runserver_plus fails without it (django-extensions issue #1886, check E113).
    server = dev.start_dev(WERKZEUG, {"nopin": True}, command)

    _serves_and_stops(server)
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.url("/"), timeout=2)


def test_runserver_without_threads_stops_on_a_sigterm_that_arrives_during_a_request(dev: DevLauncher) -> None:
    # Without threads the request runs in the main thread: a SystemExit raised there is caught by
    # wsgiref's handler (a bare except), which answered 500 and kept serving; SIGTERM was lost.
    server = dev.start_dev(RUNSERVER, {"noreload": True, "nothreading": True}, extra_settings=ANNOUNCE_REQUESTS)

    returncode, reply = stop_with_a_request_in_flight(server, signal.SIGTERM)

    # The request in flight is answered, then the server exits (a development server drains nothing else).
    assert returncode == 0, server.output()
    assert reply.status_code == 200, server.output()
    assert "Traceback" not in server.stdout + server.stderr
