"""A certificate and a password-protected PKCS#8 key signed by a throwaway CA (trustme)."""

from __future__ import annotations

from pathlib import Path

import trustme
from cryptography.hazmat.primitives import serialization


def write_tls_files(directory: Path, password: str) -> tuple[Path, Path]:
    """``(cert.pem, key.pem)`` in ``directory``; the key is encrypted with ``password``."""
    issued = trustme.CA().issue_cert("127.0.0.1")
    key = serialization.load_pem_private_key(issued.private_key_pem.bytes(), password=None)
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    issued.cert_chain_pems[0].write_to_path(str(cert_path))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(password.encode()),
        )
    )
    return cert_path, key_path
