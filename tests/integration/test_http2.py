"""``http: "2"``: HTTP/2 without TLS (h2c, prior knowledge), as behind a proxy that speaks HTTP/2."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from .servers import Launcher, ProdServer

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def server(module_launcher: Launcher) -> ProdServer:
    return module_launcher.start(args={"http": "2"})


@pytest.fixture
def h2c() -> Iterator[httpx.Client]:
    with httpx.Client(http1=False, http2=True, timeout=5) as client:
        yield client


def test_serves_django_over_http2(server: ProdServer, h2c: httpx.Client) -> None:
    response = h2c.get(server.url("/"))

    assert (response.status_code, response.http_version) == (200, "HTTP/2")
    assert response.text == "Hello from Django\n"


def test_gives_the_async_view_an_http2_scope(server: ProdServer, h2c: httpx.Client) -> None:
    response = h2c.get(server.url("/async/"))

    assert response.http_version == "HTTP/2"
    assert response.json() == {"message": "Hello from an async view", "http_version": "2"}


def test_refuses_http1(server: ProdServer) -> None:
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(server.url("/"), timeout=5)
