"""Environment conventions the bare servers honour, honoured the same way: gunicorn's PORT, WEB_CONCURRENCY
and FORWARDED_ALLOW_IPS, uvicorn's WEB_CONCURRENCY and FORWARDED_ALLOW_IPS.

The precedence is the tool's own (each variable is the default of its options: settings and the
command line win), checked against gunicorn's and uvicorn's own configuration in a fresh interpreter
that has the variables set when the tool is imported, as when it is run by hand.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from pytest_django.fixtures import Settings

from django_prodserver.backends.gunicorn import GunicornArgs
from django_prodserver.backends.gunicorn.rendering import bind_addresses
from django_prodserver.validation import validate_process

from .prodserver_cli import run

GUNICORN = "django_prodserver.backends.gunicorn.GunicornServer"
UVICORN = "django_prodserver.backends.uvicorn.UvicornServer"
GRANIAN = "django_prodserver.backends.granian.GranianASGIServer"
VARIABLES = ("PORT", "WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


def validated(backend: str, args: dict[str, Any], overrides: dict[str, object] | None = None) -> dict[str, Any]:
    report = validate_process("web", {"BACKEND": backend, "ARGS": args}, overrides=overrides)
    assert report.args is not None, [problem.message for problem in report.problems]
    values = report.args.model_dump(mode="json")
    return {field: (values[field], source) for field, source in report.sources.items() if source != "default"}


def test_gunicorn_binds_every_interface_on_port_and_runs_web_concurrency_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PORT", "5000")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.0/8")
    assert validated(GUNICORN, {}) == {
        "address": ("0.0.0.0", "environment"),
        "port": (5000, "environment"),
        "workers": (3, "environment"),
        "forwarded_allow_ips": (["10.0.0.0/8"], "environment"),
    }


@pytest.mark.parametrize(
    ("args", "overrides", "expected"),
    [
        # Any address given replaces gunicorn's whole default bind, PORT with it.
        ({"bind": "unix:web.sock"}, None, {"bind": (["unix:web.sock"], "settings")}),
        ({"address": "127.0.0.1"}, None, {"address": ("127.0.0.1", "settings")}),
        ({}, {"port": "9000"}, {"port": (9000, "command line")}),
        (
            {"workers": 2},
            None,
            {"address": ("0.0.0.0", "environment"), "port": (5000, "environment"), "workers": (2, "settings")},
        ),
    ],
)
def test_settings_and_the_command_line_win_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, args: dict[str, Any], overrides: dict[str, object] | None, expected: Any
) -> None:
    monkeypatch.setenv("PORT", "5000")
    assert validated(GUNICORN, args, overrides) == expected


def test_uvicorn_reads_web_concurrency_and_forwarded_allow_ips_but_not_port(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {"PORT": "5000", "WEB_CONCURRENCY": "4", "FORWARDED_ALLOW_IPS": "*"}.items():
        monkeypatch.setenv(name, value)
    assert validated(UVICORN, {}) == {
        "workers": (4, "environment"),
        "forwarded_allow_ips": (["*"], "environment"),
    }


def test_granian_reads_none_of_them(monkeypatch: pytest.MonkeyPatch) -> None:
    # Granian's command reads GRANIAN_* only, which prodserver reports and ignores (W055).
    for name in VARIABLES:
        monkeypatch.setenv(name, "5000")
    assert validated(GRANIAN, {}) == {}


def test_a_bad_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEB_CONCURRENCY", "four")
    report = validate_process("web", {"BACKEND": GUNICORN, "ARGS": {}})
    assert [(p.id, p.message, p.path) for p in report.problems if p.id.startswith("prodserver.E")] == [
        (
            "prodserver.E022",
            "Environment variable WEB_CONCURRENCY is 'four'; expected an integer.",
            ("web", "ARGS", "workers"),
        )
    ]


def test_dry_run_shows_the_environment_as_the_source(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    settings.PRODUCTION_PROCESSES = {"web": {"BACKEND": GUNICORN, "ARGS": {"no-control-socket": True}}}
    monkeypatch.setenv("PORT", "5000")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    code, stdout, stderr = run("web", "--dry-run")
    assert (code, stderr) == (0, "")
    table = stdout.split("\n\n")[1].splitlines()
    assert [line.split() for line in table] == [
        ["OPTION", "VALUE", "SOURCE"],
        ["address", "0.0.0.0", "environment"],
        ["port", "5000", "environment"],
        ["workers", "3", "environment"],
        ["no-control-socket", "true", "settings"],
    ]
    assert " --bind 0.0.0.0:5000 " in stdout.splitlines()[-1]
    assert " --workers 3 " in stdout.splitlines()[-1]


def test_help_states_the_precedence_with_the_variables(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    settings.PRODUCTION_PROCESSES = {"web": {"BACKEND": GUNICORN, "ARGS": {}}}
    code, stdout, _ = run("web", "--help")
    assert code == 0
    assert "(precedence: default < environment (PORT, WEB_CONCURRENCY, FORWARDED_ALLOW_IPS) < settings < command" in (
        " ".join((stdout + capsys.readouterr().out).split())
    )


BARE_GUNICORN = """
import json, sys
from gunicorn.config import Config
cfg = Config()
for name, value in json.loads(sys.argv[1]).items():
    cfg.set(name, value)
print(json.dumps({"bind": cfg.bind, "workers": cfg.workers, "forwarded_allow_ips": cfg.forwarded_allow_ips}))
"""


@pytest.mark.parametrize(
    ("given", "args"),
    [({}, {}), ({"workers": 2}, {"workers": 2}), ({"bind": ["127.0.0.1:7000"]}, {"bind": "127.0.0.1:7000"})],
)
def test_gunicorn_itself_reads_the_environment_so(given: dict[str, Any], args: dict[str, Any]) -> None:
    environ = {"PORT": "5000", "WEB_CONCURRENCY": "3", "FORWARDED_ALLOW_IPS": "10.0.0.0/8"}
    done = subprocess.run(
        [sys.executable, "-c", BARE_GUNICORN, json.dumps(given)],
        env={**os.environ, **environ},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    bare = json.loads(done.stdout)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in environ.items():
            patch.setenv(name, value)
        ours = validate_process("web", {"BACKEND": GUNICORN, "ARGS": args}).args
    assert isinstance(ours, GunicornArgs)
    assert (bind_addresses(ours), ours.workers, ours.forwarded_allow_ips) == (
        bare["bind"],
        bare["workers"],
        bare["forwarded_allow_ips"],
    )
