"""``prodserver web`` with waitress: serves, stops on SIGTERM, and a failed start exits non-zero."""

from __future__ import annotations

import signal
import socket

import httpx
import pytest

from .servers import Launcher, ProdServer

pytestmark = pytest.mark.integration

WAITRESS = "django_prodserver.backends.waitress.WaitressServer"


@pytest.fixture(scope="module")
def server(module_launcher: Launcher) -> ProdServer:
    return module_launcher.start(WAITRESS, {"threads": "2", "ident": "demo", "url-scheme": "http"})


def test_serves_a_django_view(server: ProdServer) -> None:
    response = httpx.get(server.url("/"))

    assert response.status_code == 200
    assert response.text == "Hello from Django\n"
    # ident: waitress' Server header, as set in ARGS.
    assert response.headers["server"] == "demo"


def test_serves_a_template_and_a_query(server: ProdServer) -> None:
    response = httpx.get(server.url("/greetings/"))

    assert response.text.count("<li>Hello number ") == 20


def test_logs_where_it_listens(server: ProdServer) -> None:
    server.wait_for_output(f"Serving on http://127.0.0.1:{server.port}")


def test_sigterm_stops_it_cleanly(launcher: Launcher) -> None:
    server = launcher.start(WAITRESS, {})

    assert server.stop(signal.SIGTERM) == 0
    assert "Traceback" not in server.stderr


def test_a_taken_port_is_a_one_line_error_and_a_failure(launcher: Launcher) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = launcher.start(WAITRESS, {}, port=port, wait=False)

        assert server.wait_for_exit() == 1
    assert f"CommandError: Cannot listen on 127.0.0.1:{port}: Address already in use." in server.stderr
    assert "Traceback" not in server.stderr


def test_a_bad_option_is_refused_before_waitress_starts(launcher: Launcher) -> None:
    # django-prodserver 3.x printed waitress' help for this and exited 0.
    server = launcher.start(WAITRESS, {"thread": "8"}, wait=False)

    assert server.wait_for_exit() == 1
    assert (
        "(prodserver.E020) PRODUCTION_PROCESSES['web']['ARGS']['thread'] is not an option of WaitressServer; "
        "did you mean 'threads'?" in server.stderr
    )
