"""The check catalogue's runners: what the docs' check reference and the catalogue tests run.

Test and docs machinery, kept out of the package (``django_prodserver/catalogue.py`` holds the
examples): it writes certificates (trustme, cryptography), changes the current directory and
replaces module attributes while an example runs.

Examples name files relative to the current directory; :func:`example_files` creates those
that should exist: ``tls/cert.pem`` and its ``tls/key.pem``, another certificate's
``tls/other-key.pem``, a self-signed ECDSA P-521 pair ``tls/p521-cert.pem`` and ``tls/p521-key.pem``, a P-256 pair
whose certificate has expired, ``tls/expired-cert.pem`` and ``tls/expired-key.pem``,
``static/``, ``media/``, ``logging.json`` (a logging configuration the servers take),
``logging-refused.json`` (one whose handler class does not exist: ``logging.dictConfig`` refuses it)
and ``logging.ini`` (an INI file without ``[formatters]``: ``logging.fileConfig`` refuses it).
"""

from __future__ import annotations

import importlib
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import trustme

from django_prodserver.catalogue import Example
from django_prodserver.problems import Problem, located, setting_path
from django_prodserver.validation import validate_setting


@contextmanager
def example_files() -> Iterator[Path]:
    """A temporary current directory holding the files the examples name."""
    previous = Path.cwd()
    with TemporaryDirectory() as name:
        directory = Path(name)
        (directory / "tls").mkdir()
        ca = trustme.CA()
        issued = ca.issue_cert("127.0.0.1")
        issued.cert_chain_pems[0].write_to_path(str(directory / "tls" / "cert.pem"))
        issued.private_key_pem.write_to_path(str(directory / "tls" / "key.pem"))
        ca.issue_cert("127.0.0.1").private_key_pem.write_to_path(str(directory / "tls" / "other-key.pem"))
        write_self_signed(directory / "tls", "p521")
        write_self_signed(directory / "tls", "expired", _p256(), valid_days=(-60, -30))
        for folder in ("static", "media"):
            (directory / folder).mkdir()
        (directory / "logging.json").write_text('{"version": 1}')
        (directory / "logging-refused.json").write_text(
            '{"version": 1, "handlers": {"h": {"class": "no.such.Handler"}}}'
        )
        (directory / "logging.ini").write_text("[loggers]\nkeys=root\n")
        (directory / "empty.pid").write_text("")
        (directory / "init.pid").write_text("1\n")
        with socket.socket(socket.AF_UNIX) as stale:
            # A socket file nobody listens on any more, as a server killed without its shutdown leaves.
            stale.bind(str(directory / "stale.sock"))
        os.chdir(directory)
        try:
            yield directory
        finally:
            os.chdir(previous)


def _p256() -> Any:
    from cryptography.hazmat.primitives.asymmetric import ec

    return ec.generate_private_key(ec.SECP256R1())


def write_self_signed(
    directory: Path, name: str, key: Any = None, *, valid_days: tuple[int, int] = (-1, 30)
) -> tuple[Path, Path]:
    """``<name>-cert.pem`` and its PKCS#8 ``<name>-key.pem`` for 127.0.0.1 (a P-521 key if none is given).

    Any ``cryptography`` private key: the examples and the tests use it for key types that Python's
    ssl loads and some servers cannot sign with.  ``valid_days``: from and until when, in days from now
    (``(-60, -30)`` for a certificate that has expired).
    """
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP521R1()) if key is None else key
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now + datetime.timedelta(days=valid_days[0]))
        .not_valid_after(now + datetime.timedelta(days=valid_days[1]))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        # EdDSA signs without a separate digest.
        .sign(key, None if isinstance(key, (ed25519.Ed25519PrivateKey, ed448.Ed448PrivateKey)) else hashes.SHA256())
    )
    cert, key_file = directory / f"{name}-cert.pem", directory / f"{name}-key.pem"
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert, key_file


@contextmanager
def pretending(example: Example) -> Iterator[None]:
    """The example's platform replacements, undone afterwards."""
    saved = []
    for module_name, attribute, replacement in example.pretend:
        module = importlib.import_module(module_name)
        saved.append((module, attribute, getattr(module, attribute)))
        setattr(module, attribute, replacement)
    try:
        yield
    finally:
        for module, attribute, original in reversed(saved):
            setattr(module, attribute, original)


def problems_of(example: Example, twin: bool = False) -> list[Problem]:
    """What ``check`` (or ``check --deploy``) reports for the example's setting, or its twin's.

    Call it inside :func:`example_files`.  The twin runs on this machine as it is.
    """
    value = example.twin if twin else example.setting
    only = next(iter(value)) if example.starting else None
    with pretending(example) if not twin else nullcontext():
        problems = validate_setting(value, only=only, starting=example.starting)
    return [problem for problem in problems if problem.deploy == example.deploy]


def shown(example: Example) -> Problem:
    """The problem the docs show for the example's ID: the rule's own message and hint."""
    if example.problem is not None:
        # As validation locates it in a process named "web".
        path = ("web", *example.problem.path)
        return located(example.problem, path, setting_path(path))
    [problem] = [problem for problem in problems_of(example) if problem.id == example.id][:1]
    return problem
