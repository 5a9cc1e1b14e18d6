"""Fixtures of the unit tests."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in a directory holding the files examples name (also those of the check catalogue).

    ``tls/cert.pem`` and ``tls/key.pem`` make a pair, ``tls/other-key.pem`` is another certificate's key.
    """
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tls").mkdir()
    ca = trustme.CA()
    issued = ca.issue_cert("127.0.0.1")
    issued.cert_chain_pems[0].write_to_path(str(tmp_path / "tls" / "cert.pem"))
    issued.private_key_pem.write_to_path(str(tmp_path / "tls" / "key.pem"))
    ca.issue_cert("127.0.0.1").private_key_pem.write_to_path(str(tmp_path / "tls" / "other-key.pem"))
    for directory in ("static", "media"):
        (tmp_path / directory).mkdir()
    (tmp_path / "logging.json").write_text('{"version": 1}')
    (tmp_path / "logging.ini").write_text("[loggers]\nkeys=root\n")
    return tmp_path


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """No object frozen out of the collector before and after the test (a launcher freezes its heap to fork)."""
    gc.unfreeze()
    yield
    gc.unfreeze()
