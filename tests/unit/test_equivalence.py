"""The ``granian`` command line ``--dry-run`` prints starts the server ``prodserver`` starts.

For each configuration, the revealed command line is parsed by Granian's own click
command, with only ``Server.serve`` patched out, and the server it builds is compared,
attribute by attribute, with ``Server(**server_kwargs(...))``.
"""

from __future__ import annotations

import json
import os
import sys
import typing
from pathlib import Path
from typing import Any

import pytest
from annotated_types import Ge
from granian import cli as granian_cli
from granian.server import Server

from django_prodserver.args.describe import is_repeatable
from django_prodserver.args.values import ServesFrom
from django_prodserver.backends.granian import GranianArgs, GranianASGIArgs, GranianWSGIArgs
from django_prodserver.backends.granian.rendering import Invocation, command_line, server_kwargs
from django_prodserver.overrides import metavar

from .tls_files import write_tls_files

PASSWORD = "pa ss-word"
TLS = {"ssl-cert": "cert.pem", "ssl-key": "key.pem", "ssl-keyfile-password": PASSWORD}

# Objects a server creates for itself at run time; equal configurations give unequal instances.
RUNTIME_ATTRIBUTES = {"_metrics", "_metrics_exporter", "main_loop_interrupt", "_env_loader"}

# Two values for each repeatable option; relative paths, made absolute by the rendering.
REPEATABLE_SAMPLES: dict[str, list[str]] = {
    "ssl_crl": ["a.crl", "b.crl"],
    "env_files": ["a.env", "b.env"],
    "static_path_route": ["/static", "/media"],
    "static_path_mount": ["static", "media"],
    "reload_paths": ["static", "media"],
    "reload_ignore_dirs": ["node_modules", "dist"],
    "reload_ignore_patterns": [r".*\.tmp$", "^~"],
    "reload_ignore_paths": ["ignored", "also ignored"],
}


def _choices(field: str) -> tuple[str, ...]:
    annotation = GranianArgs.model_fields[field].annotation
    return typing.get_args(annotation) if typing.get_origin(annotation) is typing.Literal else ()


def _repeatable_case(field: str, count: int) -> dict[str, Any]:
    case: dict[str, Any] = {field: REPEATABLE_SAMPLES[field][:count]}
    if field == "ssl_crl":
        case.update(TLS)
    if field == "static_path_mount" and count == 2:
        # Granian pairs several mounts with as many routes.
        case["static_path_route"] = REPEATABLE_SAMPLES["static_path_route"]
    return case


def _cases() -> list[Any]:
    enums = [
        pytest.param({field: value}, id=f"{field}={value}")
        for field in GranianArgs.model_fields
        for value in _choices(field)
    ]
    repeatables = [
        pytest.param(_repeatable_case(field, count), id=f"{field}x{count}")
        for field in REPEATABLE_SAMPLES
        for count in (1, 2)
    ]
    return [
        pytest.param({}, id="seed-defaults"),
        *enums,
        *repeatables,
        pytest.param({field: not info.default for field, info in _bools().items()}, id="every-boolean-flipped"),
        pytest.param(_numbers_above_minimum(), id="every-number-changed"),
        pytest.param(DURATIONS, id="durations"),
        pytest.param({"uds": "web.sock", "uds-permissions": "0660"}, id="unix-socket-octal-permissions"),
        pytest.param({"address": "::1", "port": "0", "metrics-address": "0.0.0.0"}, id="addresses"),
        pytest.param(
            {"log-config": "logging.json", "pid-file": "run/web.pid", "working-dir": "static"}, id="relative-paths"
        ),
        pytest.param({**TLS, "ssl-ca": "cert.pem", "ssl-client-verify": True}, id="tls-secret-revealed"),
        pytest.param({"access-log-fmt": "-%(addr)s", "url-path-prefix": "/app", "process-name": "web"}, id="texts"),
    ]


def _bools() -> dict[str, Any]:
    return {field: info for field, info in GranianArgs.model_fields.items() if info.annotation is bool}


def _numbers_above_minimum() -> dict[str, Any]:
    """Every integer option (durations aside) one above its minimum, and the float option."""
    numbers: dict[str, Any] = {"respawn_interval": 0.25}
    for field, info in GranianArgs.model_fields.items():
        if metavar(info) != "N":
            continue
        low = next((item.ge for item in info.metadata if isinstance(item, Ge)), 0)
        assert isinstance(low, int)
        # A limit below which every request is refused starts higher than its type's bound.
        low = max([low, *(item.least for item in info.metadata if isinstance(item, ServesFrom))])
        numbers[field] = low + 1
    return numbers


DURATIONS = {
    "blocking_threads_idle_timeout": "2m",
    "http2_keep_alive_timeout": "1m30s",
    "rss_sample_interval": "45s",
    "workers_lifetime": "1h30m",
    "workers_kill_timeout": "90",
    "static_path_expires": "1d",
    "metrics_scrape_interval": "0m15s",
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding every file the cases name; relative paths resolve here."""
    monkeypatch.chdir(tmp_path)
    # Granian's CLI puts its working directory first on sys.path; keep that out of other tests.
    monkeypatch.setattr(sys, "path", list(sys.path))
    # Only the argv may configure Granian's CLI.
    for variable in [name for name in os.environ if name.startswith("GRANIAN_")]:
        monkeypatch.delenv(variable)
    write_tls_files(tmp_path, PASSWORD)
    for directory in ("static", "media", "run"):
        (tmp_path / directory).mkdir()
    for name in ("a.crl", "b.crl", "a.env", "b.env"):
        (tmp_path / name).write_text("")
    (tmp_path / "logging.json").write_text(json.dumps({"version": 1, "disable_existing_loggers": False}))
    return tmp_path


def server_from_cli(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    built: list[Any] = []
    monkeypatch.setattr(Server, "serve", lambda self, *args, **kwargs: built.append(self))
    granian_cli.cli.main(argv, standalone_mode=False)
    [server] = built
    return server


def configuration(server: Any) -> dict[str, Any]:
    return {name: value for name, value in vars(server).items() if name not in RUNTIME_ATTRIBUTES}


@pytest.mark.parametrize("model", [GranianASGIArgs, GranianWSGIArgs], ids=["asgi", "wsgi"])
@pytest.mark.parametrize("raw", _cases())
def test_command_line_builds_the_same_server(
    raw: dict[str, Any], model: type[GranianArgs], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    interface = "asginl" if model is GranianASGIArgs else "wsgi"
    invocation = Invocation("demo.asgi:application", interface, model.model_validate(raw))

    argv, kwargs = command_line(invocation, reveal_secrets=True), server_kwargs(invocation)
    # A copied command line works from any directory: its paths are absolute.
    monkeypatch.chdir(project / "run")
    from_cli = server_from_cli(argv[1:], monkeypatch)

    assert configuration(from_cli) == configuration(Server(**kwargs))


def test_the_comparison_sees_a_difference(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    invocation = Invocation("demo.asgi:application", "asginl", GranianASGIArgs.model_validate({"workers": 2}))
    from_cli = server_from_cli([*command_line(invocation)[1:-1], "--workers", "3", invocation.target], monkeypatch)

    assert configuration(from_cli) != configuration(Server(**server_kwargs(invocation)))


def test_every_repeatable_option_is_sampled() -> None:
    assert set(REPEATABLE_SAMPLES) == {field for field, info in GranianArgs.model_fields.items() if is_repeatable(info)}


def test_every_duration_option_is_sampled() -> None:
    assert set(DURATIONS) == {field for field, info in GranianArgs.model_fields.items() if metavar(info) == "DURATION"}
