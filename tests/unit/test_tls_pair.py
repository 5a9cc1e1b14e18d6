"""The pair rule (E052) says why OpenSSL refuses a certificate and key it parses."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from django_prodserver.checks.catalogue import write_self_signed
from django_prodserver.rules.tls import tls_pair_problems

NAMES = {"cert_field": "ssl_cert", "key_name": "ssl-key", "password_name": "ssl-keyfile-password"}


def test_a_key_below_the_security_level_is_said_to_be_too_small(tmp_path: Path) -> None:
    cert, key = write_self_signed(tmp_path, "rsa-1024", rsa.generate_private_key(65537, 1024))
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_cert_chain(cert, key)
    except ssl.SSLError as error:
        reason = error.reason
    else:
        pytest.skip("this system's OpenSSL security level accepts 1024-bit RSA keys")
    assert reason == "EE_KEY_TOO_SMALL"

    [problem] = tls_pair_problems(cert, key, "", **NAMES)

    assert problem.message == (
        "or ssl-key cannot be loaded (the key is too small for this system's OpenSSL security level)."
    )
