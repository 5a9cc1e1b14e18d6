"""Reading a PEM key's type without a crypto library, held to what ``cryptography`` writes.

Which of these types Granian can serve is pinned against real Granian by
``tests/integration/test_red_team.py``; here, the reader and the policy over what it reads.
"""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa, x448, x25519
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from django_prodserver.backends.granian.tls import usable_by_granian
from django_prodserver.rules.private_keys import PKCS1, PKCS8, SEC1, MalformedKey, PrivateKey, pem_blocks, private_key

PKCS8_FORMAT, TRADITIONAL = serialization.PrivateFormat.PKCS8, serialization.PrivateFormat.TraditionalOpenSSL


def pem(key: PrivateKeyTypes, form: serialization.PrivateFormat = PKCS8_FORMAT) -> str:
    return key.private_bytes(serialization.Encoding.PEM, form, serialization.NoEncryption()).decode()


def read(text: str) -> PrivateKey:
    [(label, body)] = pem_blocks(text)
    return private_key(label, body)


RSA_2048 = rsa.generate_private_key(65537, 2048)
P256 = ec.generate_private_key(ec.SECP256R1())

KEYS = [
    pytest.param(RSA_2048, PKCS8_FORMAT, PrivateKey(PKCS8, "RSA", bits=2048, exponent=65537), True, id="rsa-pkcs8"),
    pytest.param(RSA_2048, TRADITIONAL, PrivateKey(PKCS1, "RSA", bits=2048, exponent=65537), True, id="rsa-pkcs1"),
    pytest.param(P256, PKCS8_FORMAT, PrivateKey(PKCS8, "EC", "P-256"), True, id="p256-pkcs8"),
    pytest.param(P256, TRADITIONAL, PrivateKey(SEC1, "EC", "P-256"), True, id="p256-sec1"),
    pytest.param(
        ec.generate_private_key(ec.SECP384R1()), TRADITIONAL, PrivateKey(SEC1, "EC", "P-384"), True, id="p384"
    ),
    pytest.param(ed25519.Ed25519PrivateKey.generate(), PKCS8_FORMAT, PrivateKey(PKCS8, "Ed25519"), True, id="ed25519"),
    pytest.param(
        ec.generate_private_key(ec.SECP521R1()), PKCS8_FORMAT, PrivateKey(PKCS8, "EC", "P-521"), False, id="p521"
    ),
    pytest.param(
        ec.generate_private_key(ec.SECP256K1()), TRADITIONAL, PrivateKey(SEC1, "EC", "secp256k1"), False, id="k256"
    ),
    pytest.param(ed448.Ed448PrivateKey.generate(), PKCS8_FORMAT, PrivateKey(PKCS8, "Ed448"), False, id="ed448"),
    pytest.param(dsa.generate_private_key(1024), PKCS8_FORMAT, PrivateKey(PKCS8, "DSA"), False, id="dsa"),
    pytest.param(x25519.X25519PrivateKey.generate(), PKCS8_FORMAT, PrivateKey(PKCS8, "X25519"), False, id="x25519"),
    pytest.param(x448.X448PrivateKey.generate(), PKCS8_FORMAT, PrivateKey(PKCS8, "X448"), False, id="x448"),
]


@pytest.mark.parametrize(("key", "form", "expected", "usable"), KEYS)
def test_each_key_is_read_as_what_it_is(
    key: PrivateKeyTypes, form: serialization.PrivateFormat, expected: PrivateKey, usable: bool
) -> None:
    found = read(pem(key, form))

    assert found == expected
    assert usable_by_granian(found) is usable


def der_length(size: int) -> bytes:
    if size < 0x80:
        return bytes([size])
    body = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def der(tag: int, content: bytes) -> bytes:
    return bytes([tag]) + der_length(len(content)) + content


