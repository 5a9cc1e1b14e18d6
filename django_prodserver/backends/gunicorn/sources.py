"""What gunicorn reads besides its settings: log configurations, its own configuration file and
variable, and what the equivalent ``gunicorn`` command line cannot carry.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any, cast

from ...problems import Problem, Severity
from ...rules.logging_config import dict_config_fault, file_handler_paths, log_file_problems, refusal
from ...rules.text import first_line, shown, type_name
from .options import GunicornArgs
from .rendering import not_on_command_line

E088 = "prodserver.E088"
W080 = "prodserver.W080"
W084 = "prodserver.W084"
W087 = "prodserver.W087"

W080_CMD_ARGS = Problem(
    W080,
    Severity.WARNING,
    ("ARGS",),
    "are the whole configuration: prodserver ignores GUNICORN_CMD_ARGS, which gunicorn would read.",
    "Move its options into ARGS and unset the variable, so that gunicorn run by hand agrees.",
)

GUNICORN_LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "INFO", "handlers": ["console"]},
    "loggers": {
        "gunicorn.error": {
            "level": "INFO",
            "handlers": ["error_console"],
            "propagate": True,
            "qualname": "gunicorn.error",
        },
        "gunicorn.access": {
            "level": "INFO",
            "handlers": ["console"],
            "propagate": True,
            "qualname": "gunicorn.access",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "generic", "stream": "ext://sys.stdout"},
        "error_console": {"class": "logging.StreamHandler", "formatter": "generic", "stream": "ext://sys.stderr"},
    },
    "formatters": {
        "generic": {
            "format": "%(asctime)s [%(process)d] [%(levelname)s] %(message)s",
            "datefmt": "[%Y-%m-%d %H:%M:%S %z]",
            "class": "logging.Formatter",
        }
    },
}
"""gunicorn's logging defaults (``glogging.CONFIG_DEFAULTS``, pinned by ``tests/unit/gunicorn/test_log_config.py``):
logconfig-dict and log-config-json replace their top-level keys, one by one."""
INI_HINT = "Write an INI file in logging.fileConfig format."
DICT_CONFIG_HINT = (
    "Write a logging.dictConfig configuration. gunicorn lays its top-level keys over its own defaults: one that "
    "sets handlers replaces 'console' and 'error_console', which gunicorn's loggers and root still name, so set "
    "loggers and root too."
)


LOG_CONFIG_FORMS = ("logconfig_dict", "log_config_json", "log_config")
"""gunicorn's logging configurations in its order: ``glogging.Logger.setup`` uses the first one set."""


def log_config_problems(args: GunicornArgs, *, starting: bool = False) -> list[Problem]:
    """gunicorn reads log-config with logging.fileConfig; log-config-json and logconfig-dict it lays over its
    defaults (``glogging.Logger.setup``) and passes to logging.dictConfig; both open the handlers' files.

    Each form given is judged, even one gunicorn ignores for another (W087 says which).
    """
    problems = ignored_log_configs(args)
    if args.log_config is not None and _is_file(args.log_config):
        problems.extend(_ini_problems(args, args.log_config, starting))
    if args.log_config_json is not None and _is_file(args.log_config_json):
        problems.extend(_json_config_problems(args, args.log_config_json, starting))
    if args.logconfig_dict:
        # gunicorn skips an empty dict, as it skips every falsy setting.
        problems.extend(_dict_config_problems(args, starting))
    return problems


def ignored_log_configs(args: GunicornArgs) -> list[Problem]:
    """Each form gunicorn ignores because one before it is set (it skips an empty logconfig-dict)."""
    given = [field for field in LOG_CONFIG_FORMS if getattr(args, field)]
    names = type(args).options()
    return [
        Problem(
            W087,
            Severity.WARNING,
            ("ARGS", field),
            f"is ignored: gunicorn uses {names[given[0]].name} instead (it takes logconfig-dict, else "
            "log-config-json, else log-config).",
            f"Remove {names[field].name}, or remove {names[given[0]].name} to use it.",
        )
        for field in given[1:]
    ]


def gunicorn_file_defaults(path: Path) -> dict[str, Any]:
    """The ConfigParser defaults gunicorn gives ``fileConfig`` for log-config: its logging defaults, and the
    file's name and directory, which the file can interpolate (``%(here)s``)."""
    return {**GUNICORN_LOGGING, "__file__": str(path), "here": os.path.dirname(str(path))}


def gunicorn_logging(config: object) -> dict[str, Any] | None:
    """What gunicorn passes to ``dictConfig`` for ``config``: its defaults updated with it, key by key;
    None where ``dict.update`` refuses ``config`` (gunicorn then fails before calling dictConfig)."""
    merged = copy.deepcopy(GUNICORN_LOGGING)
    try:
        merged.update(cast(Any, config))
    except (TypeError, ValueError):
        return None
    return merged


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        # A name the system cannot look up: the file rule reports it on this key.
        return False


def _e088(field: str, message: str, hint: str = DICT_CONFIG_HINT) -> Problem:
    return Problem(E088, Severity.ERROR, ("ARGS", field), message, hint)


def _ini_problems(args: GunicornArgs, path: Path, starting: bool) -> list[Problem]:
    """What logging.fileConfig would refuse in the INI file, else the log files it cannot create."""
    # Imported here: configparser and the INI judge only for settings that name an INI file.
    from ...rules.logging_ini import file_config_fault, file_config_handler_paths

    defaults = gunicorn_file_defaults(path)
    names = f"names {shown(path)},"
    fault = file_config_fault(path, defaults)
    if fault is not None:
        return [_e088("log_config", f"{names} which {refusal(fault, 'fileConfig')}.", INI_HINT)]
    paths = file_config_handler_paths(path, defaults)
    return log_file_problems("log_config", names, paths, starting, base=args.chdir)


def _json_config_problems(args: GunicornArgs, path: Path, starting: bool) -> list[Problem]:
    names = f"names {shown(path)}"
    try:
        config = json.loads(path.read_text())
    except json.JSONDecodeError as error:
        return [_e088("log_config_json", f"{names}, which is not valid JSON ({error.msg}, line {error.lineno}).")]
    except (OSError, ValueError) as error:
        return [_e088("log_config_json", f"{names}, which cannot be read ({first_line(error)}).")]
    merged = gunicorn_logging(config)
    if merged is None:
        return [_e088("log_config_json", f"{names}, which holds {type_name(config)}, not a JSON object.")]
    return _merged_problems(args, "log_config_json", f"{names},", merged, starting)


def _dict_config_problems(args: GunicornArgs, starting: bool) -> list[Problem]:
    merged = gunicorn_logging(args.logconfig_dict)
    assert merged is not None  # the model holds a dict
    return _merged_problems(args, "logconfig_dict", f"is {shown(args.logconfig_dict)},", merged, starting)


def _merged_problems(
    args: GunicornArgs, field: str, subject: str, merged: dict[str, Any], starting: bool
) -> list[Problem]:
    """What dictConfig would refuse in gunicorn's merged configuration, else the log files it cannot create."""
    fault = dict_config_fault(merged)
    if fault is not None:
        return [_e088(field, f"{subject} which {refusal(fault, 'dictConfig')}.")]
    return log_file_problems(field, subject, file_handler_paths(merged), starting, base=args.chdir)


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
