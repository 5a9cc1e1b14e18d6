"""A real Flower, started by ``manage.py prodserver``, for the Celery app of tests/workers_project.

The app's broker is Kombu's filesystem transport, so Flower runs with no broker server; it
serves its pages while no worker answers.  Each test listens on a free port of 127.0.0.1.
"""

from __future__ import annotations

import base64
import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

from .servers import EXIT_TIMEOUT, REPLY_TIMEOUT, free_port, in_own_session, port_state, wait_for

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
# 3.0's path of the backend: settings written for 3.0 keep working.
BACKEND = "django_prodserver.backends.servers.flower.CeleryFlower"
LOGIN = "admin:s3cret"


def project(directory: Path, args: dict[str, Any]) -> Path:
    """A settings module in ``directory``: the workers' project, with one Flower process."""
    process = {"BACKEND": BACKEND, "APP": "tests.workers_project.celery.app", "ARGS": args}
    (directory / "flower_settings.py").write_text(
        "from tests.workers_project.settings import *  # noqa: F403\n\n"
        f"PRODUCTION_PROCESSES = {{'flower': {process!r}}}\n"
    )
    return directory


def prodserver(directory: Path, *argv: str) -> AbstractContextManager[subprocess.Popen[bytes]]:
    """``manage.py prodserver flower <argv>``, output in directory/output.txt; killed with its session at the end."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "flower_settings", "WORKERS_DIR": str(directory)}
    env["PYTHONPATH"] = os.pathsep.join([str(directory), str(ROOT)])
    argv = (sys.executable, "-m", "django", "prodserver", "flower", *argv)
    return in_own_session(argv, directory / "output.txt", env, cwd=directory)


def output(directory: Path) -> str:
    return (directory / "output.txt").read_text(errors="replace")


def get(port: int, path: str, login: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if login is not None:
        request.add_header("Authorization", "Basic " + base64.b64encode(login.encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=REPLY_TIMEOUT) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_flower_serves_behind_basic_auth_and_stops_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    directory = project(tmp_path, {"address": "127.0.0.1", "port": "5555", "basic-auth": [LOGIN]})
    # The command line overrides the port of the settings.
    with prodserver(directory, "--port", str(port)) as process:
        wait_for(
            lambda: listening(port) or process.poll() is not None,
            "Flower to listen",
            explain=lambda: output(directory) + port_state(port),
        )
        assert process.poll() is None, output(directory)
        assert get(port, "/healthcheck", LOGIN) == (200, "OK")
        assert get(port, "/workers", LOGIN)[0] == 200
        assert get(port, "/workers")[0] == 401
        process.send_signal(signal.SIGTERM)
        assert process.wait(EXIT_TIMEOUT) == 0, output(directory)
    assert not listening(port)
    assert "Traceback" not in output(directory)


def test_dry_run_prints_the_celery_flower_line(tmp_path: Path) -> None:
    directory = project(tmp_path, {"address": "127.0.0.1", "port": 5600, "basic-auth": LOGIN, "persistent": True})
    with prodserver(directory, "--dry-run") as process:
        assert process.wait(60) == 0, output(directory)
    line = "celery -A tests.workers_project.celery.app flower --address=127.0.0.1 --port=5600"
    assert f'{line} --basic-auth="$PRODSERVER_BASIC_AUTH" --persistent=true' in output(directory)
    assert "s3cret" not in output(directory)


def test_a_taken_port_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        directory = project(tmp_path, {"address": "127.0.0.1", "port": port, "basic-auth": LOGIN})
        with prodserver(directory) as process:
            assert process.wait(60) == 1, output(directory)
    assert f"CommandError: Flower cannot listen on 127.0.0.1:{port}: Address already in use." in output(directory)
    assert "Traceback" not in output(directory)


def test_an_option_flower_would_refuse_stops_the_start(tmp_path: Path) -> None:
    directory = project(tmp_path, {"port": free_port(), "auth": "*@*.example.org"})
    with prodserver(directory) as process:
        assert process.wait(60) != 0
    assert "prodserver.E135" in output(directory)
    assert "Traceback" not in output(directory)


def unix_get(path: Path, login: str) -> bytes:
    token = base64.b64encode(login.encode()).decode()
    with socket.socket(socket.AF_UNIX) as client:
        client.settimeout(REPLY_TIMEOUT)
        client.connect(str(path))
        client.sendall(f"GET /healthcheck HTTP/1.0\r\nAuthorization: Basic {token}\r\n\r\n".encode())
        return client.recv(4096)


def test_flower_serves_on_a_unix_socket(tmp_path: Path) -> None:
    directory = project(tmp_path, {"unix-socket": "flower.sock", "basic-auth": LOGIN})
    sock = tmp_path / "flower.sock"
    with prodserver(directory) as process:
        wait_for(lambda: sock.is_socket() or process.poll() is not None, "Flower's socket")
        reply = unix_get(sock, LOGIN)
        assert reply.startswith(b"HTTP/1.1 200"), reply
        assert reply.endswith(b"\r\n\r\nOK"), reply
        process.send_signal(signal.SIGTERM)
        assert process.wait(EXIT_TIMEOUT) == 0, output(directory)


def test_a_flowerconfig_flower_refuses_is_one_line(tmp_path: Path) -> None:
    directory = project(tmp_path, {"address": "127.0.0.1", "port": free_port(), "basic-auth": LOGIN})
    (directory / "flowerconfig.py").write_text("max_tasks = 'many'\n")
    with prodserver(directory) as process:
        assert process.wait(60) == 1, output(directory)
    assert "CommandError: Flower could not start: invalid literal for int() with base 10: 'many'." in output(directory)
    assert "Traceback" not in output(directory)


def test_flower_serves_https_with_its_certfile_and_keyfile(tmp_path: Path) -> None:
    import ssl

    import trustme

    authority = trustme.CA()
    issued = authority.issue_cert("127.0.0.1")
    issued.cert_chain_pems[0].write_to_path(str(tmp_path / "cert.pem"))
    issued.private_key_pem.write_to_path(str(tmp_path / "key.pem"))
    port = free_port()
    args = {"address": "127.0.0.1", "port": port, "basic-auth": LOGIN, "certfile": "cert.pem", "keyfile": "key.pem"}
    client = ssl.create_default_context()
    authority.configure_trust(client)
    directory = project(tmp_path, args)
    with prodserver(directory) as process:
        wait_for(
            lambda: listening(port) or process.poll() is not None,
            "Flower to listen",
            explain=lambda: output(directory) + port_state(port),
        )
        url = f"https://127.0.0.1:{port}/healthcheck"
        with urllib.request.urlopen(url, timeout=REPLY_TIMEOUT, context=client) as response:
            assert (response.status, response.read()) == (200, b"OK")
        process.send_signal(signal.SIGTERM)
        assert process.wait(EXIT_TIMEOUT) == 0, output(tmp_path)


def test_a_sigterm_does_not_wait_for_the_inspect_in_flight(tmp_path: Path) -> None:
    """Flower inspects the workers as it starts; no worker answers here, so each inspect lasts its timeout.

    Python joined the inspect threads at exit: a SIGTERM waited up to inspect-timeout (1e18 ms: for ever).
    """
    port = free_port()
    hour = 3_600_000
    args = {"address": "127.0.0.1", "port": str(port), "inspect-timeout": hour, "basic-auth": [LOGIN]}
    directory = project(tmp_path, args)
    with prodserver(directory) as process:
        wait_for(lambda: listening(port) or process.poll() is not None, "Flower to listen")
        assert get(port, "/workers", LOGIN)[0] == 200  # an inspect of every worker, in flight from now on
        process.send_signal(signal.SIGTERM)
        assert process.wait(EXIT_TIMEOUT) == 0, output(directory)
    assert "Traceback" not in output(directory)
