"""A TLS certificate and its private key, loaded together as a server loads them before it serves."""

from __future__ import annotations

import ssl
import time
from pathlib import Path

from ..problems import Problem, Severity
from .text import first_line, shown

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


W053 = "prodserver.W053"


def certificate_dates(cert: Path) -> tuple[float, float] | None:
    """The first certificate's notBefore and notAfter (epoch seconds), or None if it cannot be read.

    Read with the ``ssl`` module's own decoder (what ``getpeercert`` returns), without a crypto library.
    """
    decode = getattr(ssl._ssl, "_test_decode_cert", None)  # type: ignore[attr-defined]
    try:
        if decode is None or not cert.is_file():
            return None
        decoded = decode(str(cert))
        return ssl.cert_time_to_seconds(decoded["notBefore"]), ssl.cert_time_to_seconds(decoded["notAfter"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def certificate_date_problems(cert: Path | None, *, cert_field: str, now: float) -> list[Problem]:
    """W053 when the certificate has expired or is not valid yet: the server serves it, every client refuses it."""
    dates = certificate_dates(cert) if cert is not None else None
    if dates is None:
        return []
    not_before, not_after = dates
    if now > not_after:
        why = f"expired on {_day(not_after)}"
    elif now < not_before:
        why = f"is valid only from {_day(not_before)}"
    else:
        return []
    return [
        Problem(
            W053,
            Severity.WARNING,
            ("ARGS", cert_field),
            f"names {shown(cert)}, whose certificate {why}: the server serves it, and every client that verifies "
            "certificates (browsers, curl, requests) refuses the connection.",
            "Use a certificate that is valid now: renew it (or fix the system clock).",
        )
    ]


def certificate_problems(
    cert: Path | None, key: Path | None, password: str, *, cert_field: str, key_name: str, password_name: str
) -> list[Problem]:
    """The pair a server serves: E052 if it does not load, else W053 if the certificate is not valid now."""
    pair = tls_pair_problems(cert, key, password, cert_field=cert_field, key_name=key_name, password_name=password_name)
    return pair or certificate_date_problems(cert, cert_field=cert_field, now=time.time())


def ca_file_problems(ca_file: Path | None, *, check_id: str, field: str, program: str) -> list[Problem]:
    """``check_id`` if the CA file exists and OpenSSL cannot load certificates from it."""
    if ca_file is None or not ca_file.is_file():
        return []
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_verify_locations(cafile=ca_file)
    except (ssl.SSLError, OSError, ValueError) as error:
        return [
            Problem(
                check_id,
                Severity.ERROR,
                ("ARGS", field),
                f"names {shown(ca_file)}, which OpenSSL cannot load as CA certificates "
                f"({first_line(error)}); {program} would refuse to start.",
                "Name a PEM file of the certificates that sign your clients' certificates.",
            )
        ]
    return []


E067 = "prodserver.E067"


def client_certificate_problems(
    cert_reqs: int, ca_file: Path | None, *, field: str, names: tuple[str, str]
) -> list[Problem]:
    """E067 when client certificates are required and no CA can verify one: every handshake fails.

    ``names`` are the documented names of the requirement and the CA file options.
    """
    if cert_reqs != ssl.CERT_REQUIRED or ca_file is not None:
        return []
    reqs_name, ca_name = names
    return [
        Problem(
            E067,
            Severity.ERROR,
            ("ARGS", field),
            f"is 2 (client certificates required) without {ca_name}: no client certificate can be verified, "
            "so every TLS handshake fails.",
            f"Set {ca_name} to the CA file that signs your clients' certificates, or set {reqs_name} to 0.",
        )
    ]


def cipher_problems(ciphers: str | None, *, check_id: str, field: str, program: str) -> list[Problem]:
    """``check_id`` if this machine's OpenSSL selects no cipher from the list."""
    if ciphers is None:
        return []
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).set_ciphers(ciphers)
    except ssl.SSLError:
        return [
            Problem(
                check_id,
                Severity.ERROR,
                ("ARGS", field),
                f"is {shown(ciphers)}, from which this machine's OpenSSL selects no cipher; {program} "
                "would refuse to start.",
                "Write an OpenSSL cipher list, such as 'ECDHE+AESGCM:ECDHE+CHACHA20' (openssl ciphers -v LIST).",
            )
        ]
    return []


def _day(seconds: float) -> str:
    import datetime

    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
