"""What private keys a PEM file holds (type, curve, size), read from their DER without a crypto library.

Python's ``ssl`` loads any key OpenSSL knows, but a server built on another TLS stack may use fewer
(Granian's rustls with ring signs only with RSA, ECDSA P-256/P-384 and Ed25519). Telling which key a
file holds needs only the outer ASN.1 structure of the three unencrypted PEM forms servers read.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

PKCS8 = "PRIVATE KEY"
PKCS1 = "RSA PRIVATE KEY"
SEC1 = "EC PRIVATE KEY"

_BLOCK = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", re.DOTALL)
_SEQUENCE, _INTEGER, _OCTET_STRING, _OID, _EXPLICIT_0 = 0x30, 0x02, 0x04, 0x06, 0xA0

# Dotted OIDs of the algorithms and named curves a PKCS#8 or SEC1 key names (RFC 8410, RFC 5480, RFC 3279).
ALGORITHMS = {
    "1.2.840.113549.1.1.1": "RSA",
    "1.2.840.113549.1.1.10": "RSA-PSS",
    "1.2.840.10045.2.1": "EC",
    "1.2.840.10040.4.1": "DSA",
    "1.3.101.110": "X25519",
    "1.3.101.111": "X448",
    "1.3.101.112": "Ed25519",
    "1.3.101.113": "Ed448",
}
CURVES = {
    "1.2.840.10045.3.1.7": "P-256",
    "1.3.132.0.34": "P-384",
    "1.3.132.0.35": "P-521",
    "1.3.132.0.10": "secp256k1",
    "1.3.36.3.3.2.8.1.1.7": "brainpoolP256r1",
    "1.3.36.3.3.2.8.1.1.11": "brainpoolP384r1",
    "1.3.36.3.3.2.8.1.1.13": "brainpoolP512r1",
}


@dataclass(frozen=True)
class PrivateKey:
    """One private key block: its PEM label and what its DER says it is."""

    block: str
    algorithm: str
    """``RSA``, ``EC``, ``Ed25519``, ``Ed448``, ``DSA``...; ``OID 1.2.3`` for one not known here."""
    curve: str | None = None
    """The named curve of an EC key (``P-256``...), ``OID 1.2.3`` for another, None if it has none."""
    bits: int | None = None
    """An RSA key's modulus size."""
    exponent: int | None = None
    """An RSA key's public exponent."""

    def describe(self) -> str:
        """``an ECDSA P-521 key``, ``an RSA key of 1024 bits``, ``an Ed448 key``, ``a DSA key``."""
        if self.algorithm == "EC":
            text = f"ECDSA {self.curve} key" if self.curve else "ECDSA key with explicit curve parameters"
        elif self.bits is not None:
            text = f"{self.algorithm} key of {self.bits} bits"
        else:
            text = f"{self.algorithm} key"
        # Every name here but DSA is read with a vowel sound: an ECDSA, an Ed448, an RSA, an X25519, an OID.
        return f"{'a' if text.startswith('DSA') else 'an'} {text}"


class MalformedKey(ValueError):
    """A block that is not an unencrypted key of these forms, or whose base64 or DER does not parse.

    It carries no detail: Python's ``ssl`` cannot load such a file either, and the pair rule says so.
    """


def pem_blocks(text: str) -> list[tuple[str, str]]:
    """Each ``(label, body)`` of a PEM text, in file order."""
    return [(match[1], match[2]) for match in _BLOCK.finditer(text)]


def private_key(label: str, body: str) -> PrivateKey:
    """The key in one unencrypted PKCS#8, PKCS#1 or SEC1 block; ``MalformedKey`` if it does not parse."""
    if ":" in body:
        # RFC 1421 headers (Proc-Type, DEK-Info) mean an encrypted traditional key.
        raise MalformedKey
    try:
        der = base64.b64decode("".join(body.split()), validate=True)
    except (binascii.Error, ValueError) as error:
        raise MalformedKey from error
    parse = _PARSERS.get(label)
    if parse is None:
        raise MalformedKey
    try:
        return parse(der)
    except (IndexError, ValueError) as error:
        raise MalformedKey from error


