"""Granian's TLS: the options that need both certificate and key, and the files its rustls (built
with ring) loads: a key it cannot decrypt or sign with, or a trust file without the PEM block it
reads, panics its workers at start, where Python's ssl would have loaded them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...problems import Problem, Severity
from ...rules.text import shown
from ...rules.tls import certificate_problems, tls_pair_problems
from .options import GranianArgs

if TYPE_CHECKING:
    from ...rules.private_keys import PrivateKey

E043 = "prodserver.E043"
E044 = "prodserver.E044"
E047 = "prodserver.E047"
E048 = "prodserver.E048"
E049 = "prodserver.E049"
W041 = "prodserver.W041"
W043 = "prodserver.W043"

E043_CERT_WITHOUT_KEY = Problem(
    E043,
    Severity.ERROR,
    ("ARGS", "ssl_cert"),
    "is set without ssl-key: Granian would silently serve plain HTTP.",
    "Set ssl-key to the certificate's private key file.",
)
E044_KEY_WITHOUT_CERT = Problem(
    E044,
    Severity.ERROR,
    ("ARGS", "ssl_key"),
    "is set without ssl-cert: Granian would silently serve plain HTTP.",
    "Set ssl-cert to the certificate file that goes with this key.",
)
W041_VERIFY_WITHOUT_CA = Problem(
    W041,
    Severity.WARNING,
    ("ARGS", "ssl_client_verify"),
    "is True without ssl-ca: Granian ignores it and accepts every client.",
    "Set ssl-ca to the CA certificate that signs your clients' certificates.",
)
W043_HTTP2_WITHOUT_TLS = Problem(
    W043,
    Severity.WARNING,
    ("ARGS", "http"),
    "is '2' without TLS: Granian then refuses every HTTP/1.1 client, browsers included.",
    "Use 'auto' to serve HTTP/1.1 and HTTP/2, or set ssl-cert and ssl-key.",
)


def tls_enabled(args: GranianArgs) -> bool:
    # Granian serves TLS only with both files; with one of them it silently serves plain HTTP.
    return args.ssl_cert is not None and args.ssl_key is not None


def tls_pair(args: GranianArgs, wsgi: bool) -> list[Problem]:
    if args.ssl_cert is not None and args.ssl_key is None:
        return [E043_CERT_WITHOUT_KEY]
    if args.ssl_key is not None and args.ssl_cert is None:
        return [E044_KEY_WITHOUT_CERT]
    return []


def client_verify(args: GranianArgs, wsgi: bool) -> list[Problem]:
    if args.ssl_client_verify and tls_enabled(args) and args.ssl_ca is None:
        return [W041_VERIFY_WITHOUT_CA]
    return []


def http2_without_tls(args: GranianArgs, wsgi: bool) -> list[Problem]:
    return [W043_HTTP2_WITHOUT_TLS] if args.http == "2" and not tls_enabled(args) else []


DECRYPT_HINT = "Decrypt the key (openssl pkey -in key.pem -out plain-key.pem), use it, and remove ssl-keyfile-password."
E047_PASSWORD = Problem(
    E047,
    Severity.ERROR,
    ("ARGS", "ssl_keyfile_password"),
    "is set, but Granian 2.8 cannot decrypt a key: with any password its workers panic at start.",
    DECRYPT_HINT,
)
E047_ENCRYPTED_KEY = Problem(
    E047,
    Severity.ERROR,
    ("ARGS", "ssl_key"),
    "is an encrypted key, which Granian 2.8 cannot load: its workers panic at start.",
    DECRYPT_HINT,
)
# What each trust file must hold for Granian's rustls to load it (a file without one panics a worker).
_PEM_BLOCKS = {"ssl_ca": ("CERTIFICATE", "certificate"), "ssl_crl": ("X509 CRL", "certificate revocation list")}


def _pem(path: Path) -> str | None:
    """A PEM file's text, or None if it cannot be read (the file rules report that)."""
    try:
        return path.read_text(errors="replace") if path.is_file() else None
    except OSError:
        return None


