"""Whether ``logging.config.dictConfig`` would take a configuration, judged without configuring logging.

Servers pass a user's logging file to ``dictConfig`` as they start; a configuration it refuses ends
the start in a traceback. Running ``dictConfig`` here would reconfigure the checking process's own
logging and open every file handler's file, so the judge walks the configuration as ``dictConfig``
does instead: it resolves the classes, factories and ``ext://`` values the configuration names
(importing them, as ``dictConfig`` would), follows every reference between formatters, filters,
handlers and loggers, and matches each handler's keyword arguments against its class's signature,
but creates no handler. ``tests/unit/test_logging_config.py`` holds the judge to real ``dictConfig``.

INI files, which servers give to ``logging.config.fileConfig``, are judged by :mod:`.logging_ini`;
both judges share :class:`Refused`, :func:`refusal` and the signature matching here.
"""

from __future__ import annotations

import inspect
import logging
import logging.config
import logging.handlers
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..problems import Problem
from .files import path_problem
from .text import first_line, shown, type_name

FileHandlerPaths = list[tuple[str, Path]]
"""``(handler name, file)`` of each handler that opens a file when it is created."""


class Refused(ValueError):
    """Why ``dictConfig`` or ``fileConfig`` would refuse a configuration, as the end of a sentence."""


def dict_config_fault(config: object) -> str | None:
    """Why ``dictConfig`` would refuse ``config`` (``"has no ..."``, ``"handler 'x': ..."``), or None."""
    try:
        _Judge(config).judge()
    except Refused as refused:
        return str(refused)
    return None


def file_handler_paths(config: object) -> FileHandlerPaths:
    """The files a configuration's handlers open as ``dictConfig`` creates them (their directory must exist)."""
    if not isinstance(config, Mapping) or not isinstance(config.get("handlers"), Mapping):
        return []
    paths = []
    for name, handler in config["handlers"].items():
        if not isinstance(handler, Mapping) or handler.get("delay") or not isinstance(handler.get("filename"), str):
            continue
        try:
            handler_class = logging.config.BaseConfigurator({}).resolve(str(handler.get("class")))
            opens_file = isinstance(handler_class, type) and issubclass(handler_class, logging.FileHandler)
        except Exception:
            # A class that does not resolve is the judge's to report.
            continue
        if opens_file:
            paths.append((str(name), Path(handler["filename"])))
    return paths


def log_file_problems(
    field: str, subject: str, paths: FileHandlerPaths, starting: bool, *, base: Path | None = None
) -> list[Problem]:
    """Handlers' files that cannot be created: a missing path, as for any option (W050, E050 at start).

    ``subject`` starts the message (``"names 'logging.json',"``); ``base`` is the directory the server
    resolves relative file names from, if not the current one (gunicorn's chdir).
    """
    problems = []
    for handler, log_file in paths:
        if base is not None and not log_file.is_absolute():
            log_file = base / log_file
        written = f"{subject} whose handler {handler!r} writes to {shown(log_file)}"
        if (problem := path_problem(field, "created", log_file, starting, written)) is not None:
            problems.append(problem)
    return problems


def refusal(fault: str, function: str) -> str:
    """A judge's fault as the end of a sentence after "which": a fault of the whole file as it is
    (``"has no [loggers] section"``), an element's after the function that refuses it."""
    whole = fault.startswith(("has ", "holds ", "is ", "cannot ", "lists "))
    return fault if whole else f"logging.{function} would refuse: {fault}"


