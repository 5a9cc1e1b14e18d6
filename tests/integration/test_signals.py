"""Once running, ``manage.py prodserver`` is the bare server: the signals operations send do the same.

Each server is started twice, by ``manage.py prodserver web`` and by the tool's own command (the
control), on a project whose view lives in a module of the test's directory.  The view is changed
on disk, the signal sent, and the new code must be served: gunicorn's HUP, uvicorn's HUP (its
supervisor restarts the workers), Granian's HUP (it respawns them).  gunicorn's TTIN and TTOU
change the number of workers, its USR1 reopens the access log, and its USR2 starts a new master
(a re-execution of the same command line) that boots its own workers.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from .servers import (
    EXAMPLE_DIR,
    SETTINGS_MODULE,
    ProdServer,
    free_port,
    subprocess_env,
    wait_for,
    write_settings,
)

BIN = Path(sys.executable).parent
VIEWS = "signal_urls"
# The view's module is read again by a new worker; without bytecode files, a rewrite within the
# same second can never be hidden by a stale .pyc.
ENV = {"PYTHONDONTWRITEBYTECODE": "1"}


@dataclass(frozen=True)
class Server:
    """A server as prodserver's ARGS name it, and the same server as its own command line."""

    backend: str
    args: Mapping[str, Any]
    bare: tuple[str, ...]
    """The tool's command, without the address (``--bind``/``--host``... are appended)."""
    bare_address: tuple[str, ...]
    """The options that bind 127.0.0.1:{port}, formatted with the port."""


GUNICORN = Server(
    "django_prodserver.backends.gunicorn.GunicornServer",
    {"workers": 1},
    (str(BIN / "gunicorn"), "--workers", "1", "demo.wsgi:application"),
    ("--bind", "127.0.0.1:{port}"),
)
UVICORN = Server(
    "django_prodserver.backends.uvicorn.UvicornServer",
    {"workers": 2},
    (str(BIN / "uvicorn"), "--workers", "2", "--interface", "asgi3", "demo.asgi:application"),
    ("--host", "127.0.0.1", "--port", "{port}"),
)
GRANIAN = Server(
    "django_prodserver.backends.granian.GranianWSGIServer",
    {"workers": 1},
    (str(BIN / "granian"), "--interface", "wsgi", "--workers", "1", "demo.wsgi:application"),
    ("--host", "127.0.0.1", "--port", "{port}"),
)


class BareServer(ProdServer):
    """The tool's own command, in the same directory and settings as a :class:`ProdServer`."""

    argv: list[str]

    def start(self, env: Mapping[str, str] | None = None) -> None:
        environment = {**(env or {}), "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE}
        with (self.directory / "stdout.txt").open("wb") as out, (self.directory / "stderr.txt").open("wb") as err:
            self.process = subprocess.Popen(
                self.argv,
                cwd=EXAMPLE_DIR,
                env=subprocess_env(self.directory, environment),
                stdout=out,
                stderr=err,
                start_new_session=True,
            )


def write_view(directory: Path, text: str) -> None:
    (directory / f"{VIEWS}.py").write_text(
        "from django.http import HttpResponse\n"
        "from django.urls import path\n\n"
        f"urlpatterns = [path('', lambda request: HttpResponse({text!r}))]\n"
    )


@pytest.fixture
def started() -> Iterator[list[ProdServer]]:
    """The servers a test started, shut down when it ends."""
    servers: list[ProdServer] = []
    yield servers
    for server in servers:
        server.shut_down()


def start(
    servers: list[ProdServer], directory: Path, database: Path, server: Server, how: str, **args: Any
) -> ProdServer:
    """``how`` is "prodserver" or "bare"; ``args`` are ARGS and their bare flags (``access-logfile``)."""
    port = free_port()
    write_view(directory, "old")
    arguments = {"address": "127.0.0.1", "port": port, **server.args, **args}
    processes = {"web": {"BACKEND": server.backend, "ARGS": arguments}}
    write_settings(directory, database, processes, f"ROOT_URLCONF = {VIEWS!r}\n")
    if how == "prodserver":
        running = ProdServer(directory, port)
    else:
        running = BareServer(directory, port)
        flags = [part.format(port=port) for part in server.bare_address]
        extra = [item for name, value in args.items() for item in (f"--{name}", str(value))]
        running.argv = [*server.bare[:1], *flags, *extra, *server.bare[1:]]
    servers.append(running)
    running.start(ENV)
    running.wait_until_listening()
    return running


def served(server: ProdServer) -> str:
    try:
        return httpx.get(server.url("/"), timeout=5).text
    except httpx.HTTPError:
        # A worker restarting: the next poll asks again.
        return ""


def serves_new_code(server: ProdServer, times: int) -> bool:
    """Whether ``times`` requests in a row get the new view (every worker restarted, not only one)."""
    return all(served(server) == "new" for _ in range(times))


def children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def new_master_serving(pid: int) -> bool:
    """Whether a child of master ``pid`` is a master with a worker of its own (USR2's re-execution)."""
    try:
        return any(children(child) for child in children(pid))
    except FileNotFoundError:
        # A child that exited between the two reads.
        return False


@pytest.mark.parametrize("how", ["prodserver", "bare"])
@pytest.mark.parametrize("server", [GUNICORN, UVICORN, GRANIAN], ids=["gunicorn", "uvicorn", "granian"])
def test_hup_serves_the_new_code(
    started: list[ProdServer], tmp_path: Path, demo_database: Path, server: Server, how: str
) -> None:
    running = start(started, tmp_path, demo_database, server, how)
    assert served(running) == "old"
    write_view(tmp_path, "new")
    assert running.process is not None
    running.process.send_signal(signal.SIGHUP)

    wait_for(lambda: serves_new_code(running, 4), "the new code after HUP")
    assert running.running(), running.output()


@pytest.mark.parametrize("how", ["prodserver", "bare"])
def test_gunicorn_ttin_ttou_usr1_and_usr2(
    started: list[ProdServer], tmp_path: Path, demo_database: Path, how: str
) -> None:
    log = tmp_path / "access.log"
    running = start(started, tmp_path, demo_database, GUNICORN, how, **{"access-logfile": str(log)})
    assert running.process is not None
    pid = running.process.pid

    running.process.send_signal(signal.SIGTTIN)
    wait_for(lambda: len(children(pid)) == 2, "a second worker after TTIN")
    running.process.send_signal(signal.SIGTTOU)
    wait_for(lambda: len(children(pid)) == 1, "one worker after TTOU")

    # logrotate's move, then USR1: gunicorn opens the file again at its path.
    wait_for(lambda: log.exists(), "the access log")
    os.rename(log, tmp_path / "access.log.1")
    running.process.send_signal(signal.SIGUSR1)
    wait_for(lambda: served(running) == "old" and log.exists() and "GET / " in log.read_text(), "a reopened access log")

    running.process.send_signal(signal.SIGUSR2)
    wait_for(lambda: new_master_serving(pid), "a new master with its worker after USR2")
    assert running.running(), running.output()
