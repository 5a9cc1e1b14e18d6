"""The TLS key password never appears in what any command prints or logs."""

from __future__ import annotations

import logging
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from pytest_django.fixtures import Settings

from .prodserver_cli import ASGI, run
from .tls_files import write_tls_files

PASSWORD = "correct-horse-battery"
WRONG_PASSWORD = "wrong-staple-4242"


@pytest.fixture(autouse=True)
def everything_logged(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


@pytest.fixture
def tls_process(settings: Settings, tmp_path: Path) -> dict[str, str]:
    cert, key = write_tls_files(tmp_path, PASSWORD)
    args = {"ssl-cert": str(cert), "ssl-key": str(key), "ssl-keyfile-password": PASSWORD, "port": "0"}
    settings.PRODUCTION_PROCESSES = {"web": {"BACKEND": ASGI, "ARGS": args}}
    # Granian 2.8 cannot use a key password (E047); these tests are about how the secret is shown.
    settings.SILENCED_SYSTEM_CHECKS = ["prodserver.E047"]
    return args


def printed(*results: tuple[int, str, str], capfd: pytest.CaptureFixture[str], logged: str) -> str:
    """Everything the command runs wrote, to its streams, to the process's file descriptors, or to logs."""
    captured = capfd.readouterr()
    return "".join(out + err for _, out, err in results) + captured.out + captured.err + logged


@pytest.mark.usefixtures("tls_process")
def test_dry_run_list_and_help(capfd: pytest.CaptureFixture[str], everything_logged: pytest.LogCaptureFixture) -> None:
    results = [
        run("--dry-run", "--skip-checks"),
        run("--dry-run", "--format", "json", "--skip-checks"),
        run("--dry-run", "--skip-checks", "--ssl-keyfile-password", PASSWORD),
        run("--list"),
        run("--list", "--format", "json"),
        run("--help"),
    ]
    text = printed(*results, capfd=capfd, logged=everything_logged.text)
    assert [code for code, _, _ in results] == [0, 0, 0, 0, 0, 0]
    assert '--ssl-keyfile-password "$PRODSERVER_SSL_KEYFILE_PASSWORD"' in text
    assert PASSWORD not in text


def test_check(tls_process: dict[str, str], settings: Settings, everything_logged: pytest.LogCaptureFixture) -> None:
    # Valid, then wrong in several ways: the check names the option, never its value.
    broken: list[dict[str, object]] = [
        {"ssl-keyfile-password": [PASSWORD]},
        {"ssl-keyfile-password": PASSWORD, "ssl-key": None},
    ]
    stdout = StringIO()
    call_command("check", stdout=stdout)
    messages = [stdout.getvalue()]
    for change in broken:
        settings.PRODUCTION_PROCESSES = {"web": {"BACKEND": ASGI, "ARGS": {**tls_process, **change}}}
        with pytest.raises(SystemCheckError) as raised:
            call_command("check")
        messages.append(str(raised.value))
    assert "ssl-keyfile-password" in messages[1]
    assert PASSWORD not in "".join(messages) + everything_logged.text


def test_a_failing_start(
    tls_process: dict[str, str],
    settings: Settings,
    capfd: pytest.CaptureFixture[str],
    everything_logged: pytest.LogCaptureFixture,
) -> None:
    settings.PRODUCTION_PROCESSES = {
        "web": {"BACKEND": ASGI, "ARGS": {**tls_process, "ssl-keyfile-password": WRONG_PASSWORD}}
    }
    result = run("--skip-checks")
    override = run("--skip-checks", "--ssl-keyfile-password", PASSWORD + "-typo")
    text = printed(result, override, capfd=capfd, logged=everything_logged.text)
    assert (result[0], override[0]) == (1, 1)
    assert WRONG_PASSWORD not in text
    assert PASSWORD not in text
