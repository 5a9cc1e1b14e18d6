"""The development servers through ``prodserver`` and 3.x's ``server`` command: serve, stop on SIGTERM."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from .servers import (
    ANNOUNCE_REQUESTS,
    EXAMPLE_DIR,
    ProdServer,
    free_port,
    manage_py,
    stop_with_a_request_in_flight,
    subprocess_env,
    write_settings,
)

pytestmark = pytest.mark.integration

RUNSERVER = "django_prodserver.backends.django_runserver.DjangoRunserver"
DAPHNE = "django_prodserver.backends.daphne.DaphneRunserver"
WERKZEUG = "django_prodserver.backends.werkzeug.WerkzeugRunserver"
APPS = """
INSTALLED_APPS = ["daphne", *INSTALLED_APPS, "django_extensions"]
ASGI_APPLICATION = "demo.asgi.application"
"""


@dataclass
class CommandServer(ProdServer):
    """A server started with ``manage.py <command> <name>`` (``prodserver``, or 3.x's ``server``)."""

    command: tuple[str, ...] = ("prodserver", "web")

    def start(self, env: Mapping[str, str] | None = None) -> None:
        with (self.directory / "stdout.txt").open("wb") as out, (self.directory / "stderr.txt").open("wb") as err:
            self.process = subprocess.Popen(
                manage_py(*self.command),
                cwd=EXAMPLE_DIR,
                env=subprocess_env(self.directory, env),
                stdout=out,
                stderr=err,
                start_new_session=True,
            )


@dataclass
class DevLauncher:
    make_directory: Callable[[], Path]
    database: Path
    servers: list[CommandServer] = field(default_factory=list)

    def start(
        self, backend: str, args: Mapping[str, Any], command: str = "prodserver", extra_settings: str = ""
    ) -> CommandServer:
        port = free_port()
        server = CommandServer(self.make_directory(), port, command=(command, "web"))
        processes = {"web": {"BACKEND": backend, "ARGS": {"addrport": f"127.0.0.1:{port}", **args}}}
        write_settings(server.directory, self.database, processes, APPS + extra_settings)
        self.servers.append(server)
        # PYTHONUNBUFFERED: the servers' banners reach the files while they run.
        server.start({"PYTHONUNBUFFERED": "1"})
        server.wait_until_listening()
        return server


@pytest.fixture
def dev(tmp_path_factory: pytest.TempPathFactory, demo_database: Path) -> Iterator[DevLauncher]:
    launcher = DevLauncher(lambda: tmp_path_factory.mktemp("dev"), demo_database)
    yield launcher
    for server in launcher.servers:
        server.shut_down()


def _serves_and_stops(server: CommandServer) -> None:
    response = httpx.get(server.url("/"))
    assert (response.status_code, response.text) == (200, "Hello from Django\n")
    assert server.stop(signal.SIGTERM) == 0, server.output()
    assert "Traceback" not in server.stderr


@pytest.mark.parametrize("command", ["prodserver", "server"])
def test_django_runserver(dev: DevLauncher, command: str) -> None:
    server = dev.start(RUNSERVER, {"noreload": True}, command)

    _serves_and_stops(server)
    assert f"Starting development server at http://127.0.0.1:{server.port}/" in server.stdout


def test_django_runserver_with_its_reloader_stops_with_its_child(dev: DevLauncher) -> None:
    server = dev.start(RUNSERVER, {})

    _serves_and_stops(server)
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.url("/"), timeout=2)


@pytest.mark.parametrize("command", ["prodserver", "server"])
def test_daphne_runserver_serves_asgi(dev: DevLauncher, command: str) -> None:
    server = dev.start(DAPHNE, {"noreload": True}, command)

    server.wait_for_output("Starting ASGI/Daphne")
    response = httpx.get(server.url("/async/"))
    assert response.json()["message"] == "Hello from an async view"
    _serves_and_stops(server)


@pytest.mark.parametrize("command", ["prodserver", "server"])
def test_werkzeug_runserver_plus(dev: DevLauncher, command: str) -> None:
    # With its reloader: runserver_plus fails without it (django-extensions issue #1886, check E113).
    server = dev.start(WERKZEUG, {"nopin": True}, command)

    _serves_and_stops(server)
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.url("/"), timeout=2)


def test_runserver_without_threads_stops_on_a_sigterm_that_arrives_during_a_request(dev: DevLauncher) -> None:
    # Without threads the request runs in the main thread: a SystemExit raised there is caught by
    # wsgiref's handler (a bare except), which answered 500 and kept serving; SIGTERM was lost.
    server = dev.start(RUNSERVER, {"noreload": True, "nothreading": True}, extra_settings=ANNOUNCE_REQUESTS)

    returncode, reply = stop_with_a_request_in_flight(server, signal.SIGTERM)

    # The request in flight is answered, then the server exits (a development server drains nothing else).
    assert returncode == 0, server.output()
    assert reply.status_code == 200, server.output()
    assert "Traceback" not in server.stdout + server.stderr
