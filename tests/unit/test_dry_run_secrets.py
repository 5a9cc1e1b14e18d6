"""The printed line reads each secret from an environment variable: run by a shell with the variable set,
it passes exactly the arguments the in-process start does (a mask would pass eight asterisks)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from django_prodserver.args.base import MASK
from django_prodserver.management.output import shell_words

REVEALED = ["celery", "-A", "app", "--broker", "redis://:p w'd@h/0", "flower", "--basic-auth=admin:s3 c'ret", "-x"]
MASKED = ["celery", "-A", "app", "--broker", MASK, "flower", f"--basic-auth={MASK}", "-x"]


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_the_printed_line_run_by_a_shell_passes_the_secrets() -> None:
    words, secrets = shell_words(MASKED)
    assert secrets == ["PRODSERVER_BROKER", "PRODSERVER_BASIC_AUTH"]
    environment = {**os.environ, "PRODSERVER_BROKER": REVEALED[4], "PRODSERVER_BASIC_AUTH": "admin:s3 c'ret"}

    done = subprocess.run(
        ["sh", "-c", "printf '%s\\n' " + " ".join(words)], env=environment, capture_output=True, text=True, check=True
    )

    assert done.stdout.splitlines() == REVEALED


def test_a_line_without_secrets_reads_no_variable() -> None:
    words, secrets = shell_words(["gunicorn", "--name", "web 1"])
    assert (words, secrets) == (["gunicorn", "--name", "'web 1'"], [])
