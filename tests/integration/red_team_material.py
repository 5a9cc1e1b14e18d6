"""Files the red-team cases name: TLS keys Python's ssl loads and Granian 2.8 does not, log configs, paths.

Everything is written by :func:`write_material` into one directory; the tests name the files by
the attributes of :class:`Material`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import trustme
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPrivateKeyTypes

from tests.catalogue import write_self_signed

PASSWORD = "red-team-secret"
UDS_PATH_MAX = 107
"""sizeof(sockaddr_un.sun_path) - 1 on Linux: Granian (socket2) refuses a longer socket path."""
NAME_MAX = 255
"""The longest file name (one path component) Linux file systems take."""


@dataclass(frozen=True)
class Pair:
    cert: Path
    key: Path


@dataclass(frozen=True)
class Material:
    directory: Path
    good: Pair
    """A trustme ECDSA P-256 certificate and its traditional PEM key: Granian serves it."""
    ca: Path
    """The CA certificate of ``good`` (a valid ssl-ca)."""
    encrypted_pkcs8: Path
    """``good``'s key as encrypted PKCS#8 (PBES2, PBKDF2-SHA256, AES-256-CBC), password PASSWORD."""
    encrypted_traditional: Path
    """``good``'s key as a traditional PEM key encrypted by OpenSSL (Proc-Type: 4,ENCRYPTED)."""
    plain_pkcs8: Path
    """``good``'s key as unencrypted PKCS#8."""
    p521: Pair
    ed448: Pair
    dsa: Pair
    """Self-signed pairs Python's ssl loads and Granian's rustls cannot use."""
    p384: Pair
    ed25519: Pair
    """Self-signed pairs both load (the twins of the three above)."""
    crl_of_ca: Path
    """A CRL signed by ``ca``, with the CRL number and authority key identifier webpki requires."""
    dict_config_rejects: Path
    """Valid JSON, a JSON object, that logging.config.dictConfig refuses (a handler class that does not exist)."""
    dict_config_bad_version: Path
    good_log_config: Path
    static: Path
    media: Path
    a_directory: Path

    def long_uds(self, length: int) -> str:
        """An absolute socket path of exactly ``length`` bytes, in an existing directory."""
        prefix = f"{self.directory}/"
        assert len(prefix) < length - 5, "the temporary directory is too deep for this test"
        return prefix + "s" * (length - len(prefix) - 5) + ".sock"

    def long_name(self, length: int) -> str:
        """A path in an existing directory whose file name is ``length`` characters long."""
        return f"{self.directory}/{'n' * length}"


def _self_signed(directory: Path, name: str, key: CertificateIssuerPrivateKeyTypes) -> Pair:
    return Pair(*write_self_signed(directory, name, key))


def _crl(directory: Path, authority: trustme.CA) -> Path:
    key = serialization.load_pem_private_key(authority.private_key_pem.bytes(), None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    issuer = x509.load_pem_x509_certificate(authority.cert_pem.bytes()).subject
    now = datetime.datetime.now(datetime.timezone.utc)
    crl = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer)
        .last_update(now - datetime.timedelta(days=1))
        .next_update(now + datetime.timedelta(days=30))
        .add_extension(x509.CRLNumber(1), False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    path = directory / "ca.crl.pem"
    path.write_bytes(crl.public_bytes(serialization.Encoding.PEM))
    return path


def write_material(directory: Path) -> Material:
    authority = trustme.CA()
    issued = authority.issue_cert("127.0.0.1")
    good = Pair(directory / "cert.pem", directory / "key.pem")
    good.cert.write_bytes(b"".join(pem.bytes() for pem in issued.cert_chain_pems))
    issued.private_key_pem.write_to_path(str(good.key))
    ca = directory / "ca.pem"
    authority.cert_pem.write_to_path(str(ca))

    key = serialization.load_pem_private_key(issued.private_key_pem.bytes(), None)
    encryption = serialization.BestAvailableEncryption(PASSWORD.encode())
    encrypted_pkcs8 = directory / "key.encrypted-pkcs8.pem"
    encrypted_pkcs8.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    )
    encrypted_traditional = directory / "key.encrypted-traditional.pem"
    encrypted_traditional.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, encryption)
    )
    plain_pkcs8 = directory / "key.pkcs8.pem"
    plain_pkcs8.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )

    dict_config_rejects = directory / "logging-rejected.json"
    dict_config_rejects.write_text(
        '{"version": 1, "handlers": {"broken": {"class": "no.such.Handler"}}, "root": {"handlers": ["broken"]}}'
    )
    dict_config_bad_version = directory / "logging-version-2.json"
    dict_config_bad_version.write_text('{"version": 2}')
    good_log_config = directory / "logging.json"
    good_log_config.write_text('{"version": 1, "disable_existing_loggers": false}')
    static, media, a_directory = directory / "static", directory / "media", directory / "a-directory"
    for folder in (static, media, a_directory):
        folder.mkdir()

    return Material(
        directory=directory,
        good=good,
        ca=ca,
        encrypted_pkcs8=encrypted_pkcs8,
        encrypted_traditional=encrypted_traditional,
        plain_pkcs8=plain_pkcs8,
        p521=_self_signed(directory, "p521", ec.generate_private_key(ec.SECP521R1())),
        ed448=_self_signed(directory, "ed448", ed448.Ed448PrivateKey.generate()),
        dsa=_self_signed(directory, "dsa", dsa.generate_private_key(2048)),
        p384=_self_signed(directory, "p384", ec.generate_private_key(ec.SECP384R1())),
        ed25519=_self_signed(directory, "ed25519", ed25519.Ed25519PrivateKey.generate()),
        crl_of_ca=_crl(directory, authority),
        dict_config_rejects=dict_config_rejects,
        dict_config_bad_version=dict_config_bad_version,
        good_log_config=good_log_config,
        static=static,
        media=media,
        a_directory=a_directory,
    )