def integer(value: int) -> bytes:
    return der(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big"))


def pkcs1(modulus_bits: int, exponent: int) -> str:
    """An RSA key's PEM with a modulus of exactly ``modulus_bits`` (only the fields the reader reads are real)."""
    fields = integer(0) + integer(1 << (modulus_bits - 1) | 1) + integer(exponent) + integer(3) * 6
    body = base64.encodebytes(der(0x30, fields)).decode()
    return f"-----BEGIN RSA PRIVATE KEY-----\n{body}-----END RSA PRIVATE KEY-----\n"


@pytest.mark.parametrize(
    ("bits", "exponent", "usable"),
    [
        (2047, 65537, False),
        (2048, 65537, True),
        (4096, 65537, True),
        (4097, 65537, False),
        (8192, 65537, False),
        (2048, 3, False),
        (2048, 65536, False),
        (2048, 2**33 - 1, True),
        (2048, 2**33 + 1, False),
    ],
)
def test_rsa_keys_granian_signs_with_are_bounded_by_ring(bits: int, exponent: int, usable: bool) -> None:
    key = read(pkcs1(bits, exponent))

    assert (key.bits, key.exponent) == (bits, exponent)
    assert usable_by_granian(key) is usable


@pytest.mark.parametrize(
    ("key", "text"),
    [
        (PrivateKey(PKCS8, "EC", "P-521"), "an ECDSA P-521 key"),
        (PrivateKey(SEC1, "EC", None), "an ECDSA key with explicit curve parameters"),
        (PrivateKey(PKCS1, "RSA", bits=1024, exponent=65537), "an RSA key of 1024 bits"),
        (PrivateKey(PKCS8, "Ed448"), "an Ed448 key"),
        (PrivateKey(PKCS8, "DSA"), "a DSA key"),
        (PrivateKey(PKCS8, "OID 1.2.3"), "an OID 1.2.3 key"),
    ],
)
def test_keys_describe_themselves(key: PrivateKey, text: str) -> None:
    assert key.describe() == text


def test_blocks_come_in_file_order_with_their_labels() -> None:
    text = f"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n{pem(P256, TRADITIONAL)}"

    assert [label for label, _ in pem_blocks(text)] == ["CERTIFICATE", SEC1]


def oid(dotted: str) -> bytes:
    first, second, *rest = (int(arc) for arc in dotted.split("."))
    body = bytes([40 * first + second])
    for arc in rest:
        groups = [arc & 0x7F]
        while arc := arc >> 7:
            groups.append(0x80 | arc & 0x7F)
        body += bytes(reversed(groups))
    return der(0x06, body)


def pem_of(label: str, content: bytes) -> str:
    return f"-----BEGIN {label}-----\n{base64.encodebytes(content).decode()}-----END {label}-----\n"


def test_an_ec_key_without_a_named_curve_is_read_as_explicit_and_refused() -> None:
    # PKCS#8 whose AlgorithmIdentifier has no curve: ring finds none either.
    sec1 = der(0x30, integer(1) + der(0x04, b"\x01" * 32))
    info = der(0x30, integer(0) + der(0x30, oid("1.2.840.10045.2.1")) + der(0x04, sec1))
    key = read(pem_of(PKCS8, info))

    assert key == PrivateKey(PKCS8, "EC", None)
    assert not usable_by_granian(key)


def test_an_unknown_curve_is_named_by_its_oid() -> None:
    info = der(0x30, integer(0) + der(0x30, oid("1.2.840.10045.2.1") + oid("1.2.3.4.500")) + der(0x04, b""))

    assert read(pem_of(PKCS8, info)).curve == "OID 1.2.3.4.500"


@pytest.mark.parametrize(
    ("label", "body"),
    [
        pytest.param(PKCS8, base64.b64encode(b"\x30\x85\x00\x00\x00\x00\x01\x00").decode(), id="5-byte-length"),
        pytest.param(PKCS8, base64.b64encode(b"\x30\x80\x00").decode(), id="indefinite-length"),
        pytest.param(PKCS8, base64.b64encode(b"\x30\x82\x01").decode(), id="length-bytes-cut"),
        pytest.param(PKCS8, base64.b64encode(b"\x30\x02\x02\x00\x00").decode(), id="trailing-bytes"),
        pytest.param(PKCS8, "not base64!", id="not-base64"),
        pytest.param(PKCS8, base64.b64encode(b"\x30\x05\x02\x01").decode(), id="truncated"),
        pytest.param(PKCS8, base64.b64encode(b"\x04\x00").decode(), id="not-a-sequence"),
        pytest.param(PKCS1, base64.b64encode(b"\x30\x03\x02\x01\x00").decode(), id="no-modulus"),
        pytest.param(SEC1, "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA", id="encrypted"),
        pytest.param("DSA PRIVATE KEY", "AAAA", id="another-form"),
    ],
)
def test_what_does_not_parse_is_malformed_not_a_crash(label: str, body: str) -> None:
    with pytest.raises(MalformedKey):
        private_key(label, body)
