"""Granian's TLS files (``backends/granian/tls.py``): what its rustls cannot load, by the exact messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import dsa, ec
from django.core.checks import Error

from tests.unit.checking import ARGS, ASGI, check, web
from tests.unit.tls_files import write_tls_files

TLS = {"ssl-cert": "tls/cert.pem", "ssl-key": "tls/key.pem"}

DECRYPT = "Decrypt the key (openssl pkey -in key.pem -out plain-key.pem), use it, and remove ssl-keyfile-password."


@pytest.mark.parametrize("password", [None, "right"], ids=["without-password", "with-its-password"])
def test_granian_cannot_load_an_encrypted_key(in_tmp: Path, password: str | None) -> None:
    # Python's ssl loads it with its password; Granian 2.8's workers panic on any encrypted key.
    write_tls_files(in_tmp, "right")
    args = {"ssl-cert": "cert.pem", "ssl-key": "key.pem", **({"ssl-keyfile-password": password} if password else {})}
    if password is None:
        expected = Error(
            f"{ARGS}['ssl-key'] is an encrypted key, which Granian 2.8 cannot load: its workers panic at start.",
            hint=DECRYPT,
            id="prodserver.E047",
        )
    else:
        expected = Error(
            f"{ARGS}['ssl-keyfile-password'] is set, but Granian 2.8 cannot decrypt a key: with any password its "
            "workers panic at start.",
            hint=DECRYPT,
            id="prodserver.E047",
        )
    assert check(web(args)) == [expected]


def test_a_key_password_is_refused_even_with_a_plain_key(in_tmp: Path) -> None:
    [message] = check(web({**TLS, "ssl-keyfile-password": "unused"}))
    assert (message.id, message.msg.split("]")[-2]) == ("prodserver.E047", "['ssl-keyfile-password'")


def test_a_password_without_tls_is_only_w046() -> None:
    # Before: E047 "its workers panic at start" as well, contradicting W046 (no TLS: Granian reads no key).
    assert [message.id for message in check(web({"ssl-keyfile-password": "x"}))] == ["prodserver.W046"]


@pytest.mark.parametrize(
    ("option", "value", "what", "block"),
    [
        ("ssl-ca", "tls/key.pem", "certificate", "CERTIFICATE"),
        ("ssl-crl", "tls/cert.pem", "certificate revocation list", "X509 CRL"),
    ],
)
def test_trust_files_must_hold_what_granian_loads(in_tmp: Path, option: str, value: str, what: str, block: str) -> None:
    path = f"{ARGS}['{option}']" + ("[0]" if option == "ssl-crl" else "")
    assert check(web({**TLS, "ssl-ca": "tls/cert.pem", option: value})) == [
        Error(
            f"{path} names {value!r}, which holds no PEM {what}: Granian's workers would panic at start.",
            hint=f"Name a PEM file with a '-----BEGIN {block}-----' block.",
            id="prodserver.E049",
        )
    ]


def test_a_key_type_granian_cannot_sign_with_is_an_error(in_tmp: Path) -> None:
    from tests.unit.test_private_keys import pem  # one helper for PEM keys

    key = ec.generate_private_key(ec.SECP521R1())
    (in_tmp / "p521.pem").write_text(pem(key))
    assert check(web({"ssl-cert": "tls/cert.pem", "ssl-key": "p521.pem"})) == [
        Error(
            f"{ARGS}['ssl-key'] names 'p521.pem', which holds an ECDSA P-521 key, which Granian's TLS (rustls "
            "with ring) cannot sign with: its workers would panic at start.",
            hint="Use a certificate and key of a type Granian supports: ECDSA P-256 or P-384, Ed25519, or RSA "
            "of 2048 to 4096 bits.",
            id="prodserver.E048",
        )
    ]


def test_a_key_file_granian_reads_no_key_from_is_an_error(in_tmp: Path) -> None:
    from tests.unit.test_private_keys import TRADITIONAL, pem

    (in_tmp / "dsa.pem").write_text(pem(dsa.generate_private_key(1024), TRADITIONAL))
    [error] = check(web({"ssl-cert": "tls/cert.pem", "ssl-key": "dsa.pem"}))
    assert error.id == "prodserver.E048"
    assert "holds only a 'DSA PRIVATE KEY' block, and Granian reads only 'PRIVATE KEY'" in error.msg


def test_an_expired_or_future_certificate_is_w053(in_tmp: Path) -> None:
    from tests.catalogue import write_self_signed

    key = ec.generate_private_key(ec.SECP256R1())
    expired, expired_key = write_self_signed(in_tmp / "tls", "expired", key, valid_days=(-60, -30))
    future, future_key = write_self_signed(in_tmp / "tls", "future", key, valid_days=(30, 60))
    messages = check(
        {
            "web": {"BACKEND": ASGI, "ARGS": {"ssl-cert": str(expired), "ssl-key": str(expired_key)}},
            "api": {"BACKEND": ASGI, "ARGS": {"port": 8001, "ssl-cert": str(future), "ssl-key": str(future_key)}},
        }
    )
    assert [message.id for message in messages] == ["prodserver.W053", "prodserver.W053"]
    assert "whose certificate expired on " in messages[0].msg
    assert "whose certificate is valid only from " in messages[1].msg
    assert messages[0].msg.endswith(
        ": the server serves it, and every client that verifies certificates (browsers, curl, requests) refuses "
        "the connection."
    )
    assert messages[0].hint == "Use a certificate that is valid now: renew it (or fix the system clock)."


def test_a_valid_certificate_has_no_w053(in_tmp: Path) -> None:
    assert check(web(TLS)) == []
