"""``manage.py prodserver [NAME] --help`` lists the options of that process's backend."""

from __future__ import annotations

import pytest
from pytest_django.fixtures import Settings

from django_prodserver.management.commands.prodserver import Command

from .prodserver_cli import ASGI, WSGI, run


@pytest.fixture(autouse=True)
def processes(settings: Settings) -> None:
    settings.PRODUCTION_PROCESSES = {"web": {"BACKEND": ASGI}, "wsgi": {"BACKEND": WSGI}}


def help_of(*argv: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert run(*argv, "--help")[0] == 0
    return capsys.readouterr().out


def squeezed(text: str) -> str:
    """Help text with argparse's line wrapping undone."""
    return " ".join(text.split())


def test_help_of_the_default_process() -> None:
    text = squeezed(Command().create_parser("manage.py", "prodserver").format_help())
    assert text.startswith(
        "usage: manage.py prodserver [NAME] [--list | --dry-run] [--format {text,json}] [--skip-checks] [ARGS options]"
    )
    assert "binding (ARGS of 'web'): --address TEXT IP address to bind to (default: 127.0.0.1)" in text
    assert "--blocking-threads N Blocking threads per worker; Granian refuses more than 1 for ASGI" in text


def test_help_of_a_named_process(capsys: pytest.CaptureFixture[str]) -> None:
    text = squeezed(help_of("wsgi", capsys=capsys))
    assert "workers (ARGS of 'wsgi'):" in text
    assert "--threads N Threads per worker running the Django app (Granian's blocking threads) (default: 1;" in text
    assert "--blocking-threads N" not in text


@pytest.mark.parametrize(
    "entry",
    [
        "--port N TCP port to bind to (default: 8000; between 0 and 65535)",
        "--http {auto,1,2} HTTP version: auto, 1 or 2 (default: auto)",
        "--log-access {true,false} Access log (Granian's own default is off) (default: true)",
        "--workers-lifetime DURATION Seconds (or a duration) a worker lives before it is respawned"
        " (between 60 and 8589934592 seconds)",
        "--ssl-crl PATH Certificate revocation list file(s) (repeatable)",
        "--access-log-fmt TEXT Access log format",
    ],
)
def test_help_gives_descriptions_defaults_choices_and_ranges(entry: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert entry in squeezed(help_of("web", capsys=capsys))


def test_help_groups_options_by_topic(capsys: pytest.CaptureFixture[str]) -> None:
    titles = [line for line in help_of("web", capsys=capsys).splitlines() if line.endswith("(ARGS of 'web'):")]
    assert titles == [
        "binding (ARGS of 'web'):",
        "protocols (ARGS of 'web'):",
        "workers (ARGS of 'web'):",
        "HTTP/1 (ARGS of 'web'):",
        "HTTP/2 (ARGS of 'web'):",
        "logging (ARGS of 'web'):",
        "TLS (ARGS of 'web'):",
        "application and process (ARGS of 'web'):",
        "worker lifecycle (ARGS of 'web'):",
        "static files (ARGS of 'web'):",
        "metrics (ARGS of 'web'):",
        "reloader (ARGS of 'web'):",
    ]


def test_help_with_a_broken_setting_still_shows_the_commands_options(settings: Settings) -> None:
    settings.PRODUCTION_PROCESSES = {"web": {"BACKEND": "no.such.Backend"}}
    text = Command().create_parser("manage.py", "prodserver").format_help()
    assert "--dry-run" in text
    assert "ARGS of" not in text


def test_help_states_the_precedence(capsys: pytest.CaptureFixture[str]) -> None:
    assert squeezed(help_of("wsgi", capsys=capsys)).endswith(
        "ARGS options override the settings of 'wsgi' for this run (precedence: default < settings < command line)."
        " Booleans take true or false; repeatable options may be given several times."
    )