def trust_file_problems(args: GranianArgs) -> list[Problem]:
    problems = []
    for field, (block, what) in _PEM_BLOCKS.items():
        value = getattr(args, field)
        for index, path in enumerate(value if isinstance(value, list) else [value] if value else []):
            text = _pem(path)
            if text is not None and f"-----BEGIN {block}-----" not in text:
                where = ("ARGS", field, index) if isinstance(value, list) else ("ARGS", field)
                problems.append(
                    Problem(
                        E049,
                        Severity.ERROR,
                        where,
                        f"names {shown(path)}, which holds no PEM {what}: Granian's workers would panic at start.",
                        f"Name a PEM file with a '-----BEGIN {block}-----' block.",
                    )
                )
    return problems


RING_RSA_BITS = range(2048, 4096 + 1)
"""The RSA modulus sizes ring 0.17 signs with (its ``RsaKeyPair`` refuses smaller and larger keys)."""
RING_KEYS = "ECDSA P-256 or P-384, Ed25519, or RSA of 2048 to 4096 bits"


def usable_by_granian(key: PrivateKey) -> bool:
    """Whether Granian's rustls, built with ring, can sign with this key."""
    if key.algorithm == "RSA":
        # ring also wants an odd public exponent of at least 65537 (and at most 33 bits).
        exponent = key.exponent or 0
        return key.bits in RING_RSA_BITS and exponent % 2 == 1 and 65537 <= exponent < 2**33
    if key.algorithm == "EC":
        return key.curve in {"P-256", "P-384"}
    return key.algorithm == "Ed25519"


def key_type_problems(path: Path, text: str) -> list[Problem]:
    """E048 when Granian would read no key from the file, or one its TLS stack cannot sign with."""
    from ...rules.private_keys import PKCS1, PKCS8, SEC1, MalformedKey, pem_blocks, private_key

    blocks = pem_blocks(text)
    # The blocks rustls-pemfile's private_key() reads (src/tls.rs): the first of them is Granian's key.
    readable = [(label, body) for label, body in blocks if label in (PKCS8, PKCS1, SEC1)]
    if not readable:
        others = [label for label, _ in blocks if label.endswith("PRIVATE KEY")]
        if not others:
            # No key at all: the pair rule (E052) says the file cannot be loaded.
            return []
        found = f"only a {others[0]!r} block"
        why = f"holds {found}, and Granian reads only 'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY' blocks"
    else:
        try:
            key = private_key(*readable[0])
        except MalformedKey:
            return []  # Python's ssl cannot load it either: the pair rule reports it.
        if usable_by_granian(key):
            return []
        why = f"holds {key.describe()}, which Granian's TLS (rustls with ring) cannot sign with"
    return [
        Problem(
            E048,
            Severity.ERROR,
            ("ARGS", "ssl_key"),
            f"names {shown(path)}, which {why}: its workers would panic at start.",
            f"Use a certificate and key of a type Granian supports: {RING_KEYS}.",
        )
    ]


def tls_problems(args: GranianArgs) -> list[Problem]:
    if args.ssl_keyfile_password is not None and tls_enabled(args):
        # Without both files Granian reads no key (W046 says the password does nothing).
        # Checked first: Python's ssl would load what Granian cannot (tests/integration/RED_TEAM_FINDINGS.md).
        return [E047_PASSWORD]
    key_text = _pem(args.ssl_key) if args.ssl_key is not None else None
    if args.ssl_key is not None and key_text is not None:
        if "ENCRYPTED PRIVATE KEY" in key_text or "Proc-Type: 4,ENCRYPTED" in key_text:
            return [E047_ENCRYPTED_KEY]
        unusable = key_type_problems(args.ssl_key, key_text)
        if unusable:
            return unusable
    # A pair Granian does not serve (TLS off) still has to load; only a served one has to be valid now.
    problems = certificate_problems if tls_enabled(args) else tls_pair_problems
    return problems(
        args.ssl_cert,
        args.ssl_key,
        "",
        cert_field="ssl_cert",
        key_name="ssl-key",
        password_name="ssl-keyfile-password",
    )
