"""``prodserver --dry-run`` and ``prodserver --list``."""

from __future__ import annotations

import json
import shlex

import pytest
from pytest_django.fixtures import Settings

from django_prodserver.backends.granian import GranianASGIArgs
from django_prodserver.effective import EffectiveOption, JSONValue, effective_options, value_text
from django_prodserver.management.output import ProcessSummary, table

from .prodserver_cli import ASGI, WSGI, run


@pytest.fixture(autouse=True)
def processes(settings: Settings) -> None:
    settings.PRODUCTION_PROCESSES = {
        "web": {"BACKEND": ASGI, "ARGS": {"address": "0.0.0.0", "workers": "2"}},
        "wsgi": {"BACKEND": WSGI, "ARGS": {"port": "8001", "threads": "4"}},
    }


def rows(text: str) -> dict[str, list[str]]:
    """The table of a text dry run: option -> [value, source]."""
    table_text = text.split("\n\n")[1]
    return {line.split()[0]: line.split()[1:] for line in table_text.splitlines()[1:]}


def test_dry_run_text_lists_what_the_settings_and_the_command_line_set() -> None:
    code, stdout, stderr = run("wsgi", "--dry-run", "--workers", "3")
    assert (code, stderr) == (0, "")
    assert rows(stdout) == {
        "port": ["8001", "settings"],
        "threads": ["4", "settings"],
        "workers": ["3", "command", "line"],
    }
    assert "\n\n66 more options keep their defaults (-v 2 lists them).\n\n" in stdout


def test_dry_run_text() -> None:
    code, stdout, stderr = run(
        "wsgi", "--dry-run", "-v", "2", "--workers", "3", "--reload", "true", "--reload-ignore-dirs", "node modules"
    )
    assert (code, stderr) == (0, "")
    assert stdout.startswith(f"Process 'wsgi' ({WSGI})\n\nOPTION  ")
    table_rows = rows(stdout)
    assert table_rows["port"] == ["8001", "settings"]
    assert table_rows["threads"] == ["4", "settings"]
    assert table_rows["workers"] == ["3", "command", "line"]
    assert table_rows["backlog"] == ["1024", "default"]
    assert table_rows["log-access"] == ["true", "default"]
    assert table_rows["ssl-cert"] == ["-", "default"]
    assert table_rows["reload-ignore-dirs"] == ["'node", "modules'", "command", "line"]
    assert "more options keep their defaults" not in stdout
    # The settings module: the copied line serves this configuration, not asgi.py's default settings.
    assert stdout.endswith(
        "\n\nDJANGO_SETTINGS_MODULE=tests.settings granian --interface wsgi --host 127.0.0.1 --port 8001"
        " --backlog 1024 --http auto --workers 3"
        " --log-level info --access-log --reload --reload-ignore-dirs 'node modules' --blocking-threads 4"
        " demo.wsgi:application\n"
    )


def test_dry_run_json_lists_every_option() -> None:
    code, stdout, _ = run("--dry-run", "--format", "json")
    assert code == 0
    report = json.loads(stdout)
    assert (report["process"], report["backend"]) == ("web", ASGI)
    options = {option["name"]: (option["value"], option["source"]) for option in report["options"]}
    assert options["address"] == ("0.0.0.0", "settings")
    assert options["blocking-threads"] == (1, "default")
    assert options["uds-permissions"] == (None, "default")
    assert options["ssl-crl"] == ([], "default")
    assert len(options) == 70
    assert report["command"][:3] == ["granian", "--interface", "asginl"]
    assert report["environment"] == {"DJANGO_SETTINGS_MODULE": "tests.settings"}