def _pkcs8(der: bytes) -> PrivateKey:
    # PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier, privateKey OCTET STRING, ... } (RFC 5208)
    version, algorithm, key = _children(_expect(der, _SEQUENCE))[:3]
    _expect_tag(version, _INTEGER)
    identifier = _children(algorithm[1])
    oid = _oid(_expect_tag(identifier[0], _OID))
    name = ALGORITHMS.get(oid, f"OID {oid}")
    if name == "RSA":
        return _rsa(PKCS8, _expect_tag(key, _OCTET_STRING))
    if name == "EC":
        # The named curve is the algorithm's parameter (RFC 5480), where ring looks for it too.
        return PrivateKey(PKCS8, "EC", _curve(identifier[1]) if len(identifier) > 1 else None)
    return PrivateKey(PKCS8, name)


def _pkcs1(der: bytes) -> PrivateKey:
    return _rsa(PKCS1, der)


def _rsa(block: str, der: bytes) -> PrivateKey:
    # RSAPrivateKey ::= SEQUENCE { version, modulus INTEGER, publicExponent INTEGER, ... } (RFC 8017)
    fields = _children(_expect(der, _SEQUENCE))
    modulus = int.from_bytes(_expect_tag(fields[1], _INTEGER), "big")
    exponent = int.from_bytes(_expect_tag(fields[2], _INTEGER), "big")
    return PrivateKey(block, "RSA", bits=modulus.bit_length(), exponent=exponent)


def _sec1(der: bytes) -> PrivateKey:
    # ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING, [0] parameters OPTIONAL, ... } (RFC 5915)
    fields = _children(_expect(der, _SEQUENCE))
    _expect_tag(fields[1], _OCTET_STRING)
    parameters = [content for tag, content in fields[2:] if tag == _EXPLICIT_0]
    return PrivateKey(SEC1, "EC", _curve(_children(parameters[0])[0]) if parameters else None)


_PARSERS = {PKCS8: _pkcs8, PKCS1: _pkcs1, SEC1: _sec1}


def _curve(parameters: tuple[int, bytes]) -> str | None:
    """A named curve's name; None for explicit parameters (a SEQUENCE), which few stacks accept."""
    if parameters[0] != _OID:
        return None
    oid = _oid(parameters[1])
    return CURVES.get(oid, f"OID {oid}")


def _expect(der: bytes, tag: int) -> bytes:
    found, content, end = _element(der, 0)
    if found != tag or end != len(der):
        raise ValueError(f"expected tag {tag:#x}, found {found:#x}")
    return content


def _expect_tag(element: tuple[int, bytes], tag: int) -> bytes:
    if element[0] != tag:
        raise ValueError(f"expected tag {tag:#x}, found {element[0]:#x}")
    return element[1]


def _children(der: bytes) -> list[tuple[int, bytes]]:
    children, at = [], 0
    while at < len(der):
        tag, content, at = _element(der, at)
        children.append((tag, content))
    return children


def _element(der: bytes, at: int) -> tuple[int, bytes, int]:
    """The tag, content and end of the DER element at ``at`` (one-byte tags: all these structures use)."""
    tag, length = der[at], der[at + 1]
    at += 2
    if length & 0x80:
        size = length & 0x7F
        if not 1 <= size <= 4 or at + size > len(der):
            raise ValueError("bad length")
        length = int.from_bytes(der[at : at + size], "big")
        at += size
    if at + length > len(der):
        raise ValueError("truncated DER")
    return tag, der[at : at + length], at + length


def _oid(content: bytes) -> str:
    if not content:
        raise ValueError("empty OID")
    arcs, value = [], 0
    for byte in content:
        value = value << 7 | byte & 0x7F
        if not byte & 0x80:
            arcs.append(value)
            value = 0
    first = min(arcs[0] // 40, 2)
    return ".".join(str(arc) for arc in (first, arcs[0] - 40 * first, *arcs[1:]))
