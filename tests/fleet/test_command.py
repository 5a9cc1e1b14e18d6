"""The command's fleet modes refuse what they cannot do, in one line each."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

GRANIAN = "django_prodserver.backends.granian.GranianASGIServer"
BEAT = "django_prodserver.backends.celery.CeleryBeat"
FLEET = {
    "web": {"BACKEND": GRANIAN, "ARGS": {"address": "0.0.0.0", "port": 8000}},
    "beat": {"BACKEND": BEAT, "APP": "tests.workers_project.celery.app"},
}


def command(*argv: str, name: str = "prodserver") -> str:
    out = io.StringIO()
    with override_settings(PRODUCTION_PROCESSES=FLEET):
        call_command(name, *argv, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["web", "--all"], "--all runs every process: name none, or name the ones to run without --all."),
        (
            ["web", "beat", "--workers", "2"],
            "ARGS options change one process: give them with a single NAME, or in settings.",
        ),
        (["web", "beat", "--output", "x"], "--output and --image go with --export."),
        (["web", "--image", "x"], "--output and --image go with --export."),
        (["web", "nope"], "No process named 'nope' in PRODUCTION_PROCESSES; declared: 'web', 'beat'."),
    ],
)
def test_refusals(argv: list[str], message: str) -> None:
    with pytest.raises(CommandError) as caught:
        command(*argv)
    assert str(caught.value) == message


def test_the_worker_command_exports_its_workers() -> None:
    lines: list[Any] = [line for line in command("--export", "procfile", name="worker").splitlines() if line[:1] != "#"]
    assert lines == ["beat: exec env DJANGO_SETTINGS_MODULE=tests.settings python -m django prodserver beat"]


def test_all_validates_each_process_once(validated: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """``--all`` plans its children from the reports its check showed: no second validation."""
    from django_prodserver.fleet.runner import Runner

    started: list[list[str]] = []

    def run(runner: Runner) -> int:
        started.append([child.name for child in runner.children])
        return 0

    monkeypatch.setattr(Runner, "run", run)
    command("--all", "--skip-checks")
    assert (validated, started) == (["web", "beat"], [["web", "beat"]])
