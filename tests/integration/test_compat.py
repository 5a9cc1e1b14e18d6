"""A django-prodserver 3.0 settings file (tests/compat/settings_v3.py), unchanged, through this version.

``check`` and ``--list`` accept it, ``--dry-run`` renders its 3.x-style ARGS, 3.x's ``server`` and
``worker`` commands refuse the other kind in one line, and a 3.x waitress process serves.
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from .servers import EXAMPLE_DIR, ProdServer, free_port, write_settings

pytestmark = pytest.mark.integration

ROOT = EXAMPLE_DIR.parent


def _uvicorn_landed() -> bool:
    try:
        return importlib.import_module("django_prodserver.backends.uvicorn").__dict__.get("UvicornServer") is not None
    except Exception:
        # Missing, or being written by issue 10 right now.
        return False


UVICORN_LANDED = _uvicorn_landed()
WITHOUT_UVICORN = """from tests.compat.settings_v3 import *  # noqa: F403
from tests.compat.settings_v3 import PRODUCTION_PROCESSES

for name in ("uvicorn", "uvicorn-wsgi"):
    del PRODUCTION_PROCESSES[name]
"""


@pytest.fixture(scope="module")
def settings_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("v3")
    # Until backends/uvicorn lands (issue 10), its 3.x paths cannot resolve: judge the rest.
    (directory / "v3_settings.py").write_text(
        "from tests.compat.settings_v3 import *  # noqa: F403\n" if UVICORN_LANDED else WITHOUT_UVICORN
    )
    return directory


def manage(settings_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = os.pathsep.join([str(settings_dir), str(ROOT), str(EXAMPLE_DIR)])
    env["WORKERS_DIR"] = str(settings_dir)
    command = [sys.executable, "manage.py", *argv, "--settings", "v3_settings"]
    return subprocess.run(command, cwd=EXAMPLE_DIR, env=env, capture_output=True, text=True, timeout=60)


def test_check_accepts_the_3x_settings(settings_dir: Path) -> None:
    done = manage(settings_dir, "check")

    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "System check identified no issues (0 silenced).\n",
        "",
    ), done.stderr


def test_list_shows_every_3x_process_valid(settings_dir: Path) -> None:
    done = manage(settings_dir, "prodserver", "--list")

    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines()[1:]]
    expected = {"web", "waitress", "dev", "dev-asgi", "dev-plus", "worker", "beat", "flower", "tasks", "q2"}
    assert {row[0] for row in rows} >= expected
    assert all(row[-1] == "valid" for row in rows), done.stdout


def test_server_list_is_the_same_list(settings_dir: Path) -> None:
    assert manage(settings_dir, "server", "--list").stdout == manage(settings_dir, "prodserver", "--list").stdout


def test_a_string_of_flags_renders_as_waitress_reads_it(settings_dir: Path) -> None:
    done = manage(settings_dir, "server", "waitress", "--dry-run", "--format", "json")

    assert done.returncode == 0, done.stderr
    command = ["waitress-serve", "--port=8002", "--no-ipv6", "--threads=8", "demo.wsgi:application"]
    assert json.loads(done.stdout)["command"] == command


def test_none_turns_a_flag_on(settings_dir: Path) -> None:
    done = manage(settings_dir, "server", "dev", "--dry-run", "--format", "json")

    assert json.loads(done.stdout)["command"] == ["python", "manage.py", "runserver", "--nothreading", "127.0.0.1:8010"]


@pytest.mark.parametrize(
    ("command", "name", "message"),
    [
        ("server", "worker", "Process 'worker' is a worker, not a server: run it with `manage.py worker worker`."),
        ("worker", "web", "Process 'web' is a server, not a worker: run it with `manage.py server web`."),
    ],
)
def test_each_command_refuses_the_other_kind(settings_dir: Path, command: str, name: str, message: str) -> None:
    done = manage(settings_dir, command, name)

    assert (done.returncode, done.stderr) == (1, f"CommandError: {message}\n")


def test_a_3x_waitress_process_serves_through_server(
    tmp_path_factory: pytest.TempPathFactory, demo_database: Path
) -> None:
    port = free_port()
    server = ProdServer(tmp_path_factory.mktemp("v3-waitress"), port, command=("server", "web"))
    # As 3.x users wrote it: waitress' own flag names, in one string.
    processes = {
        "web": {
            "BACKEND": "django_prodserver.backends.servers.waitress.WaitressServer",
            "ARGS": f"--host=127.0.0.1 --port={port}",
        }
    }
    write_settings(server.directory, demo_database, processes)
    server.start()
    try:
        server.wait_until_listening()
        assert httpx.get(server.url("/")).text == "Hello from Django\n"
        assert server.stop(signal.SIGTERM) == 0
    finally:
        server.shut_down()
