"""The check's verdict on a TLS key's type is real Granian's: each pair is served by bare Granian.

Python's ``ssl`` loads every pair here; Granian's rustls (with ring) signs with fewer key types
and panics its workers on the others. ``usable_by_granian`` (what E048 applies) must say, for
each key, exactly whether real Granian serves HTTPS with it.
"""

from __future__ import annotations

import datetime
import ssl
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPrivateKeyTypes

from django_prodserver.backends.granian.tls import usable_by_granian
from django_prodserver.rules.private_keys import pem_blocks, private_key
from tests.catalogue import write_self_signed
from tests.integration.servers import READY_TIMEOUT, free_port

pytestmark = pytest.mark.integration

APP = """
async def app(scope, receive, send):
    if scope["type"] == "http":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"served"})
"""

KEYS: dict[str, Callable[[], CertificateIssuerPrivateKeyTypes]] = {
    "p256": lambda: ec.generate_private_key(ec.SECP256R1()),
    "p384": lambda: ec.generate_private_key(ec.SECP384R1()),
    "ed25519": ed25519.Ed25519PrivateKey.generate,
    "rsa-2048": lambda: rsa.generate_private_key(65537, 2048),
    "rsa-4096": lambda: rsa.generate_private_key(65537, 4096),
    # Refused by ring: below its smallest or above its largest RSA modulus, a small exponent, other types.
    "rsa-2040": lambda: rsa.generate_private_key(65537, 2040),
    "rsa-4104": lambda: rsa.generate_private_key(65537, 4104),
    "rsa-2048-e3": lambda: rsa.generate_private_key(3, 2048),
    "p521": lambda: ec.generate_private_key(ec.SECP521R1()),
    "ed448": ed448.Ed448PrivateKey.generate,
    "dsa": lambda: dsa.generate_private_key(2048),
}


@pytest.fixture(scope="module")
def pairs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    directory = tmp_path_factory.mktemp("key-types")
    (directory / "app.py").write_text(APP)
    return {name: write_self_signed(directory, name, make()) for name, make in KEYS.items()}


def granian_serves_https(cert: Path, key: Path) -> bool:
    """Start bare Granian with the pair; whether it answers one HTTPS request before a worker dies."""
    port = free_port()
    command = [sys.executable, "-m", "granian", "--interface", "asgi", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--ssl-certificate", str(cert), "--ssl-keyfile", str(key), "--workers-kill-timeout", "5", "app:app"]
    process = subprocess.Popen(command, cwd=cert.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    context = ssl.create_default_context(cafile=str(cert))
    try:
        with httpx.Client(verify=context, timeout=2.0) as client:
            deadline = datetime.datetime.now() + datetime.timedelta(seconds=READY_TIMEOUT)
            while datetime.datetime.now() < deadline and process.poll() is None:
                try:
                    return client.get(f"https://127.0.0.1:{port}/").text == "served"
                except httpx.ConnectError:
                    continue
                except httpx.HTTPError:
                    # The port is open but the TLS handshake fails: the worker holding it panicked.
                    return False
            return False
    finally:
        process.terminate()
        try:
            process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


@pytest.mark.parametrize("name", KEYS)
def test_the_check_accepts_exactly_the_keys_granian_serves_with(pairs: dict[str, tuple[Path, Path]], name: str) -> None:
    cert, key = pairs[name]
    [(label, body)] = pem_blocks(key.read_text())

    assert usable_by_granian(private_key(label, body)) is granian_serves_https(cert, key)
