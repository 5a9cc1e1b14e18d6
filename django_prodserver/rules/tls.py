"""A TLS certificate and its private key, loaded together as a server loads them before it serves."""

from __future__ import annotations

import ssl
from pathlib import Path

from ..problems import Problem, Severity
from .text import first_line

E052 = "prodserver.E052"
# OpenSSL reasons for a pair it parses and its security level refuses (Debian's level 2, say).
_REFUSED_BY_POLICY = {
    "EE_KEY_TOO_SMALL": "the key is too small for this system's OpenSSL security level",
    "CA_MD_TOO_WEAK": "the certificate's signature digest is too weak for this system's OpenSSL",
}


def tls_pair_problems(
    cert: Path | None, key: Path | None, password: str, *, cert_field: str, key_name: str, password_name: str
) -> list[Problem]:
    """E052 at ``("ARGS", cert_field)`` if both files exist and do not load as a pair.

    ``key_name`` and ``password_name`` are the documented names of the key and password options.
    """
    if cert is None or key is None or not cert.is_file() or not key.is_file():
        return []
    try:
        # A callable, so that OpenSSL never prompts on the terminal for the password of an encrypted key.
        ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_cert_chain(cert, key, lambda: password)
    except ssl.SSLError as error:
        if error.reason == "KEY_VALUES_MISMATCH":
            return [
                Problem(
                    E052,
                    Severity.ERROR,
                    ("ARGS", cert_field),
                    f"and {key_name} do not match: the key is not this certificate's.",
                    "Use the private key the certificate was issued for.",
                )
            ]
        reason = _REFUSED_BY_POLICY.get(error.reason or "", f"not PEM, or a wrong {password_name}")
    except (OSError, ValueError) as error:
        reason = first_line(error)
    else:
        return []
    return [
        Problem(
            E052,
            Severity.ERROR,
            ("ARGS", cert_field),
            f"or {key_name} cannot be loaded ({reason}).",
            f"Use PEM files, and set {password_name} if the key is encrypted.",
        )
    ]
