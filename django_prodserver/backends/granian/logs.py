"""Granian's logs: the access log format it fills for every request, and the log configuration
it lays over its own defaults (``granian/log.py``) before ``logging.dictConfig`` reads it.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from ...problems import Problem, Severity
from ...rules.text import first_line, shown, type_name
from .options import GranianArgs

E046 = "prodserver.E046"
E051 = "prodserver.E051"
W054 = "prodserver.W054"

ACCESS_LOG_FIELDS: dict[str, object] = {
    "addr": "127.0.0.1",
    "time": "2026-11-25 12:00:00 +0000",
    "dt_ms": 1.5,
    "status": 200,
    "path": "/",
    "query_string": "",
    "method": "GET",
    "scheme": "http",
    "protocol": "HTTP/1.1",
}
"""What Granian's access logger formats each line with (``granian/log.py``), a sample value each;
``tests/unit/granian/test_access_log.py`` pins the keys against Granian's own builder."""
_HEADER_PLACEHOLDER = re.compile(r"%\(header\{[^}]+\}\)s")


def access_log_format_problems(args: GranianArgs) -> list[Problem]:
    """A format Granian cannot fill logs a traceback for every request instead of its line."""
    if args.access_log_fmt is None:
        return []
    try:
        # %(header{name})s is Granian's own placeholder for a request header.
        _HEADER_PLACEHOLDER.sub("-", args.access_log_fmt) % ACCESS_LOG_FIELDS
    except KeyError as error:
        reason = f"Granian has no %({error.args[0]})s placeholder"
    except (ValueError, TypeError) as error:
        reason = f"it is not a %-format ({error})"
    else:
        return []
    placeholders = ", ".join(f"%({name})s" for name in ACCESS_LOG_FIELDS)
    return [
        Problem(
            E046,
            Severity.ERROR,
            ("ARGS", "access_log_fmt"),
            f"is {shown(args.access_log_fmt)}: {reason}, so every request would log an error instead.",
            f"Use Granian's placeholders: {placeholders} or %(header{{name}})s.",
        )
    ]


def access_log_without_log(args: GranianArgs, wsgi: bool) -> list[Problem]:
    """Granian's ``log`` silences its own logger only: the access log has a logger of its own."""
    if args.log or not args.log_access:
        return []
    default = "" if "log_access" in args.model_fields_set else " (this backend's default)"
    return [
        Problem(
            W054,
            Severity.WARNING,
            ("ARGS", "log"),
            f"is False, but log-access is True{default}: Granian still logs every request.",
            "Set log-access to False too for no logs at all, or remove log to keep Granian's own messages.",
        )
    ]


GRANIAN_LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "generic": {
            "()": "logging.Formatter",
            "fmt": "[%(levelname)s] %(message)s",
            "datefmt": "[%Y-%m-%d %H:%M:%S %z]",
        },
        "access": {"()": "logging.Formatter", "fmt": "%(message)s", "datefmt": "[%Y-%m-%d %H:%M:%S %z]"},
    },
    "handlers": {
        "console": {"formatter": "generic", "class": "logging.StreamHandler", "stream": "ext://sys.stdout"},
        "access": {"formatter": "access", "class": "logging.StreamHandler", "stream": "ext://sys.stdout"},
    },
    "loggers": {
        "_granian": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "granian.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}
"""Granian's logging defaults (``granian/log.py`` ``LOGGING_CONFIG``, pinned by
``tests/unit/granian/test_logs.py``): a log-config replaces their top-level keys, one by one."""
LOG_CONFIG_HINT = (
    "Write a JSON object in logging.dictConfig format. Granian replaces its own formatters, handlers or "
    "loggers with the file's: a file that sets handlers sets the loggers '_granian' and 'granian.access' too."
)


def granian_logging(config: object) -> object:
    """What Granian passes to ``dictConfig`` for a log-config holding ``config`` (``granian/log.py``)."""
    if not isinstance(config, dict) or not config:
        # Granian merges only a non-empty object; anything else is judged as it is.
        return config if config != {} else GRANIAN_LOGGING
    merged = {**copy.deepcopy(GRANIAN_LOGGING), **config}
    loggers = merged["loggers"]
    if isinstance(loggers, dict) and isinstance(loggers.setdefault("_granian", {}), dict):
        # Granian sets its own logger's level from log-level; any valid level judges the same.
        merged["loggers"] = {**loggers, "_granian": {**loggers["_granian"], "level": "INFO"}}
    return merged


def log_config_problems(args: GranianArgs, *, starting: bool = False) -> list[Problem]:
    """Granian reads --log-config as JSON, merges it over its defaults and passes it to logging.dictConfig."""

    path = args.log_config
    try:
        if path is None or not path.is_file():
            return []
    except OSError:
        # A name the system cannot look up: the file rule reports it on this key.
        return []
    # Imported here, as for keys: only settings that name such a file pay for it on every command.
    from ...rules.logging_config import dict_config_fault, file_handler_paths, log_file_problems

    try:
        config = json.loads(path.read_text())
    except json.JSONDecodeError as error:
        reason = f"is not valid JSON ({error.msg}, line {error.lineno})"
    except (OSError, ValueError) as error:
        reason = f"cannot be read ({first_line(error)})"
    else:
        merged = granian_logging(config)
        loggers = merged.get("loggers") if isinstance(merged, dict) else None
        if isinstance(merged, dict) and not isinstance(loggers, dict):
            fault: str | None = f'has "loggers" that is {type_name(loggers)}: Granian needs an object there'
        elif isinstance(loggers, dict) and not isinstance(loggers.get("_granian"), dict):
            fault = f"has a '_granian' logger that is {type_name(loggers.get('_granian'))}, not an object"
        else:
            fault = dict_config_fault(merged)
        if fault is None:
            return log_file_problems("log_config", f"names {shown(path)},", file_handler_paths(merged), starting)
        reason = fault if fault.startswith(("has ", "holds ")) else f"logging.dictConfig would refuse: {fault}"
    return [
        Problem(
            E051,
            Severity.ERROR,
            ("ARGS", "log_config"),
            f"names {shown(path)}, which {reason}.",
            LOG_CONFIG_HINT,
        )
    ]