def test_dry_run_shows_paths_absolute_in_the_command_and_permissions_in_octal(
    tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(str(tmp_path))
    stdout = run("--dry-run", "--uds", "web.sock", "--uds-permissions", "0660")[1]
    assert rows(stdout)["uds-permissions"] == ["0660", "command", "line"]
    command = shlex.split(stdout.splitlines()[-1])
    assert command[command.index("--uds") + 1] == f"{tmp_path}/web.sock"


def test_dry_run_of_an_invalid_process_prints_the_errors_and_exits_1() -> None:
    assert run("--dry-run", "--port", "70000") == (
        1,
        "",
        "SystemCheckError: System check identified some issues:\n\n"
        "ERRORS:\n"
        "?: (prodserver.E023) Command-line option --port is '70000'; expected between 0 and 65535.\n"
        "\tHINT: Use a value between 0 and 65535.\n",
    )


def test_dry_run_does_not_serve(monkeypatch: pytest.MonkeyPatch) -> None:
    from django_prodserver.backends.granian import GranianServer

    def serve(*args: object) -> None:
        raise AssertionError("--dry-run served")

    monkeypatch.setattr(GranianServer, "run", serve)
    assert run("--dry-run")[0] == 0


def test_list(settings: Settings) -> None:
    settings.PRODUCTION_PROCESSES = {
        "web": {"BACKEND": ASGI, "ARGS": {"address": "::1", "threads": "2", "http": "2"}},
        "sock": {"BACKEND": WSGI, "ARGS": {"uds": "/run/web.sock"}},
        "broken": {"BACKEND": WSGI, "ARGS": {"workers": "0", "port": "x"}},
        "missing": {"BACKEND": "no.such.Backend"},
        "not-a-dict": "web",
    }
    assert run("--list") == (
        0,
        "PROCESS     KIND    BACKEND                                               ADDRESS             CONFIGURATION\n"
        f"web         server  {ASGI}  [::1]:8000          valid (2 warnings)\n"
        f"sock        server  {WSGI}  unix:/run/web.sock  valid\n"
        f"broken      server  {WSGI}  -                   invalid (2 errors)\n"
        f"missing     -       {'no.such.Backend':<52}  -                   invalid (1 error)\n"
        f"not-a-dict  -       {'-':<52}  -                   invalid (1 error)\n",
        "",
    )


def test_list_counts_an_address_two_processes_bind(settings: Settings) -> None:
    # W047 is setting-wide: as `manage.py check` does, --list counts it for the process that binds second.
    settings.PRODUCTION_PROCESSES = {
        "web": {"BACKEND": ASGI, "ARGS": {"port": 8000}},
        "api": {"BACKEND": WSGI, "ARGS": {"port": 8000}},
        "admin": {"BACKEND": WSGI, "ARGS": {"port": 8002}},
    }
    rows = {row["name"]: row for row in json.loads(run("--list", "--format", "json")[1])}

    assert {name: (row["warnings"], row["status"]) for name, row in rows.items()} == {
        "web": (0, "valid"),
        "api": (1, "valid (1 warning)"),
        "admin": (0, "valid"),
    }


def test_list_json() -> None:
    assert json.loads(run("--list", "--format", "json")[1]) == [
        {
            "name": "web",
            "kind": "server",
            "backend": ASGI,
            "address": "0.0.0.0:8000",
            "errors": 0,
            "warnings": 0,
            "status": "valid",
        },
        {
            "name": "wsgi",
            "kind": "server",
            "backend": WSGI,
            "address": "127.0.0.1:8001",
            "errors": 0,
            "warnings": 0,
            "status": "valid",
        },
    ]


def test_list_and_dry_run_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--list", "--dry-run")[0] == 2
    assert capsys.readouterr().err.endswith("error: argument --dry-run: not allowed with argument --list\n")


@pytest.mark.parametrize(
    ("errors", "warnings", "status"),
    [
        (0, 0, "valid"),
        (0, 1, "valid (1 warning)"),
        (1, 0, "invalid (1 error)"),
        (2, 3, "invalid (2 errors, 3 warnings)"),
    ],
)
def test_status(errors: int, warnings: int, status: str) -> None:
    assert ProcessSummary("web", ASGI, "-", errors, warnings).status == status


def test_table_aligns_columns_without_trailing_spaces() -> None:
    assert table([("A", "BB", "C"), ("aaa", "b", "")]) == "A    BB  C\naaa  b"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "-"),
        ([], "-"),
        (True, "true"),
        (False, "false"),
        (8000, "8000"),
        (["a.crl", "my b.crl"], "a.crl 'my b.crl'"),
    ],
)
def test_value_text(value: JSONValue, text: str) -> None:
    assert value_text(value) == text


def test_effective_options_mask_secrets_and_name_sources() -> None:
    args = GranianASGIArgs.model_validate({"ssl-keyfile-password": "hunter2", "port": "9000"})
    options = {option.name: option for option in effective_options(args, {"port": "command line"})}
    assert options["ssl-keyfile-password"] == EffectiveOption("ssl-keyfile-password", "********", "default")
    assert options["port"] == EffectiveOption("port", 9000, "command line")
