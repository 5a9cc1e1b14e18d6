"""The gunicorn backend serves the example project for real: HTTP/1.1, 2 workers, TLS, the ASGI worker,
graceful stops, start faults on one line, and the ``--dry-run`` line run in a shell serving the same site."""

from __future__ import annotations

import os
import re
import shlex
import signal
from pathlib import Path

import httpx
import pytest

from .gunicorn_servers import GUNICORN, QUIET, start_gunicorn
from .servers import (
    ANNOUNCE_REQUESTS,
    Launcher,
    ProdServer,
    assert_fails_with,
    free_port,
    manage_py,
    printed_line,
    serve_in_shell,
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
    line = printed_line(env)
    assert (
        line == f"DJANGO_SETTINGS_MODULE=prodserver_test_settings gunicorn --bind 127.0.0.1:{port} --access-logfile - "
        "--backlog 1024 --workers 2 --threads 1 --log-level info --no-control-socket demo.wsgi:application"
    )
    variables, _, command = line.partition(" gunicorn ")

    gunicorn = str(Path(manage_py()[0]).with_name("gunicorn"))
    errors = serve_in_shell(f"{variables} exec {shlex.quote(gunicorn)} {command}", env, port)
    assert len(re.findall(rb"Booting worker with pid", errors)) == 2


# Start faults the red team found (check passed, then a traceback, a crash loop or a server that never
# answers); each is now refused by the check, or stopped with one line.

HOOKS = """

def boom_on_starting(server):
    raise RuntimeError("the hook failed")


def ssl_context_with_password(config, default_ssl_context_factory):
    import ssl

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(config.certfile, config.keyfile, password="secret")
    return context
"""


def _refused_at_start(server: ProdServer, check_id: str) -> None:
    assert server.wait_for_exit() == 1
    assert f"({check_id})" in server.stderr, server.output()
    assert "Traceback" not in server.stdout + server.stderr


def test_a_worker_class_that_is_not_a_worker_is_refused_at_start(launcher: Launcher) -> None:
    # gunicorn would start its master, then fail in its main loop with a traceback, exit 255.
    server = start_gunicorn(launcher, {"worker-class": "collections.OrderedDict"}, wait=False)

    _refused_at_start(server, "prodserver.E065")


def test_a_file_descriptor_that_is_not_open_is_refused_at_start(launcher: Launcher) -> None:
    server = start_gunicorn(launcher, {"bind": "fd://99"}, wait=False)

    _refused_at_start(server, "prodserver.E152")


def test_a_hook_that_raises_at_start_is_one_line(launcher: Launcher) -> None:
    args = {"on-starting": "prodserver_test_settings.boom_on_starting"}
    server = start_gunicorn(launcher, args, wait=False, extra_settings=HOOKS)

    assert server.wait_for_exit() == 1
    line = server.stderr.strip().splitlines()[-1]
    expected = (
        r"CommandError: gunicorn could not start: RuntimeError: the hook failed "
        r"\(at .*/prodserver_test_settings\.py:\d+\)\."
    )
    assert re.fullmatch(expected, line), server.output()
    assert "Traceback" not in server.stdout + server.stderr


def test_a_syslog_server_that_refuses_is_one_line(launcher: Launcher) -> None:
    port = free_port()
    server = start_gunicorn(launcher, {"log-syslog": True, "log-syslog-to": f"tcp://127.0.0.1:{port}"}, wait=False)

    assert_fails_with(server, "gunicorn could not start: ConnectionRefusedError: [Errno 111] Connection refused.")


def test_an_encrypted_key_serves_through_an_ssl_context_hook(launcher: Launcher, tmp_path: Path) -> None:
    # The check refused this pair (E052) although the hook loads the key with its password.
    from cryptography.hazmat.primitives import serialization

    tls = write_server_certificate(tmp_path)
    key = serialization.load_pem_private_key(tls.key.read_bytes(), password=None)
    encrypted = tmp_path / "encrypted-key.pem"
    encrypted.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"secret"),
        )
    )
    args = {
        "ssl-cert": str(tls.cert),
        "ssl-key": str(encrypted),
        "ssl-context": "prodserver_test_settings.ssl_context_with_password",
    }
    server = start_gunicorn(launcher, args, extra_settings=HOOKS)

    response = httpx.get(server.url("/"), verify=tls.client_context, timeout=5)

    assert (response.status_code, response.text) == (200, "Hello from Django\n")


def test_h2_preferred_with_the_sync_worker_is_refused(launcher: Launcher, tmp_path: Path) -> None:
    # gunicorn offered h2 by ALPN and its sync worker read the HTTP/2 preface as a bad request, forever.
    tls = write_server_certificate(tmp_path)
    args = {"ssl-cert": str(tls.cert), "ssl-key": str(tls.key), "http-protocols": "h2,h1"}
    server = start_gunicorn(launcher, args, wait=False)

    _refused_at_start(server, "prodserver.E150")


def test_gthread_with_no_worker_connection_is_refused(launcher: Launcher) -> None:
    # gunicorn started and never accepted a connection.
    server = start_gunicorn(launcher, {"worker-class": "gthread", "worker-connections": 0}, wait=False)

    _refused_at_start(server, "prodserver.E151")


# A project check that queries the database, as many do: the validating process opens a connection.
CHECK_OPENS_THE_DATABASE = """
from django.core import checks as _checks


@_checks.register
def _queries_the_database(app_configs, **kwargs):
    from django.db import connection

    connection.cursor().execute("SELECT 1")
    return []
"""


def test_no_database_file_survives_the_exec(launcher: Launcher) -> None:
    """The checks opened the SQLite database in the process that execs gunicorn: the master holds no fd of it."""
    server = start_gunicorn(launcher, {"workers": "1"}, extra_settings=CHECK_OPENS_THE_DATABASE)
    assert httpx.get(server.url("/")).status_code == 200
    assert server.process is not None
    held = [os.readlink(fd) for fd in Path(f"/proc/{server.process.pid}/fd").iterdir()]
    assert not [path for path in held if path.startswith(str(launcher.database))], held