class _Judge:
    def __init__(self, config: object) -> None:
        self.raw = config
        # dictConfig's own converter: ext:// and cfg:// values resolve as they will at start.
        self.configurator = logging.config.BaseConfigurator(dict(config) if isinstance(config, Mapping) else {})
        self.config: Any = self.configurator.config

    def judge(self) -> None:
        if not isinstance(self.raw, Mapping):
            raise Refused(f"holds {type_name(self.raw)}, not a JSON object")
        if "version" not in self.raw:
            raise Refused('has no "version": 1, which logging.dictConfig requires')
        if self.raw["version"] != 1:
            raise Refused(f'has "version": {shown(self.raw["version"])}; logging.dictConfig supports only 1')
        if self.raw.get("incremental"):
            self._incremental()
            return
        sections = {name: self._section(name) for name in ("formatters", "filters", "handlers", "loggers")}
        judges = {"formatters": self._formatter, "filters": self._filter, "handlers": self._handler}
        for section, judge in {**judges, "loggers": self._logger}.items():
            # Indexing (not .items()) converts each value as dictConfig's ConvertingDict does.
            for name in sections[section]:
                self._each(section[:-1], name, sections[section][name], judge)
        root = self.config.get("root")
        if root:
            self._each("logger", "root", root, self._logger)

    def _incremental(self) -> None:
        """An incremental configuration only sets the levels of handlers and loggers already configured.

        What is configured here is what Django's LOGGING configured, as in the process that starts.
        """
        handlers = self._section("handlers")
        for name in handlers:
            if name not in logging._handlers:  # type: ignore[attr-defined]  # dictConfig's own lookup
                raise Refused(
                    f"handler {name!r} is not configured: an incremental configuration only changes existing ones"
                )
            self._each("handler", name, handlers[name], self._levels)
        loggers = self._section("loggers")
        for name in loggers:
            self._each("logger", name, loggers[name], self._levels)
        if self.config.get("root"):
            self._each("logger", "root", self.config["root"], self._levels)

    def _levels(self, config: Mapping[str, Any]) -> None:
        if config.get("level") is not None:
            self._level(config["level"])

    def _section(self, name: str) -> Mapping[str, Any]:
        section = self.config.get(name, {})
        if not isinstance(section, Mapping):
            raise Refused(f'has a "{name}" that is {type_name(section)}, not an object')
        return section

    def _each(self, kind: str, name: str, config: object, judge: Callable[[Mapping[str, Any]], None]) -> None:
        if not isinstance(config, Mapping):
            raise Refused(f"{kind} {name!r} is {type_name(config)}, not an object")
        try:
            judge(config)
        except Refused as refused:
            raise Refused(f"{kind} {name!r}: {refused}") from None
        except Exception as error:
            # What resolving or converting a value raised: dictConfig would fail the same way.
            raise Refused(f"{kind} {name!r}: {first_line(error)}") from None

    def _formatter(self, config: Mapping[str, Any]) -> None:
        if "()" in config:
            # dictConfig retries a factory without 'format' under its older name, 'fmt'.
            self._factory(config, renames={"format": "fmt"})
            return
        formatter_class = self._resolve(config["class"]) if config.get("class") else logging.Formatter
        arguments = [config.get("format"), config.get("datefmt"), config.get("style", "%")]
        if "validate" in config:
            arguments.append(config["validate"])
        if formatter_class is logging.Formatter:
            # Creating a plain Formatter has no side effect; it validates the format against its style.
            logging.Formatter(*arguments)
        else:
            self._bind(formatter_class, arguments, {})

    def _filter(self, config: Mapping[str, Any]) -> None:
        if "()" in config:
            self._factory(config)

    def _handler(self, config: Mapping[str, Any]) -> None:
        formatter = config.get("formatter")
        if formatter and formatter not in self._section("formatters"):
            raise Refused(f"its formatter {formatter!r} is not among the formatters")
        if config.get("level") is not None:
            self._level(config["level"])
        self._references(config.get("filters"), "filters", "filter")
        reserved = {"formatter", "level", "filters", ".", "()"}
        if "()" in config:
            self._factory(config, exclude=reserved, renames={"stream": "strm"})
            return
        reserved.add("class")
        if "class" not in config:
            raise Refused('it has no "class"')
        handler_class = self._resolve(config["class"])
        keywords = {key: config[key] for key in config if key not in reserved and key.isidentifier()}
        if isinstance(handler_class, type) and issubclass(handler_class, logging.handlers.MemoryHandler):
            target = keywords.get("target")
            if target is not None and target not in self._section("handlers"):
                raise Refused(f"its target {target!r} is not among the handlers")
        self._bind(handler_class, [], keywords, renames={"stream": "strm"})

    def _logger(self, config: Mapping[str, Any]) -> None:
        if config.get("level") is not None:
            self._level(config["level"])
        self._references(config.get("handlers"), "handlers", "handler")
        self._references(config.get("filters"), "filters", "filter")

    def _references(self, names: object, section: str, kind: str) -> None:
        if not names:
            return
        known = self._section(section)
        # Any iterable, as in dictConfig: a string is read as one name per character.
        for name in names if isinstance(names, (list, str)) else [names]:
            if name not in known:
                raise Refused(f"its {kind} {name!r} is not among the {section}")

    def _level(self, level: object) -> None:
        try:
            logging._checkLevel(level)  # type: ignore[attr-defined]  # what dictConfig calls
        except (TypeError, ValueError) as error:
            raise Refused(f"level {shown(level)} is not a logging level ({first_line(error)})") from None

    def _factory(
        self, config: Mapping[str, Any], exclude: set[str] | None = None, renames: Mapping[str, str] | None = None
    ) -> None:
        factory = config["()"]
        factory = factory if callable(factory) else self._resolve(factory)
        keywords = {k: config[k] for k in config if k not in (exclude or {"()", "."}) and k.isidentifier()}
        self._bind(factory, [], keywords, renames=renames)

    def _resolve(self, dotted: object) -> Any:
        if not isinstance(dotted, str):
            raise Refused(f"{shown(dotted)} is not a dotted name")
        try:
            return self.configurator.resolve(dotted)
        except ValueError as error:
            cause = error.__cause__ or error
            raise Refused(f"{dotted!r} cannot be imported ({first_line(cause)})") from None

    def _bind(
        self, target: Any, arguments: list[Any], keywords: dict[str, Any], renames: Mapping[str, str] | None = None
    ) -> None:
        """Whether ``target`` accepts these arguments (or, as dictConfig retries, a renamed keyword)."""
        if not callable(target):
            raise Refused(f"{shown(target)} is not callable")
        try:
            bound_arguments(target, arguments, keywords)
        except Refused:
            for old, new in (renames or {}).items():
                if old in keywords:
                    try:
                        bound_arguments(
                            target, arguments, {(new if key == old else key): v for key, v in keywords.items()}
                        )
                    except Refused:
                        break
                    return
            raise


def bound_arguments(target: Any, arguments: list[Any], keywords: Mapping[str, Any]) -> inspect.BoundArguments | None:
    """``target``'s parameters bound to these arguments, without calling it; None for a builtin without a signature."""
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):
        return None
    try:
        return signature.bind(*arguments, **keywords)
    except TypeError as error:
        name = getattr(target, "__qualname__", shown(target))
        raise Refused(f"{name}() does not take these arguments ({error})") from None
