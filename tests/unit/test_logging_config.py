"""The dictConfig judge agrees with real ``logging.config.dictConfig``, case by case.

Each configuration is also given to the real ``dictConfig`` in a child process (so that this
process's logging stays as it is): the judge must refuse exactly what it refuses.
"""

from __future__ import annotations

import json
import locale
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from django_prodserver.rules.logging_config import (
    dict_config_fault,
    file_handler_paths,
)
from django_prodserver.rules.logging_ini import file_config_fault, file_config_handler_paths

STDOUT = {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}


class TargetHandler(logging.Handler):
    """A handler that takes a ``target`` of its own: only MemoryHandler's names another handler."""

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target


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
    "target-of-another-class": (
        {"version": 1, "handlers": {"t": {"class": f"{__name__}.TargetHandler", "target": "not-a-handler"}}},
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


# INI files for logging.fileConfig: the sections every file needs, then what each case adds.
INI = """
[formatters]
keys = {formatters}

[handlers]
keys = {handlers}

[loggers]
keys = {loggers}

[logger_root]
level = INFO
handlers = {root}
"""


def ini(formatters: str = "", handlers: str = "", loggers: str = "root", root: str = "", **sections: str) -> str:
    """An INI file with these keys, and a ``[kind_name]`` section for each keyword ``kind_name``."""
    text = INI.format(formatters=formatters, handlers=handlers, loggers=loggers, root=root)
    return text + "".join(f"\n[{name}]\n{body}\n" for name, body in sections.items())


STREAM = "class = StreamHandler\nargs = (sys.stdout,)"

# (INI text, the judge's reason or None); ids say what each one holds.
INI_CASES = {
    "minimal": (ini(), None),
    "every-part": (
        ini(
            "plain",
            "out, file, memory",
            "root, app",
            "out",
            # fileConfig reads format, datefmt and style raw: no %% doubled.
            formatter_plain="format = %(asctime)s %(message)s\ndatefmt = %H:%M\nstyle = %",
            handler_out=f"{STREAM}\nformatter = plain\nlevel = DEBUG",
            handler_file="class = handlers.RotatingFileHandler\nargs = ('app.log',)\nkwargs = {'maxBytes': 1000}",
            handler_memory="class = logging.handlers.MemoryHandler\nargs = (10,)\ntarget = out",
            logger_app="qualname = app\npropagate = 0\nlevel = WARNING\nhandlers = file, out",
        ),
        None,
    ),
    "empty": ("", "is empty"),
    "comments-only": ("# logging, some day\n", "has no [formatters] section"),
    "no-section-header": ("level = INFO\n", "cannot be parsed as INI: line 1 comes before any [section]"),
    "not-key-value": (
        "[loggers]\nkeys = root\nnonsense\n",
        "cannot be parsed as INI: line 3 is neither a [section] nor 'key = value'",
    ),
    "no-handlers-keys": (
        "[formatters]\nkeys =\n[handlers]\n[loggers]\nkeys = root\n",
        "has no 'keys' in its [handlers] section",
    ),
    "no-loggers-section": ("[formatters]\nkeys =\n[handlers]\nkeys =\n", "has no [loggers] section"),
    "formatter-without-section": (
        ini("plain"),
        "lists the formatter 'plain' in [formatters] but has no [formatter_plain] section",
    ),
    "unknown-style": (ini("f", formatter_f="style = x"), "formatter 'f': ValueError: Style must be one of: %,{,$"),
    "format-for-another-style": (
        ini("f", formatter_f="format = %(message)s\nstyle = {"),
        "formatter 'f': ValueError: invalid format: no fields",
    ),
    "unknown-formatter-class": (
        ini("f", formatter_f="class = no.such.Formatter"),
        "formatter 'f': 'no.such.Formatter' cannot be imported (ModuleNotFoundError: No module named 'no')",
    ),
    "trailing-comma": (
        ini(handlers="h,", handler_h=STREAM),
        "lists the handler '' in [handlers] but has no [handler_] section",
    ),
    "handler-without-class": (ini(handlers="h", handler_h="args = ()"), "handler 'h': it has no 'class'"),
    "unknown-class": (
        ini(handlers="h", handler_h="class = NoSuchHandler"),
        "handler 'h': 'NoSuchHandler' cannot be imported (ModuleNotFoundError: No module named 'NoSuchHandler')",
    ),
    "misspelt-dotted-class": (
        ini(handlers="h", handler_h="class = logging.FileHandlr\nargs = ('app.log',)"),
        "handler 'h': 'logging.FileHandlr' cannot be imported "
        "(ModuleNotFoundError: No module named 'logging.FileHandlr')",
    ),
    "class-not-a-class": (
        ini(handlers="h", handler_h="class = getLogger"),
        "handler 'h': its class 'getLogger' is a function, not a class",
    ),
    "args-do-not-evaluate": (
        ini(handlers="h", handler_h="class = StreamHandler\nargs = (sys.stdot,)"),
        "handler 'h': its args '(sys.stdot,)' cannot be evaluated "
        "(AttributeError: module 'sys' has no attribute 'stdot')",
    ),
    "args-unclosed": (
        ini(handlers="h", handler_h="class = FileHandler\nargs = ('app.log'"),
        "handler 'h': its args \"('app.log'\" cannot be evaluated "
        "(SyntaxError: '(' was never closed (<string>, line 1))",
    ),
    "args-not-a-tuple": (
        ini(handlers="h", handler_h="class = StreamHandler\nargs = 1"),
        "handler 'h': its args are 1, not a tuple",
    ),
    "too-many-args": (
        ini(handlers="h", handler_h="class = StreamHandler\nargs = (sys.stdout, 1)"),
        "handler 'h': StreamHandler() does not take these arguments (too many positional arguments)",
    ),
    "unknown-keyword": (
        ini(handlers="h", handler_h="class = StreamHandler\nkwargs = {'strem': None}"),
        "handler 'h': StreamHandler() does not take these arguments (got an unexpected keyword argument 'strem')",
    ),
    "kwargs-not-a-dict": (
        ini(handlers="h", handler_h="class = StreamHandler\nkwargs = [1]"),
        "handler 'h': its kwargs are [1], not a dict of keyword arguments",
    ),
    "unknown-level": (
        ini(handlers="h", handler_h=f"{STREAM}\nlevel = LOUD"),
        "handler 'h': level 'LOUD' is not a logging level (ValueError: Unknown level: 'LOUD')",
    ),
    "numeric-level": (
        ini(handlers="h", handler_h=f"{STREAM}\nlevel = 10"),
        "handler 'h': level '10' is not a logging level (ValueError: Unknown level: '10')",
    ),
    "unknown-formatter": (
        ini(handlers="h", handler_h=f"{STREAM}\nformatter = nope"),
        "handler 'h': its formatter 'nope' is not among the formatters",
    ),
    "unknown-target": (
        ini(handlers="m", handler_m="class = handlers.MemoryHandler\nargs = (10,)\ntarget = x"),
        "handler 'm': its target 'x' is not among the handlers",
    ),
    "percent-not-interpolated": (
        ini(handlers="h", handler_h="class = FileHandler\nargs = ('%Y.log',)"),
        "handler 'h': InterpolationSyntaxError: '%' must be followed by '%' or '(', found: \"%Y.log',)\"",
    ),
    "no-root": (
        "[formatters]\nkeys =\n[handlers]\nkeys =\n[loggers]\nkeys = app\n[logger_app]\nqualname = app\nhandlers =\n",
        "lists no 'root' in its [loggers] keys: logging.fileConfig configures the root logger",
    ),
    "no-root-section": (
        "[formatters]\nkeys =\n[handlers]\nkeys =\n[loggers]\nkeys = root\n",
        "lists the logger 'root' in [loggers] but has no [logger_root] section",
    ),
    "root-without-handlers": (
        "[formatters]\nkeys =\n[handlers]\nkeys =\n[loggers]\nkeys = root\n[logger_root]\nlevel = INFO\n",
        "logger 'root': it has no 'handlers' (write 'handlers =' for none)",
    ),
    "logger-without-section": (
        ini(loggers="root, app"),
        "lists the logger 'app' in [loggers] but has no [logger_app] section",
    ),
    "logger-without-qualname": (
        ini(loggers="root, app", logger_app="handlers ="),
        "logger 'app': it has no 'qualname'",
    ),
    "propagate-not-a-number": (
        ini(loggers="root, app", logger_app="qualname = app\npropagate = yes\nhandlers ="),
        "logger 'app': its propagate 'yes' is not an integer",
    ),
    "unknown-handler": (
        ini(loggers="root, app", logger_app="qualname = app\nhandlers = console"),
        "logger 'app': its handler 'console' is not among the handlers",
    ),
}

FILE_CONFIG = "import sys, logging.config; logging.config.fileConfig(sys.argv[1], disable_existing_loggers=False)"


def file_config_takes(path: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", FILE_CONFIG, path.name]
    return subprocess.run(command, cwd=path.parent, capture_output=True, text=True, timeout=30)


@pytest.mark.parametrize(("text", "reason"), INI_CASES.values(), ids=INI_CASES)
def test_the_ini_judge_refuses_what_file_config_refuses(text: str, reason: str | None, tmp_path: Path) -> None:
    path = tmp_path / "logging.ini"
    path.write_text(text)
    real = file_config_takes(path)

    assert file_config_fault(path) == reason
    assert (real.returncode == 0) is (reason is None), real.stderr


@pytest.mark.skipif(locale.getpreferredencoding(False).lower() not in {"utf-8", "utf8"}, reason="a UTF-8 locale")
def test_an_ini_file_not_in_the_locales_encoding_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "logging.ini"
    path.write_bytes(b"# \xff\n" + ini().encode())

    assert file_config_fault(path) == (
        "cannot be read (UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte)"
    )
    assert file_config_takes(path).returncode != 0


def test_a_formatters_defaults_are_evaluated_from_python_3_12(tmp_path: Path) -> None:
    path = tmp_path / "logging.ini"
    path.write_text(ini("f", formatter_f="format = %(app)s %(message)s\ndefaults = {'app': "))
    reason = (
        "formatter 'f': its defaults \"{'app':\" cannot be evaluated "
        "(SyntaxError: '{' was never closed (<string>, line 1))"
    )
    expected = reason if sys.version_info >= (3, 12) else None

    assert file_config_fault(path) == expected
    assert (file_config_takes(path).returncode == 0) is (expected is None)


def test_the_defaults_given_are_the_files_values(tmp_path: Path) -> None:
    path = tmp_path / "logging.ini"
    path.write_text(ini(handlers="h", root="h", handler_h="class = FileHandler\nargs = ('%(here)s/app.log',)"))

    assert file_config_fault(path, {"here": str(tmp_path)}) is None
    assert file_config_handler_paths(path, {"here": str(tmp_path)}) == [("h", tmp_path / "app.log")]
    assert file_config_fault(path) == (
        "handler 'h': InterpolationMissingOptionError: Bad value substitution: option 'args' in section 'handler_h' "
        "contains an interpolation key 'here' which is not a valid option name. Raw value: \"('%(here)s/app.log',)\""
    )


def test_ini_file_handlers_name_the_files_they_open(tmp_path: Path) -> None:
    path = tmp_path / "logging.ini"
    handlers = {
        "handler_file": "class = FileHandler\nargs = ('logs/app.log',)",
        "handler_rotating": "class = handlers.RotatingFileHandler\nargs = ()\nkwargs = {'filename': 'logs/r.log'}",
        "handler_delayed": "class = FileHandler\nargs = ('logs/d.log',)\nkwargs = {'delay': True}",
        "handler_stream": STREAM,
    }
    path.write_text(ini(handlers="file, rotating, delayed, stream", root="file", **handlers))

    assert file_config_fault(path) is None
    assert file_config_handler_paths(path) == [("file", Path("logs/app.log")), ("rotating", Path("logs/r.log"))]
    # fileConfig opens them as it creates the handlers: in a missing directory, it fails.
    real = file_config_takes(path)
    assert real.returncode != 0
    assert "FileNotFoundError" in real.stderr
    (tmp_path / "logs").mkdir()
    assert file_config_takes(path).returncode == 0


def test_judging_an_ini_file_leaves_this_process_logging_alone(tmp_path: Path) -> None:
    log_file = tmp_path / "app.log"
    path = tmp_path / "logging.ini"
    path.write_text(ini(handlers="f", root="f", handler_f=f"class = FileHandler\nargs = ({str(log_file)!r},)"))
    root_handlers = list(logging.getLogger().handlers)

    assert file_config_fault(path) is None
    assert logging.getLogger().handlers == root_handlers
    assert not log_file.exists()
