"""What gunicorn reads besides its settings: log configuration files, its own configuration file and
variable, and what the equivalent ``gunicorn`` command line cannot carry.
"""

from __future__ import annotations

import configparser
import json
import os
from pathlib import Path

from ...problems import Problem, Severity
from ...rules.text import first_line, shown, type_name
from .options import GunicornArgs
from .rendering import not_on_command_line

E088 = "prodserver.E088"
W080 = "prodserver.W080"
W084 = "prodserver.W084"

W080_CMD_ARGS = Problem(
    W080,
    Severity.WARNING,
    ("ARGS",),
    "are the whole configuration: prodserver ignores GUNICORN_CMD_ARGS, which gunicorn would read.",
    "Move its options into ARGS and unset the variable, so that gunicorn run by hand agrees.",
)

FILE_CONFIG_SECTIONS = ("loggers", "handlers", "formatters")
"""The sections ``logging.config.fileConfig`` reads the ``keys`` of: a file without one fails."""


def log_config_problems(args: GunicornArgs) -> list[Problem]:
    """gunicorn reads log-config with logging.config.fileConfig and log-config-json as a JSON object."""
    problems = []
    if args.log_config is not None and args.log_config.is_file():
        reason = _file_config_fault(args.log_config)
        if reason is not None:
            problems.append(
                _e088("log_config", args.log_config, reason, "Write an INI file in logging.fileConfig format.")
            )
    if args.log_config_json is not None and args.log_config_json.is_file():
        reason = _json_fault(args.log_config_json)
        if reason is not None:
            hint = "Write a JSON object in logging.dictConfig format."
            problems.append(_e088("log_config_json", args.log_config_json, reason, hint))
    return problems


def _e088(field: str, path: Path, reason: str, hint: str) -> Problem:
    return Problem(E088, Severity.ERROR, ("ARGS", field), f"names {shown(path)}, which {reason}.", hint)


def _file_config_fault(path: Path) -> str | None:
    parser = configparser.ConfigParser()
    try:
        parser.read(path)
    except (configparser.Error, OSError, UnicodeDecodeError) as error:
        return f"cannot be read as an INI file ({first_line(error)})"
    missing = [section for section in FILE_CONFIG_SECTIONS if not parser.has_option(section, "keys")]
    return f"has no 'keys' in its [{missing[0]}] section" if missing else None


def _json_fault(path: Path) -> str | None:
    try:
        config = json.loads(path.read_text())
    except json.JSONDecodeError as error:
        return f"is not valid JSON ({error.msg}, line {error.lineno})"
    except (OSError, ValueError) as error:
        return f"cannot be read ({first_line(error)})"
    return None if isinstance(config, dict) else f"holds {type_name(config)}, not a JSON object"


def gunicorn_cmd_args() -> str | None:
    """The options gunicorn's command would read from its environment variable."""
    return os.environ.get("GUNICORN_CMD_ARGS")


def config_sources(args: GunicornArgs) -> list[Problem]:
    """gunicorn's command reads these on top of its arguments; prodserver does not, so say they are ignored."""
    directory = args.chdir if args.chdir is not None else Path.cwd()
    problems = []
    config_file = directory / "gunicorn.conf.py"
    if config_file.exists():
        problems.append(
            Problem(
                W080,
                Severity.WARNING,
                ("ARGS",),
                f"are the whole configuration: prodserver ignores {str(config_file)!r}, which gunicorn would read.",
                "Move its settings into ARGS and delete the file, so that gunicorn run by hand agrees.",
            )
        )
    if gunicorn_cmd_args():
        problems.append(W080_CMD_ARGS)
    return problems


def command_line_gaps(args: GunicornArgs) -> list[Problem]:
    """Options prodserver passes in-process that the equivalent ``gunicorn`` line (--dry-run) cannot carry."""
    return [
        Problem(
            W084,
            Severity.WARNING,
            ("ARGS", field),
            "cannot be given on gunicorn's command line: prodserver passes it, the equivalent line omits it.",
            "To run the line by hand, set it in a gunicorn config file (gunicorn -c).",
        )
        for field in not_on_command_line(args)
    ]
