"""The gunicorn backend serves the example project for real: HTTP/1.1, 2 workers, TLS, the ASGI worker,
graceful stops, start faults on one line, and the ``--dry-run`` line run in a shell serving the same site."""

from __future__ import annotations

import re
import shlex
import signal
import subprocess
from pathlib import Path

import httpx
import pytest

from .gunicorn_servers import GUNICORN, QUIET, start_gunicorn
from .servers import (
    ANNOUNCE_REQUESTS,
    EXAMPLE_DIR,
    EXIT_TIMEOUT,
    Launcher,
    assert_fails_with,
    free_port,
    manage_py,
    stop_with_a_request_in_flight,
    subprocess_env,
    wait_for,
    write_settings,
)
from .tls import write_server_certificate

pytestmark = pytest.mark.integration


def test_serves_http11_with_two_workers(launcher: Launcher) -> None:
    server = start_gunicorn(launcher, {"workers": "2"})

    response = httpx.get(server.url("/"), timeout=5)

    assert (response.status_code, response.http_version, response.text) == (200, "HTTP/1.1", "Hello from Django\n")
    wait_for(lambda: server.stderr.count("Booting worker with pid") == 2, "two workers")
    assert '"GET / HTTP/1.1" 200' in server.stdout + server.stderr  # log-access is on, as on every backend
    assert server.stop(signal.SIGTERM) == 0


def test_the_asgi_worker_serves_the_asgi_application(launcher: Launcher) -> None:
    server = start_gunicorn(launcher, {"worker-class": "asgi"})

    response = httpx.get(server.url("/async/"), timeout=5)

    # Only the ASGI application has a scope: the WSGI one would answer http_version null.
    assert response.json() == {"message": "Hello from an async view", "http_version": "1.1"}


def test_serves_tls(launcher: Launcher, tmp_path: Path) -> None:
    tls = write_server_certificate(tmp_path)
    server = start_gunicorn(launcher, {"ssl-cert": str(tls.cert), "ssl-key": str(tls.key)})

    response = httpx.get(server.url("/"), verify=tls.client_context, timeout=5)

    assert (response.status_code, response.text) == (200, "Hello from Django\n")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_lets_the_request_in_flight_finish(launcher: Launcher, signum: int) -> None:
    server = start_gunicorn(launcher, {"graceful-timeout": "10"}, extra_settings=ANNOUNCE_REQUESTS)
    returncode, response = stop_with_a_request_in_flight(server, signum)

    assert (response.status_code, response.text) == (200, "slept 2.0\n")
    assert returncode == 0
    assert "Traceback" not in server.stderr
    assert "Shutting down: Master" in server.stderr


def test_a_taken_port_is_one_line(launcher: Launcher, occupied_port: int) -> None:
    server = start_gunicorn(launcher, port=occupied_port, wait=False)

    assert_fails_with(server, f"Cannot listen on 127.0.0.1:{occupied_port}: Address already in use.")


def test_a_key_of_another_certificate_is_one_line(launcher: Launcher, tmp_path: Path) -> None:
    tls = write_server_certificate(tmp_path, key_of_another_certificate=True)
    silenced = 'SILENCED_SYSTEM_CHECKS = ["prodserver.E052"]\n'
    server = start_gunicorn(
        launcher, {"ssl-cert": str(tls.cert), "ssl-key": str(tls.key)}, wait=False, extra_settings=silenced
    )

    assert_fails_with(
        server,
        f"Cannot load the TLS certificate {tls.cert} with the key {tls.key}: "
        "the private key does not match the certificate.",
    )


def test_a_missing_application_module_is_refused_by_the_check(launcher: Launcher) -> None:
    server = start_gunicorn(launcher, extra_settings='WSGI_APPLICATION = "nowhere.wsgi.application"\n', wait=False)

    assert server.wait_for_exit() == 1
    assert "(prodserver.E063)" in server.stderr
    assert "Traceback" not in server.stderr


def test_the_dry_run_line_serves_the_same_site(tmp_path: Path, demo_database: Path) -> None:
    port = free_port()
    processes = {"web": {"BACKEND": GUNICORN, "ARGS": {**QUIET, "port": port, "workers": 2}}}
    write_settings(tmp_path, demo_database, processes)
    env = subprocess_env(tmp_path, {"DJANGO_SETTINGS_MODULE": "prodserver_test_settings"})
    dry_run = subprocess.run(
        manage_py("prodserver", "--dry-run"), cwd=EXAMPLE_DIR, env=env, capture_output=True, text=True, timeout=60
    )
    assert dry_run.returncode == 0, dry_run.stderr
    line = dry_run.stdout.strip().splitlines()[-1]
    assert (
        line == f"DJANGO_SETTINGS_MODULE=prodserver_test_settings gunicorn --bind 127.0.0.1:{port} --access-logfile - "
        "--backlog 1024 --workers 2 --threads 1 --log-level info --no-control-socket demo.wsgi:application"
    )
    variables, _, command = line.partition(" gunicorn ")

    gunicorn = str(Path(manage_py()[0]).with_name("gunicorn"))
    shell = subprocess.Popen(
        ["/bin/sh", "-c", f"{variables} exec {shlex.quote(gunicorn)} {command}"],
        cwd=EXAMPLE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        wait_for(lambda: _answers(port) or shell.poll() is not None, f"gunicorn on port {port}")
        response = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert (response.status_code, response.text) == (200, "Hello from Django\n")
    finally:
        shell.send_signal(signal.SIGTERM)
        _, errors = shell.communicate(timeout=EXIT_TIMEOUT)
    assert shell.returncode == 0
    assert len(re.findall(rb"Booting worker with pid", errors)) == 2


def _answers(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False
