"""A throwaway certificate authority (trustme) and a server certificate for 127.0.0.1."""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path

import trustme


@dataclass(frozen=True)
class TLSFiles:
    cert: Path
    key: Path
    client_context: ssl.SSLContext


def write_server_certificate(
    directory: Path, *, key_of_another_certificate: bool = False, key_type: trustme.KeyType = trustme.KeyType.ECDSA
) -> TLSFiles:
    """``cert.pem`` and ``key.pem`` for 127.0.0.1, and a client context that trusts their CA.

    ``key_of_another_certificate``: a valid key that does not match the certificate.
    ``key_type``: trustme writes traditional PEM keys ("EC PRIVATE KEY" / "RSA PRIVATE KEY"),
    which Granian loads although its ``--help`` says PKCS#8 only.
    """
    authority = trustme.CA(key_type=key_type)
    issued = authority.issue_cert("127.0.0.1", key_type=key_type)
    key_owner = authority.issue_cert("127.0.0.1", key_type=key_type) if key_of_another_certificate else issued
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(b"".join(pem.bytes() for pem in issued.cert_chain_pems))
    key_owner.private_key_pem.write_to_path(str(key_path))
    client_context = ssl.create_default_context()
    authority.configure_trust(client_context)
    return TLSFiles(cert_path, key_path, client_context)
