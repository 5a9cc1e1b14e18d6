"""The uvicorn backends serve the example project for real: HTTP/1.1, an async view, TLS, a WebSocket echo,
2 workers, WSGI with its threads, graceful stops, start faults on one line, and the ``--dry-run`` line run
in a shell serving the same site."""

from __future__ import annotations

import asyncio
import shlex
import signal
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import uvicorn
import websockets

from django_prodserver.backends.uvicorn.rules import HTTP2_HANGS_UP_TO
from django_prodserver.rules.packages import installed

from .servers import (
    ANNOUNCE_REQUESTS,
    Launcher,
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
from .uvicorn_servers import UVICORN, UVICORN_WSGI, start_uvicorn

pytestmark = pytest.mark.integration


def test_serves_http11_and_an_async_view(launcher: Launcher) -> None:
    server = start_uvicorn(launcher)

    page = httpx.get(server.url("/"), timeout=5)
    view = httpx.get(server.url("/async/"), timeout=5)

    assert (page.status_code, page.http_version, page.text) == (200, "HTTP/1.1", "Hello from Django\n")
    assert view.json() == {"message": "Hello from an async view", "http_version": "1.1"}
    assert server.stop(signal.SIGTERM) == 0
    # log-access is on, as on every backend; Django speaks no lifespan, and uvicorn is not asked to.
    assert '"GET / HTTP/1.1" 200' in server.stdout
    assert "lifespan" not in server.stdout + server.stderr


def test_echoes_a_websocket(launcher: Launcher) -> None:
    server = start_uvicorn(launcher)

    async def echo() -> str | bytes:
        async with websockets.connect(f"ws://127.0.0.1:{server.port}/ws/echo/", open_timeout=5) as connection:
            await connection.send("ping")
            return await asyncio.wait_for(connection.recv(), 5)

    assert asyncio.run(echo()) == "ping"


@pytest.mark.parametrize("http", ["h11", "httptools"])
def test_sends_the_default_headers(launcher: Launcher, http: str) -> None:
    # A value keeps its colons (uvicorn splits at the first); h11 would refuse the space after the
    # first colon on every response, so the model drops it.
    server = start_uvicorn(launcher, {"http": http, "header": ["X-Served-By:edge-1", "X-Note: a:b"]})

    response = httpx.get(server.url("/"), timeout=5)

    assert (response.headers["x-served-by"], response.headers["x-note"]) == ("edge-1", "a:b")


def test_an_fd_that_is_not_open_is_refused_before_uvicorn_starts(launcher: Launcher) -> None:
    server = start_uvicorn(launcher, {"fd": 1023}, wait=False)

    assert server.wait_for_exit() == 1
    assert "(prodserver.E096) PRODUCTION_PROCESSES['web']['ARGS']['fd'] is 1023, which is not open" in server.stderr
    assert "Traceback" not in server.stdout + server.stderr


@pytest.mark.skipif(not installed("zttp"), reason="zttp has no wheel for this Python")
def test_serves_http2_with_zttp(launcher: Launcher) -> None:
    if tuple(int(part) for part in uvicorn.__version__.split(".")[:2]) <= HTTP2_HANGS_UP_TO:
        pytest.skip(f"uvicorn {uvicorn.__version__} never answers an HTTP/2 GET (prodserver.W098)")
    server = start_uvicorn(launcher, {"http": "zttp", "http2": True})

    with httpx.Client(http1=False, http2=True, timeout=5) as h2c:
        page = h2c.get(server.url("/"))
        view = h2c.get(server.url("/async/"))

    assert (page.status_code, page.http_version, page.text) == (200, "HTTP/2", "Hello from Django\n")
    assert view.json() == {"message": "Hello from an async view", "http_version": "2"}


def test_serves_with_two_workers(launcher: Launcher) -> None:
    server = start_uvicorn(launcher, {"workers": "2"})

    response = httpx.get(server.url("/"), timeout=5)

    assert (response.status_code, response.text) == (200, "Hello from Django\n")
    wait_for(lambda: server.stderr.count("Started server process") == 2, "two workers")
    assert server.stop(signal.SIGTERM) == 0
    assert "Stopping parent process" in server.stderr


def test_serves_wsgi_on_its_threads(launcher: Launcher) -> None:
    server = start_uvicorn(launcher, {"threads": "4"}, backend=UVICORN_WSGI)
    with ThreadPoolExecutor(max_workers=4) as pool:
        # Four slow requests at once end together only if four threads run them.
        replies = list(pool.map(lambda _: httpx.get(server.url("/slow/?seconds=1"), timeout=15), range(4)))

    assert [reply.text for reply in replies] == ["slept 1.0\n"] * 4
    assert server.stop(signal.SIGTERM) == 0


def test_serves_tls(launcher: Launcher, tmp_path: Path) -> None:
    tls = write_server_certificate(tmp_path)
    server = start_uvicorn(launcher, {"ssl-cert": str(tls.cert), "ssl-key": str(tls.key)})

    response = httpx.get(server.url("/"), verify=tls.client_context, timeout=5)

    assert (response.status_code, response.text) == (200, "Hello from Django\n")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_lets_the_request_in_flight_finish(launcher: Launcher, signum: int) -> None:
    server = start_uvicorn(launcher, extra_settings=ANNOUNCE_REQUESTS)
    returncode, response = stop_with_a_request_in_flight(server, signum)

    assert (response.status_code, response.text) == (200, "slept 2.0\n")
    assert returncode == 0
    assert "Traceback" not in server.stderr
    assert "Finished server process" in server.stderr


def test_a_taken_port_is_one_line(launcher: Launcher, occupied_port: int) -> None:
    server = start_uvicorn(launcher, port=occupied_port, wait=False)

    assert_fails_with(server, f"Cannot listen on 127.0.0.1:{occupied_port}: Address already in use.")


def test_a_key_of_another_certificate_is_one_line(launcher: Launcher, tmp_path: Path) -> None:
    tls = write_server_certificate(tmp_path, key_of_another_certificate=True)
    silenced = 'SILENCED_SYSTEM_CHECKS = ["prodserver.E052"]\n'
    server = start_uvicorn(
        launcher, {"ssl-cert": str(tls.cert), "ssl-key": str(tls.key)}, wait=False, extra_settings=silenced
    )

    assert_fails_with(
        server,
        f"Cannot load the TLS certificate {tls.cert} with the key {tls.key}: "
        "the private key does not match the certificate.",
    )


def test_a_missing_application_module_is_one_line(launcher: Launcher) -> None:
    silenced = 'SILENCED_SYSTEM_CHECKS = ["prodserver.E063"]\nASGI_APPLICATION = "nowhere.asgi.application"\n'
    server = start_uvicorn(launcher, extra_settings=silenced, wait=False)

    assert_fails_with(
        server,
        "Cannot import the application module 'nowhere.asgi': ModuleNotFoundError: No module named 'nowhere'.",
    )


def test_the_dry_run_line_serves_the_same_site(tmp_path: Path, demo_database: Path) -> None:
    port = free_port()
    processes = {"web": {"BACKEND": UVICORN, "ARGS": {"port": port, "workers": 2}}}
    write_settings(tmp_path, demo_database, processes)
    env = subprocess_env(tmp_path, {"DJANGO_SETTINGS_MODULE": "prodserver_test_settings"})
    line = printed_line(env)
    assert line == (
        f"DJANGO_SETTINGS_MODULE=prodserver_test_settings uvicorn --interface asgi3 --host 127.0.0.1 --port {port} "
        "--backlog 1024 --workers 2 --log-level info --access-log --lifespan off "
        "--forwarded-allow-ips 127.0.0.1,::1 demo.asgi:application"
    )

    uvicorn = shlex.quote(str(Path(manage_py()[0]).with_name("uvicorn")))
    errors = serve_in_shell(
        f"exec {line.replace(' uvicorn ', f' {uvicorn} ', 1).replace('DJANGO', 'env DJANGO', 1)}", env, port
    )
    assert errors.count(b"Started server process") == 2
