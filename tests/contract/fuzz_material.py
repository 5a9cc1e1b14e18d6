"""The files a fuzzed configuration may name, written into each example's own directory.

Good files (a certificate for 127.0.0.1 and its CA, logging configurations), files of the wrong
kind (empty, junk, a directory where a file goes), and the paths a socket option may find taken:
by a regular file, by a directory, by a socket nobody listens on any more.
"""

from __future__ import annotations

import shutil
import socket
from functools import cache
from pathlib import Path

import trustme

LOGGING_JSON = '{"version": 1, "disable_existing_loggers": false}'
LOGGING_REJECTED = '{"version": 1, "handlers": {"h": {"class": "no.such.Handler"}}, "root": {"handlers": ["h"]}}'
LOGGING_INI = "[loggers]\nkeys=root\n[handlers]\nkeys=\n[formatters]\nkeys=\n[logger_root]\nhandlers=\n"


@cache
def _template(root: Path) -> Path:
    """The files every example copies, written once per test process (a CA takes a moment)."""
    directory = root / "fuzz-template"
    directory.mkdir()
    authority = trustme.CA()
    issued = authority.issue_cert("127.0.0.1", "localhost")
    (directory / "cert.pem").write_bytes(b"".join(pem.bytes() for pem in issued.cert_chain_pems))
    issued.private_key_pem.write_to_path(str(directory / "key.pem"))
    authority.cert_pem.write_to_path(str(directory / "ca.pem"))
    # The client's certificate, from the same CA: a server that requires one with ssl-ca gets it.
    authority.issue_cert("client@example.com").private_key_and_cert_chain_pem.write_to_path(
        str(directory / "client.pem")
    )
    (directory / "empty.txt").write_text("")
    (directory / "junk.txt").write_text("not a certificate, not a configuration\n")
    (directory / "logging.json").write_text(LOGGING_JSON)
    (directory / "logging-bad.json").write_text(LOGGING_REJECTED)
    (directory / "logging.ini").write_text(LOGGING_INI)
    (directory / "app.env").write_text("FUZZ_A=1\n")
    (directory / "flowerconfig.py").write_text("debug = False\n")
    (directory / "held-by-file.sock").write_text("a regular file where a socket goes\n")
    for folder in ("a-dir", "held-by-dir.sock"):
        (directory / folder).mkdir()
    return directory


def write_material(directory: Path, root: Path) -> Path:
    """The example's files in ``directory`` (created), from the template kept under ``root``."""
    shutil.copytree(_template(root), directory, dirs_exist_ok=True)
    # A socket file left by a server that has stopped: it cannot be copied, so it is made here.
    with socket.socket(socket.AF_UNIX) as stale:
        stale.bind(str(directory / "stale.sock"))
    return directory / "client.pem"
