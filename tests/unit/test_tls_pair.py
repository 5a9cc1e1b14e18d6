"""The certificate rules: the pair (E052) says why OpenSSL refuses a certificate and key it parses, and
every server's served certificate must be valid now (W053)."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from django_prodserver.rules.text import shown
from django_prodserver.rules.tls import certificate_date_problems, certificate_dates, tls_pair_problems
from django_prodserver.validation import validate_process
from tests.catalogue import write_self_signed

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


@pytest.mark.parametrize(
    "backend",
    [
        "django_prodserver.backends.granian.GranianASGIServer",
        "django_prodserver.backends.gunicorn.GunicornServer",
        "django_prodserver.backends.uvicorn.UvicornServer",
    ],
)
@pytest.mark.parametrize(("days", "why"), [((-60, -30), "expired on "), ((30, 60), "is valid only from ")])
def test_a_certificate_not_valid_now_is_w053(tmp_path: Path, backend: str, days: tuple[int, int], why: str) -> None:
    # The server serves it; every client that verifies certificates refuses the connection.
    def found(cert: Path, key: Path) -> list[tuple[str, str]]:
        args = {"ssl-cert": str(cert), "ssl-key": str(key)}
        report = validate_process("web", {"BACKEND": backend, "ARGS": args})
        return [(problem.id, problem.message) for problem in report.problems if not problem.deploy]

    cert, key = write_self_signed(tmp_path, "dated", ec.generate_private_key(ec.SECP256R1()), valid_days=days)
    [(found_id, message)] = found(cert, key)
    assert found_id == "prodserver.W053"
    assert message.startswith(
        f"PRODUCTION_PROCESSES['web']['ARGS']['ssl-cert'] names {shown(cert)}, whose certificate {why}"
    )
    valid, valid_key = write_self_signed(tmp_path, "valid", ec.generate_private_key(ec.SECP256R1()))
    assert found(valid, valid_key) == []


def test_a_certificate_is_valid_from_its_first_second_to_its_last(tmp_path: Path) -> None:
    # X.509's validity period includes both notBefore and notAfter (RFC 5280 4.1.2.5).
    cert, _ = write_self_signed(tmp_path, "edges", ec.generate_private_key(ec.SECP256R1()))
    dates = certificate_dates(cert)
    assert dates is not None
    not_before, not_after = dates

    def ids(now: float) -> list[str]:
        return [p.id for p in certificate_date_problems(cert, cert_field="ssl_cert", now=now)]

    assert ids(not_before) == ids(not_after) == []
    assert ids(not_before - 1) == ids(not_after + 1) == ["prodserver.W053"]
