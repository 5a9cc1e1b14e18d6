"""TLS with a certificate from a test CA: HTTP/2 negotiated by ALPN, and HTTP/1.1."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import trustme

from .servers import Launcher, ProdServer
from .tls import TLSFiles, write_server_certificate

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TLSFiles:
    return write_server_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def server(module_launcher: Launcher, tls_files: TLSFiles) -> ProdServer:
    # The seed's names; http stays "auto", so ALPN decides.
    return module_launcher.start(args={"ssl-cert": str(tls_files.cert), "ssl-key": str(tls_files.key)})


def test_negotiates_http2_by_alpn(server: ProdServer, tls_files: TLSFiles) -> None:
    with httpx.Client(http2=True, verify=tls_files.client_context, timeout=5) as client:
        response = client.get(server.url("/async/"))

    assert (response.status_code, response.http_version) == (200, "HTTP/2")
    assert response.json() == {"message": "Hello from an async view", "http_version": "2"}


def test_serves_http1_over_tls(server: ProdServer, tls_files: TLSFiles) -> None:
    with httpx.Client(http2=False, verify=tls_files.client_context, timeout=5) as client:
        response = client.get(server.url("/"))

    assert (response.status_code, response.http_version) == (200, "HTTP/1.1")
    assert response.text == "Hello from Django\n"


def test_announces_https(server: ProdServer) -> None:
    assert f"Listening at: https://127.0.0.1:{server.port}" in server.stdout


def test_serves_with_a_traditional_rsa_key(launcher: Launcher, tmp_path: Path) -> None:
    tls_files = write_server_certificate(tmp_path, key_type=trustme.KeyType.RSA)
    assert tls_files.key.read_text().startswith("-----BEGIN RSA PRIVATE KEY-----")
    server = launcher.start(args={"ssl-cert": str(tls_files.cert), "ssl-key": str(tls_files.key)})

    with httpx.Client(http2=True, verify=tls_files.client_context, timeout=5) as client:
        response = client.get(server.url("/"))

    assert (response.status_code, response.http_version) == (200, "HTTP/2")


def test_client_verify_without_a_ca_accepts_any_client(launcher: Launcher, tmp_path: Path) -> None:
    # What W041 says: Granian verifies nothing without ssl-ca, and warns of nothing.
    tls_files = write_server_certificate(tmp_path)
    tls = {"ssl-cert": str(tls_files.cert), "ssl-key": str(tls_files.key), "ssl-client-verify": True}
    server = launcher.start(args=tls)
    with httpx.Client(verify=tls_files.client_context, timeout=5) as client:
        assert client.get(server.url("/")).status_code == 200
    # A client certificate of a CA the server was never told of.
    trustme.CA().issue_cert("client@example.com").configure_cert(tls_files.client_context)
    with httpx.Client(verify=tls_files.client_context, timeout=5) as client:
        assert client.get(server.url("/")).status_code == 200

    # The twin: with ssl-ca, that certificate is refused in the handshake.
    (tmp_path / "clients.pem").write_bytes(trustme.CA().cert_pem.bytes())
    verifying = launcher.start(args={**tls, "ssl-ca": str(tmp_path / "clients.pem")})
    with httpx.Client(verify=tls_files.client_context, timeout=5) as client, pytest.raises(httpx.HTTPError):
        client.get(verifying.url("/"))
