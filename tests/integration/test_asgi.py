"""``prodserver web`` in ASGI mode over HTTP/1.1: Django views, a WebSocket and Granian's logs."""

from __future__ import annotations

import re

import httpx
import pytest
from websockets.sync.client import connect

from .servers import Launcher, ProdServer

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def server(module_launcher: Launcher) -> ProdServer:
    # The seed's process as a fresh project declares it: no ARGS beyond address and port.
    return module_launcher.start()


def test_serves_a_django_view(server: ProdServer) -> None:
    response = httpx.get(server.url("/"))

    assert (response.status_code, response.http_version) == (200, "HTTP/1.1")
    assert response.text == "Hello from Django\n"


def test_serves_an_async_view_over_asgi(server: ProdServer) -> None:
    response = httpx.get(server.url("/async/"))

    assert response.status_code == 200
    assert response.json() == {"message": "Hello from an async view", "http_version": "1.1"}


def test_serves_a_template_and_a_query(server: ProdServer) -> None:
    response = httpx.get(server.url("/greetings/"))

    assert response.status_code == 200
    assert response.text.count("<li>Hello number ") == 20


def test_echoes_websocket_text_and_bytes(server: ProdServer) -> None:
    with connect(server.url("/ws/echo/").replace("http", "ws", 1), open_timeout=5) as websocket:
        websocket.send("hello")
        assert websocket.recv(timeout=5) == "hello"
        websocket.send(b"\x00\xff")
        assert websocket.recv(timeout=5) == b"\x00\xff"


def test_logs_each_request(server: ProdServer) -> None:
    httpx.get(server.url("/not-found/"))

    server.wait_for_output('"GET /not-found/ HTTP/1.1" 404')
    # Granian's format: [time] address - "method path protocol" status milliseconds.
    assert re.search(r'\] 127\.0\.0\.1 - "GET /not-found/ HTTP/1\.1" 404 \d+\.\d{3}\n', server.stdout)


def test_django_does_not_make_granian_warn_about_lifespan(server: ProdServer) -> None:
    httpx.get(server.url("/"))

    assert "Listening at: http://127.0.0.1:" in server.stdout
    assert "lifespan" not in (server.stdout + server.stderr).lower()
