"""Granian's log configuration and access log switch (``backends/granian/logs.py``), by the exact messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.checks import Error, Warning

from django_prodserver.backends.granian.logs import GRANIAN_LOGGING, LOG_CONFIG_HINT
from tests.unit.checking import ARGS, MISSING_HINT, check, starting, web


def test_granian_logging_is_granians_default() -> None:
    from granian.log import LOGGING_CONFIG

    assert GRANIAN_LOGGING == LOGGING_CONFIG


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param("[loggers]\nkeys=root\n", "is not valid JSON (Expecting value, line 1)", id="ini"),
        pytest.param("[]", "holds a list, not a JSON object", id="list"),
    ],
)
def test_log_config_must_be_a_json_object(in_tmp: Path, content: str, reason: str) -> None:
    (in_tmp / "logging.ini").write_text(content)  # replaces the fixture's
    assert check(web({"log-config": "logging.ini"})) == [
        Error(
            f"{ARGS}['log-config'] names 'logging.ini', which {reason}.",
            hint=LOG_CONFIG_HINT,
            id="prodserver.E051",
        )
    ]


def test_a_log_config_without_version_gets_granians(in_tmp: Path) -> None:
    # Granian lays the file over its defaults, which say "version": 1.
    (in_tmp / "nover.json").write_text('{"loggers": {}}')
    assert check(web({"log-config": "nover.json"})) == []


@pytest.mark.parametrize(
    ("config", "reason"),
    [
        pytest.param('{"version": 2}', 'has "version": 2; logging.dictConfig supports only 1', id="version-2"),
        pytest.param(
            '{"version": 1, "handlers": {"file": {"class": "logging.StreamHandler"}}}',
            "logging.dictConfig would refuse: logger '_granian': its handler 'console' is not among the handlers",
            id="handlers-without-loggers",
        ),
        pytest.param(
            '{"version": 1, "handlers": {"h": {"class": "logging.StreamHandlr"}}, "loggers": {}}',
            "logging.dictConfig would refuse: handler 'h': 'logging.StreamHandlr' cannot be imported "
            "(ModuleNotFoundError: No module named 'logging.StreamHandlr')",
            id="unknown-class",
        ),
        pytest.param(
            '{"loggers": []}', 'has "loggers" that is a list: Granian needs an object there', id="loggers-list"
        ),
        pytest.param(
            '{"loggers": {"_granian": 1}}',
            "has a '_granian' logger that is an int, not an object",
            id="granian-logger-int",
        ),
    ],
)
def test_a_log_config_dict_config_refuses_is_an_error(in_tmp: Path, config: str, reason: str) -> None:
    (in_tmp / "bad.json").write_text(config)
    assert check(web({"log-config": "bad.json"})) == [
        Error(f"{ARGS}['log-config'] names 'bad.json', which {reason}.", hint=LOG_CONFIG_HINT, id="prodserver.E051")
    ]


def test_a_log_config_that_replaces_handlers_and_loggers_passes(in_tmp: Path) -> None:
    handler = {"class": "logging.FileHandler", "filename": "logs/granian.log"}
    loggers = {name: {"handlers": ["file"]} for name in ("_granian", "granian.access")}
    (in_tmp / "logs").mkdir()
    (in_tmp / "file.json").write_text(json.dumps({"version": 1, "handlers": {"file": handler}, "loggers": loggers}))
    assert check(web({"log-config": "file.json"})) == []
    assert not (in_tmp / "logs" / "granian.log").exists()


def test_a_log_file_in_a_missing_directory_is_a_missing_path(in_tmp: Path) -> None:
    handler = {"class": "logging.FileHandler", "filename": "logs/granian.log"}
    loggers = {"_granian": {"handlers": ["file"]}}
    (in_tmp / "file.json").write_text(json.dumps({"version": 1, "handlers": {"file": handler}, "loggers": loggers}))
    message = (
        f"{ARGS}['log-config'] names 'file.json', whose handler 'file' writes to 'logs/granian.log', "
        "in a directory that does not exist."
    )
    setting = web({"log-config": "file.json"})
    assert check(setting) == [Warning(message, hint=MISSING_HINT, id="prodserver.W050")]
    with starting("web", setting):
        assert check(setting) == [Error(message, hint="Create it, or fix the path.", id="prodserver.E050")]


def test_log_off_with_the_access_log_on_is_w054() -> None:
    assert check(web({"log": False})) == [
        Warning(
            f"{ARGS}['log'] is False, but log-access is True (this backend's default): Granian still logs every "
            "request.",
            hint="Set log-access to False too for no logs at all, or remove log to keep Granian's own messages.",
            id="prodserver.W054",
        )
    ]
    assert check(web({"log": False, "log-access": False})) == []
