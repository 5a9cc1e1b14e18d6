"""3.x's ``server`` and ``worker`` commands: ``prodserver`` for one kind of process."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from django_prodserver.backends.base import BaseServerBackend, BaseWorkerBackend

GRANIAN = "django_prodserver.backends.granian.GranianASGIServer"
CELERY = "django_prodserver.backends.workers.celery.CeleryWorker"
PROCESSES = {
    "web": {"BACKEND": GRANIAN, "ARGS": {"port": 8123}},
    "worker": {"BACKEND": CELERY, "APP": "django_prodserver.backends.celery.catalogue.app"},
    "legacy": {"BACKEND": "tests.unit.compat.test_commands.LegacyWorker"},
}


class LegacyWorker(BaseWorkerBackend):
    """A custom backend written for 3.x: untyped."""


class LegacyServer(BaseServerBackend):
    """A custom server backend written for 3.x: untyped."""


@pytest.mark.parametrize(
    ("command", "name", "message"),
    [
        ("server", "worker", "Process 'worker' is a worker, not a server: run it with `manage.py worker worker`."),
        ("server", "legacy", "Process 'legacy' is a worker, not a server: run it with `manage.py worker legacy`."),
        ("worker", "web", "Process 'web' is a server, not a worker: run it with `manage.py server web`."),
    ],
)
def test_each_command_refuses_the_other_kind(command: str, name: str, message: str) -> None:
    with override_settings(PRODUCTION_PROCESSES=PROCESSES), pytest.raises(CommandError) as raised:
        call_command(command, name, "--skip-checks")

    assert str(raised.value) == message


def test_without_a_name_each_runs_the_first_process_of_its_kind(capsys: pytest.CaptureFixture[str]) -> None:
    with override_settings(PRODUCTION_PROCESSES={"worker": PROCESSES["worker"], "web": PROCESSES["web"]}):
        call_command("server", "--dry-run", "--skip-checks")

    assert "Process 'web'" in capsys.readouterr().out


def test_a_command_without_a_process_of_its_kind_says_so() -> None:
    with override_settings(PRODUCTION_PROCESSES={"web": PROCESSES["web"]}), pytest.raises(CommandError) as raised:
        call_command("worker", "--skip-checks")

    assert str(raised.value) == "No worker process in PRODUCTION_PROCESSES; declared: 'web'."
