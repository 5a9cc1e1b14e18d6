"""``prodserver web`` in WSGI mode, with two workers of two threads."""

from __future__ import annotations

import httpx
import pytest

from .servers import WSGI, Launcher, ProdServer

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def server(module_launcher: Launcher) -> ProdServer:
    return module_launcher.start(WSGI, {"workers": "2", "threads": "2"})


def test_serves_a_django_view(server: ProdServer) -> None:
    response = httpx.get(server.url("/"))

    assert (response.status_code, response.http_version) == (200, "HTTP/1.1")
    assert response.text == "Hello from Django\n"


def test_serves_a_template_and_a_query(server: ProdServer) -> None:
    response = httpx.get(server.url("/greetings/"))

    assert response.status_code == 200
    assert response.text.count("<li>Hello number ") == 20


def test_serves_an_async_view_through_django_wsgi_handler(server: ProdServer) -> None:
    response = httpx.get(server.url("/async/"))

    # No ASGI scope under WSGI: the view reports no HTTP version of its own.
    assert response.json() == {"message": "Hello from an async view", "http_version": None}


def test_runs_both_workers(server: ProdServer) -> None:
    server.wait_for_output("Started worker-2")

    assert "Spawning worker-1" in server.stdout
    responses = [httpx.get(server.url("/")) for _ in range(4)]
    assert [response.status_code for response in responses] == [200] * 4


def test_logs_each_request(server: ProdServer) -> None:
    httpx.get(server.url("/not-found/"))

    server.wait_for_output('127.0.0.1 - "GET /not-found/ HTTP/1.1" 404 ')
