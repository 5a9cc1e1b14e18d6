"""The dictConfig judge agrees with real ``logging.config.dictConfig``, case by case.

Each configuration is also given to the real ``dictConfig`` in a child process (so that this
process's logging stays as it is): the judge must refuse exactly what it refuses.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from django_prodserver.rules.logging_config import dict_config_fault, file_handler_paths

STDOUT = {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}

# (configuration, the judge's reason or None); ids say what each one holds.
CASES = {
    "minimal": ({"version": 1}, None),
    "handler-and-root": ({"version": 1, "handlers": {"h": STDOUT}, "root": {"handlers": ["h"], "level": "INFO"}}, None),
    "brace-style": ({"version": 1, "formatters": {"f": {"format": "{message}", "style": "{"}}}, None),
    "formatter-factory": (
        {"version": 1, "formatters": {"f": {"()": "logging.Formatter", "format": "%(message)s"}}},
        None,
    ),
    "filter-factory": (
        {
            "version": 1,
            "filters": {"f": {"()": "logging.Filter", "name": "x"}},
            "handlers": {"h": {**STDOUT, "filters": ["f"]}},
        },
        None,
    ),
    "memory-target": (
        {
            "version": 1,
            "handlers": {"m": {"class": "logging.handlers.MemoryHandler", "capacity": 10, "target": "s"}, "s": STDOUT},
        },
        None,
    ),
    "delayed-file": (
        {"version": 1, "handlers": {"f": {"class": "logging.FileHandler", "filename": "/no/dir/x.log", "delay": True}}},
        None,
    ),
    "incremental": ({"version": 1, "incremental": True, "loggers": {"a": {"level": "DEBUG"}}}, None),
    "incremental-unknown-handler": (
        {"version": 1, "incremental": True, "handlers": {"h": {"level": "INFO"}}},
        "handler 'h' is not configured: an incremental configuration only changes existing ones",
    ),
    "incremental-unknown-level": (
        {"version": 1, "incremental": True, "loggers": {"a": {"level": "LOUD"}}},
        "logger 'a': level 'LOUD' is not a logging level (ValueError: Unknown level: 'LOUD')",
    ),
    "not-an-object": ([], "holds a list, not a JSON object"),
    "no-version": ({"handlers": {}}, 'has no "version": 1, which logging.dictConfig requires'),
    "version-2": ({"version": 2}, 'has "version": 2; logging.dictConfig supports only 1'),
    "handlers-not-an-object": ({"version": 1, "handlers": "x"}, 'has a "handlers" that is a str, not an object'),
    "handler-not-an-object": ({"version": 1, "handlers": {"h": 1}}, "handler 'h' is an int, not an object"),
    "handler-without-class": ({"version": 1, "handlers": {"h": {}}}, "handler 'h': it has no \"class\""),
    "unknown-class": (
        {"version": 1, "handlers": {"h": {"class": "no.such.Handler"}}},
        "handler 'h': 'no.such.Handler' cannot be imported (ModuleNotFoundError: No module named 'no')",
    ),
    "unknown-ext": (
        {"version": 1, "handlers": {"h": {**STDOUT, "stream": "ext://sys.stdot"}}},
        "handler 'h': ValueError: Cannot resolve 'sys.stdot': No module named 'sys.stdot'; 'sys' is not a package",
    ),
    "unknown-keyword": (
        {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "strem": "x"}}},
        "handler 'h': StreamHandler() does not take these arguments (got an unexpected keyword argument 'strem')",
    ),
    "unknown-formatter": (
        {"version": 1, "handlers": {"h": {**STDOUT, "formatter": "nope"}}},
        "handler 'h': its formatter 'nope' is not among the formatters",
    ),
    "unknown-filter": (
        {"version": 1, "handlers": {"h": {**STDOUT, "filters": ["g"]}}},
        "handler 'h': its filter 'g' is not among the filters",
    ),
    "unknown-target": (
        {"version": 1, "handlers": {"m": {"class": "logging.handlers.MemoryHandler", "capacity": 1, "target": "x"}}},
        "handler 'm': its target 'x' is not among the handlers",
    ),
    "unknown-handler": (
        {"version": 1, "loggers": {"a": {"handlers": ["nope"]}}},
        "logger 'a': its handler 'nope' is not among the handlers",
    ),
    "handlers-as-a-string": (
        {"version": 1, "handlers": {"h": STDOUT}, "root": {"handlers": "hx"}},
        "logger 'root': its handler 'x' is not among the handlers",
    ),
    "unknown-level": (
        {"version": 1, "loggers": {"a": {"level": "LOUD"}}},
        "logger 'a': level 'LOUD' is not a logging level (ValueError: Unknown level: 'LOUD')",
    ),
    "float-level": (
        {"version": 1, "handlers": {"h": {**STDOUT, "level": 5.5}}},
        "handler 'h': level 5.5 is not a logging level (TypeError: Level not an integer or a valid string: 5.5)",
    ),
    "format-for-another-style": (
        {"version": 1, "formatters": {"f": {"format": "%(message)s", "style": "{"}}},
        "formatter 'f': ValueError: invalid format: no fields",
    ),
    "broken-format": (
        {"version": 1, "formatters": {"f": {"format": "%(message"}}},
        "formatter 'f': ValueError: Invalid format '%(message' for '%' style",
    ),
    "factory-keyword": (
        {"version": 1, "formatters": {"f": {"()": "logging.Formatter", "fmtx": "%(message)s"}}},
        "formatter 'f': Formatter() does not take these arguments (got an unexpected keyword argument 'fmtx')",
    ),
}

DICT_CONFIG = "import json, sys, logging.config; logging.config.dictConfig(json.loads(sys.argv[1]))"


@pytest.mark.parametrize(("config", "reason"), CASES.values(), ids=CASES)
def test_the_judge_refuses_what_dict_config_refuses(config: object, reason: str | None) -> None:
    real = subprocess.run(
        [sys.executable, "-c", DICT_CONFIG, json.dumps(config)], capture_output=True, text=True, timeout=30
    )

    assert dict_config_fault(config) == reason
    assert (real.returncode == 0) is (reason is None), real.stderr


def test_judging_leaves_this_process_logging_alone(tmp_path: Path) -> None:
    log_file = tmp_path / "app.log"
    root_handlers = list(logging.getLogger().handlers)
    config = {
        "version": 1,
        "handlers": {"f": {"class": "logging.FileHandler", "filename": str(log_file)}},
        "root": {"handlers": ["f"], "level": "DEBUG"},
    }

    assert dict_config_fault(config) is None
    assert logging.getLogger().handlers == root_handlers
    assert not log_file.exists()


def test_file_handlers_name_the_files_they_open() -> None:
    config = {
        "version": 1,
        "handlers": {
            "file": {"class": "logging.FileHandler", "filename": "logs/app.log"},
            "rotating": {"class": "logging.handlers.RotatingFileHandler", "filename": "logs/r.log"},
            "delayed": {"class": "logging.FileHandler", "filename": "logs/d.log", "delay": True},
            "stream": STDOUT,
            "unknown": {"class": "no.such.Handler", "filename": "x.log"},
        },
    }

    assert file_handler_paths(config) == [("file", Path("logs/app.log")), ("rotating", Path("logs/r.log"))]
