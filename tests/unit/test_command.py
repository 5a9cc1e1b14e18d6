"""``manage.py prodserver``: choosing the process, checks, starting, and untyped backends.

The server itself is replaced by a recorder here; tests/integration starts real ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.core import checks
from django.core.checks.registry import registry
from django.core.management import call_command, execute_from_command_line
from pytest_django.fixtures import Settings

from django_prodserver import validation
from django_prodserver.args import BackendArgs
from django_prodserver.backends.base import BaseServerBackend, ServerStartError
from django_prodserver.backends.granian import GranianASGIArgs, GranianServer, GranianWSGIArgs
from django_prodserver.management.commands.prodserver import Command

from .prodserver_cli import ASGI, WSGI, run

PROCESSES = {
    "web": {"BACKEND": ASGI, "ARGS": {"port": "8000", "workers": "2"}},
    "wsgi": {"BACKEND": WSGI, "ARGS": {"port": "8001", "threads": "4"}},
}


class RecordingBackend(BaseServerBackend):
    """A backend written for django-prodserver 3.0: untyped, started with ``--key=value`` strings."""

    started: list[tuple[str, ...]] = []

    def start_server(self, *args: str) -> None:
        self.started.append(args)


@pytest.fixture(autouse=True)
def processes(settings: Settings) -> None:
    settings.PRODUCTION_PROCESSES = PROCESSES


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[BackendArgs]:
    """The ARGS each Granian backend was asked to serve; serving returns at once."""
    calls: list[BackendArgs] = []
    monkeypatch.setattr(GranianServer, "run", lambda self, args: calls.append(args))
    return calls


@pytest.fixture
def failing_django_check() -> Iterator[None]:
    def check(**kwargs: Any) -> list[checks.CheckMessage]:
        return [checks.Error("Another app is broken.", id="other.E001")]

    checks.register(check, "other")
    yield
    registry.registered_checks.discard(check)


def test_the_first_process_by_default(served: list[BackendArgs]) -> None:
    assert run("--skip-checks")[0] == 0
    [args] = served
    assert isinstance(args, GranianASGIArgs)
    assert (args.port, args.workers) == (8000, 2)


def test_a_named_process(served: list[BackendArgs]) -> None:
    assert run("wsgi", "--skip-checks")[0] == 0
    [args] = served
    assert isinstance(args, GranianWSGIArgs)
    assert (args.port, args.threads) == (8001, 4)


def test_an_unknown_process_is_one_line_listing_the_names(served: list[BackendArgs]) -> None:
    assert run("api") == (
        1,
        "",
        "CommandError: No process named 'api' in PRODUCTION_PROCESSES; declared: 'web', 'wsgi'.\n",
    )
    assert served == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({}, "PRODUCTION_PROCESSES is missing or empty: declare at least one process."),
        ([("web", {})], "PRODUCTION_PROCESSES must be a dict of process names to process settings."),
    ],
)
def test_a_setting_without_processes(settings: Settings, value: object, message: str) -> None:
    settings.PRODUCTION_PROCESSES = value
    assert run() == (1, "", f"CommandError: {message}\n")
    assert run("--list") == (1, "", f"CommandError: {message}\n")


def test_a_missing_setting(settings: Settings) -> None:
    del settings.PRODUCTION_PROCESSES
    assert run()[2] == "CommandError: PRODUCTION_PROCESSES is missing or empty: declare at least one process.\n"


def test_django_checks_run_before_starting(served: list[BackendArgs], failing_django_check: None) -> None:
    code, _, stderr = run()
    assert code == 1
    assert "other.E001" in stderr
    assert served == []


def test_skip_checks_skips_djangos_but_not_the_process_validation(
    served: list[BackendArgs], failing_django_check: None
) -> None:
    assert run("--skip-checks")[0] == 0
    code, _, stderr = run("--skip-checks", "--workers", "0")
    assert code == 1
    assert "other.E001" not in stderr
    assert "Command-line option --workers" in stderr
    assert len(served) == 1


def test_an_invalid_process_does_not_start(settings: Settings, served: list[BackendArgs]) -> None:
    settings.PRODUCTION_PROCESSES = {"web": {"BACKEND": ASGI, "ARGS": {"workers": "many"}}}
    code, _, stderr = run("--skip-checks")
    assert code == 1
    assert "PRODUCTION_PROCESSES['web']['ARGS']['workers'] is 'many'; expected an integer." in stderr
    assert served == []


def test_a_start_fault_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: GranianServer[Any], args: BackendArgs) -> None:
        raise ServerStartError("Cannot listen on 127.0.0.1:8000: Address already in use (os error 98).")

    monkeypatch.setattr(GranianServer, "run", refuse)
    assert run("--skip-checks") == (
        1,
        "",
        "CommandError: Cannot listen on 127.0.0.1:8000: Address already in use (os error 98).\n",
    )


def test_a_graceful_stop_exits_0(served: list[BackendArgs]) -> None:
    # Granian's own signal handlers stop the server; serve() then returns normally.
    assert run("--skip-checks") == (0, "", "")


def test_an_untyped_backend_still_works(settings: Settings) -> None:
    RecordingBackend.started.clear()
    settings.PRODUCTION_PROCESSES = {
        "legacy": {"BACKEND": f"{__name__}.RecordingBackend", "ARGS": {"bind": "0.0.0.0:8111", "preload": None}},
    }
    assert run() == (0, "System check identified no issues (0 silenced).\n", "")
    assert RecordingBackend.started == [("--bind=0.0.0.0:8111", "--preload")]


def test_an_untyped_backend_takes_no_overrides(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    settings.PRODUCTION_PROCESSES = {"legacy": {"BACKEND": f"{__name__}.RecordingBackend", "ARGS": {}}}
    assert run("--workers", "2")[0] == 2
    assert capsys.readouterr().err.endswith("error: unrecognized arguments: --workers\n")


def test_the_command_line_overrides_settings_which_override_defaults(served: list[BackendArgs]) -> None:
    assert run("web", "--skip-checks", "--workers", "8", "--log-access", "false")[0] == 0
    [args] = served
    assert isinstance(args, GranianASGIArgs)
    assert (args.workers, args.log_access, args.port, args.backlog) == (8, False, 8000, 1024)


def test_an_override_replaces_the_option_under_any_settings_spelling(
    settings: Settings, served: list[BackendArgs]
) -> None:
    settings.PRODUCTION_PROCESSES = {"web": {"BACKEND": ASGI, "ARGS": {"host": "0.0.0.0", "access_log": True}}}
    assert run("--skip-checks", "--address", "127.0.0.2", "--log-access", "no")[0] == 0
    [args] = served
    assert isinstance(args, GranianASGIArgs)
    assert (args.address, args.log_access) == ("127.0.0.2", False)


def test_a_repeatable_option_may_be_repeated(served: list[BackendArgs]) -> None:
    assert run("--skip-checks", "--reload-ignore-dirs", "node_modules", "--reload-ignore-dirs", "dist")[0] == 0
    [args] = served
    assert isinstance(args, GranianASGIArgs)
    assert args.reload_ignore_dirs == ["node_modules", "dist"]


def test_the_options_are_those_of_the_named_process(
    served: list[BackendArgs], capsys: pytest.CaptureFixture[str]
) -> None:
    # WSGI's threads are Granian's blocking threads; ASGI has a blocking-threads option of its own.
    assert run("wsgi", "--skip-checks", "--threads", "8")[0] == 0
    assert run("wsgi", "--skip-checks", "--blocking-threads", "8")[0] == 2
    # Settings read blocking-threads as a WSGI process's threads: the command line points there.
    assert capsys.readouterr().err.endswith(
        "error: unrecognized arguments: --blocking-threads 8; did you mean --threads?\n"
    )
    assert [args.threads for args in served if isinstance(args, GranianWSGIArgs)] == [8]


def test_an_invalid_override_names_the_option_and_nothing_starts(served: list[BackendArgs]) -> None:
    assert run("wsgi", "--threads", "0", "--skip-checks") == (
        1,
        "",
        "SystemCheckError: System check identified some issues:\n\n"
        "ERRORS:\n"
        "?: (prodserver.E023) Command-line option --threads is '0'; expected between 1 and 18446744073709551615.\n"
        "\tHINT: Use a value between 1 and 18446744073709551615.\n",
    )
    assert served == []


def test_an_invalid_boolean_override(served: list[BackendArgs]) -> None:
    code, _, stderr = run("--log-access", "maybe", "--skip-checks")
    assert code == 1
    assert "Command-line option --log-access is 'maybe'" in stderr
    assert served == []


def test_call_command_takes_overrides_of_the_default_process(served: list[BackendArgs]) -> None:
    call_command("prodserver", workers="3", log_access="false")
    [args] = served
    assert isinstance(args, GranianASGIArgs)
    assert (args.workers, args.log_access) == (3, False)


def test_from_manage_py(served: list[BackendArgs], capsys: pytest.CaptureFixture[str]) -> None:
    execute_from_command_line(["manage.py", "prodserver", "wsgi", "--dry-run", "--threads", "8"])
    assert capsys.readouterr().out.endswith(" --blocking-threads 8 demo.wsgi:application\n")
    assert served == []


def test_an_unknown_process_with_overrides(served: list[BackendArgs]) -> None:
    assert run("api", "--workers", "2")[2] == (
        "CommandError: No process named 'api' in PRODUCTION_PROCESSES; declared: 'web', 'wsgi'.\n"
    )


def test_silenced_errors_still_stop_a_process_that_cannot_run(settings: Settings, served: list[BackendArgs]) -> None:
    settings.SILENCED_SYSTEM_CHECKS = ["prodserver.E022"]
    assert run("--workers", "many") == (
        1,
        "System check identified no issues (1 silenced).\n",
        "CommandError: Process 'web' cannot run: Command-line option --workers is 'many'; expected an integer.\n",
    )
    assert served == []


def test_list_shows_an_untyped_backends_kind_and_no_address(settings: Settings) -> None:
    # Its kind is its 3.x base class's, as `manage.py server` and `manage.py worker` judge it.
    settings.PRODUCTION_PROCESSES = {"legacy": {"BACKEND": f"{__name__}.RecordingBackend", "ARGS": "--bind=:8111"}}
    code, out, _ = run("--list", "--format", "json")
    assert code == 0
    [row] = json.loads(out)
    assert (row["kind"], row["address"], row["status"]) == ("server", "-", "valid")


def test_dry_run_of_an_untyped_backend(settings: Settings) -> None:
    RecordingBackend.started.clear()
    settings.PRODUCTION_PROCESSES = {
        "legacy": {"BACKEND": f"{__name__}.RecordingBackend", "ARGS": {"bind": "0.0.0.0:8111", "log-file": "a b"}},
    }
    assert run("--dry-run") == (
        0,
        f"Process 'legacy' ({__name__}.RecordingBackend)\n\n--bind=0.0.0.0:8111 '--log-file=a b'\n",
        "",
    )
    assert RecordingBackend.started == []


def test_ctrl_c_before_the_server_starts_exits_130_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    # Stands in for SIGINT arriving while the checks run, before Granian installs its handlers.
    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Command, "_check", interrupted)

    code, _, stderr = run("web")

    assert (code, stderr) == (130, "Interrupted.\n")


def test_a_start_validates_the_process_once(served: list[BackendArgs], validated: list[str]) -> None:
    run("wsgi", "--workers", "3")
    assert validated == ["wsgi"]
    assert served == [GranianWSGIArgs(port=8001, threads=4, workers=3)]


def test_an_empty_name_is_not_the_first_process(served: list[BackendArgs]) -> None:
    code, _, stderr = run("")
    assert (code, served) == (1, [])
    assert "No process named ''" in stderr


def test_call_command_takes_overrides_of_any_process(
    settings: Settings, served: list[BackendArgs], monkeypatch: pytest.MonkeyPatch
) -> None:
    from django_prodserver.backends.gunicorn import GunicornServer

    monkeypatch.setattr(GunicornServer, "run", lambda self, args: served.append(args))
    settings.PRODUCTION_PROCESSES = {
        **PROCESSES,
        "green": {"BACKEND": "django_prodserver.backends.gunicorn.GunicornServer"},
    }
    # --worker-class is gunicorn's alone: the first process (Granian) has no such option.
    call_command("prodserver", "green", "--worker-class", "gthread")
    call_command("prodserver", "wsgi", blocking_threads_idle_timeout="1m")
    [gunicorn_args, granian_args] = served
    assert gunicorn_args.model_dump()["worker_class"] == "gthread"
    assert isinstance(granian_args, GranianWSGIArgs)
    assert granian_args.blocking_threads_idle_timeout == 60


def test_what_the_checks_opened_is_closed_before_the_process_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker forks from this process: a connection (or a cache's socket) open then would be shared.

    The test database is SQLite in memory, which Django never closes: the closing is recorded here, and
    tests/integration proves it on a real file (the sentinel of django-q2 inherits no connection).
    """
    from django.core.cache import caches
    from django.db import connections

    from django_prodserver.management.commands import prodserver

    closed: list[str] = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append("databases"))
    monkeypatch.setattr(caches, "close_all", lambda: closed.append("caches"))
    monkeypatch.setattr(GranianServer, "run", lambda self, args: closed.append("ran"))
    prodserver._run(
        validation.validate_process("web", {"BACKEND": "django_prodserver.backends.granian.GranianASGIServer"})
    )
    assert closed == ["databases", "caches", "ran"]
