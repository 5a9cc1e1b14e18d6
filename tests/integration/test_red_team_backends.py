"""Issue 22 on the backends other than Granian, for real: the edge the check enforces is served, and
what the tool refused at start with a traceback is refused before, in one line.

The check refuses a request limit below the smallest request (E066, tests/unit/test_refused_work.py);
here the smallest accepted value serves the smallest request, so the bound is exact, not a guess.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from .servers import REPLY_TIMEOUT, Launcher

pytestmark = pytest.mark.integration

GUNICORN = "django_prodserver.backends.gunicorn.GunicornServer"
UVICORN = "django_prodserver.backends.uvicorn.UvicornServer"
WAITRESS = "django_prodserver.backends.waitress.WaitressServer"


def status_line(port: int, request: bytes) -> bytes:
    """The status line the server answers ``request`` with."""
    with socket.create_connection(("127.0.0.1", port), timeout=REPLY_TIMEOUT * 5) as connection:
        connection.sendall(request)
        return connection.makefile("rb").readline()


@pytest.mark.parametrize(
    ("backend", "args", "request_bytes"),
    [
        # The request line 'GET / HTTP/1.1' is 14 bytes: gunicorn's limit-request-line 14 takes it.
        (GUNICORN, {"limit-request-line": 14, "no-control-socket": True}, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
        # Python's http.client sends 2 fields, the fewest of the common clients: gunicorn's limit 2 takes them.
        (
            GUNICORN,
            {"limit-request-fields": 2, "no-control-socket": True},
            b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: identity\r\n\r\n",
        ),
        # curl 7.88's longest field is its User-Agent, 25 bytes with its CRLF: gunicorn's limit 25 takes it.
        (
            GUNICORN,
            {"limit-request-field_size": 25, "no-control-socket": True},
            b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n",
        ),
        # waitress counts its listening socket and its trigger as channels: 3 lets one connection in.
        (WAITRESS, {"connection-limit": 3, "server-name": "127.0.0.1"}, b"GET / HTTP/1.0\r\n\r\n"),
        # 18 bytes in all: waitress refuses a header block that reaches its limit, 19 takes it.
        (WAITRESS, {"max-request-header-size": 19, "server-name": "127.0.0.1"}, b"GET / HTTP/1.0\r\n\r\n"),
        # uvicorn counts the request's own connection: 2 serves one request at a time.
        (UVICORN, {"limit-concurrency": 2}, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
    ],
)
def test_the_smallest_limit_the_check_accepts_serves_the_smallest_request(
    launcher: Launcher, backend: str, args: dict[str, object], request_bytes: bytes
) -> None:
    server = launcher.start(backend, args)

    assert status_line(server.port, request_bytes).split()[1] == b"200", server.output()


WORKERS_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("argv", "check_id"),
    [
        # Was an AttributeError traceback from beat's banner: OrderedDict is no scheduler.
        (("beat", "--scheduler", "collections:OrderedDict"), "prodserver.E065"),
        # Was "ValueError: Unknown format %q" from Celery's worker command.
        (("celery", "--hostname", "w%q@%h"), "prodserver.E069"),
        # Was a KeyError traceback: "User does not exist".
        (("celery", "--uid", "no-such-user-here"), "prodserver.E085"),
    ],
)
def test_a_worker_start_that_celery_refuses_is_one_line(tmp_path: Path, argv: tuple[str, ...], check_id: str) -> None:
    done = workers_prodserver(tmp_path, *argv)

    assert done.returncode == 1, done.stdout + done.stderr
    assert f"({check_id})" in done.stderr, done.stderr
    assert "Traceback" not in done.stdout + done.stderr


def test_db_worker_without_its_table_is_one_line(tmp_path: Path) -> None:
    # migrate never ran here: db_worker's first query raised OperationalError, with a traceback.
    done = workers_prodserver(tmp_path, "tasks")

    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr.endswith(
        "CommandError: db_worker cannot read its tasks from the database (OperationalError: no such table: "
        "django_tasks_database_dbtaskresult); run 'manage.py migrate', and check that the database is reachable.\n"
    ), done.stderr
    assert "Traceback" not in done.stdout + done.stderr


def workers_prodserver(directory: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``manage.py prodserver ARGV`` of tests/workers_project, its files in ``directory``."""
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    environment.update(
        WORKERS_DIR=str(directory),
        DJANGO_SETTINGS_MODULE="tests.workers_project.settings",
        PYTHONPATH=str(WORKERS_ROOT),
    )
    return subprocess.run(
        [sys.executable, "-m", "django", "prodserver", *argv],
        cwd=directory,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
