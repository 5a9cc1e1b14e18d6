"""Whether ``logging.config.dictConfig`` would take a configuration, judged without configuring logging.

Servers pass a user's logging file to ``dictConfig`` as they start; a configuration it refuses ends
the start in a traceback. Running ``dictConfig`` here would reconfigure the checking process's own
logging and open every file handler's file, so the judge walks the configuration as ``dictConfig``
does instead: it resolves the classes, factories and ``ext://`` values the configuration names
(importing them, as ``dictConfig`` would), follows every reference between formatters, filters,
handlers and loggers, and matches each handler's keyword arguments against its class's signature,
but creates no handler. ``tests/unit/test_logging_config.py`` holds the judge to real ``dictConfig``.

Servers give an INI file to ``logging.config.fileConfig`` instead (gunicorn's log-config, uvicorn's
log-config of any other name): :func:`file_config_fault` reads it with the same ``ConfigParser`` and
takes fileConfig's own steps, formatters, then handlers, then loggers, evaluating each handler's
``class``, ``args`` and ``kwargs`` in the namespace fileConfig evaluates them in, and matching them
against the class's signature instead of creating the handler.
"""

from __future__ import annotations

import configparser
import contextlib
import functools
import inspect
import logging
import logging.config
import logging.handlers
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

from .text import first_line, shown, type_name

FileHandlerPaths = list[tuple[str, Path]]
"""``(handler name, file)`` of each handler that opens a file when it is created."""


class Refused(ValueError):
    """Why ``dictConfig`` would refuse the configuration, as the end of a sentence."""


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


def file_config_fault(path: Path, defaults: Mapping[str, object] | None = None) -> str | None:
    """Why ``logging.config.fileConfig(path, defaults)`` would refuse the INI file at ``path``, or None.

    As :func:`dict_config_fault`: a fault of the whole file reads ``"has no [loggers] section"``, one of
    an element ``"handler 'x': ..."``.  ``defaults`` are the ConfigParser defaults the server passes.
    """
    try:
        _FileJudge(path, defaults).judge()
    except Refused as refused:
        return str(refused)
    return None


def file_config_handler_paths(path: Path, defaults: Mapping[str, object] | None = None) -> FileHandlerPaths:
    """The files an INI file's handlers open as ``fileConfig`` creates them (their directory must exist)."""
    judge = _FileJudge(path, defaults)
    # A refusal is the judge's to report; the handlers judged before it still name their files.
    with contextlib.suppress(Refused):
        judge.judge()
    return judge.paths


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
            _bound(target, arguments, keywords)
        except Refused:
            for old, new in (renames or {}).items():
                if old in keywords:
                    try:
                        _bound(target, arguments, {(new if key == old else key): v for key, v in keywords.items()})
                    except Refused:
                        break
                    return
            raise


class _FileJudge:
    """fileConfig's steps (``_create_formatters``, ``_install_handlers``, ``_install_loggers``) on the same
    ``ConfigParser``, each handler's creation replaced by matching its arguments against its class."""

    def __init__(self, path: Path, defaults: Mapping[str, object] | None) -> None:
        self.path = path
        self.defaults = dict(defaults or {})
        # fileConfig's own parser; it turns the defaults into text, as fileConfig's does.
        self.parser = configparser.ConfigParser(cast(Any, defaults))
        # What fileConfig evaluates a handler's class, args and kwargs in (a copy: evaluating binds nothing).
        self.namespace = dict(vars(logging))
        self.paths: FileHandlerPaths = []

    def judge(self) -> None:
        self._read()
        formatters = self._keys("formatters")
        for name in formatters:
            self._each("formatter", name, self._formatter)
        handlers = self._keys("handlers")
        targets: list[tuple[str, str]] = []
        for name in handlers:
            self._each("handler", name, functools.partial(self._handler, formatters, targets, name))
        # A MemoryHandler's target is looked up once every handler exists.
        for name, target in targets:
            if target not in handlers:
                raise Refused(f"handler {name!r}: its target {target!r} is not among the handlers")
        loggers = self._keys("loggers")
        if "root" not in loggers:
            raise Refused("lists no 'root' in its [loggers] keys: logging.fileConfig configures the root logger")
        loggers.remove("root")
        self._each("logger", "root", lambda section: self._logger(section, handlers, root=True))
        for name in loggers:
            self._each("logger", name, lambda section: self._logger(section, handlers, root=False))

    def _read(self) -> None:
        try:
            empty = not self.path.stat().st_size
        except OSError as error:
            raise Refused(f"cannot be read ({first_line(error)})") from None
        if empty:
            raise Refused("is empty")
        try:
            # fileConfig's encoding (io.text_encoding(None)): the locale's, unless in UTF-8 mode.
            with open(self.path, encoding="utf-8" if sys.flags.utf8_mode else "locale") as file:
                self.parser.read_file(file, source=str(self.path))
        except configparser.MissingSectionHeaderError as error:
            raise Refused(f"cannot be parsed as INI: line {error.lineno} comes before any [section]") from None
        except configparser.ParsingError as error:
            errors = getattr(error, "errors", None)
            if not errors:
                raise Refused(f"cannot be parsed as INI ({first_line(error)})") from None
            raise Refused(
                f"cannot be parsed as INI: line {errors[0][0]} is neither a [section] nor 'key = value'"
            ) from None
        except configparser.Error as error:
            raise Refused(f"cannot be parsed as INI ({first_line(error)})") from None
        except (OSError, ValueError) as error:
            # ValueError: UnicodeDecodeError, a file not in the locale's encoding.
            raise Refused(f"cannot be read ({first_line(error)})") from None

    def _keys(self, section: str) -> list[str]:
        """The names a section's ``keys`` lists, as fileConfig splits them."""
        if not self.parser.has_section(section):
            raise Refused(f"has no [{section}] section")
        try:
            keys = self.parser[section].get("keys")
        except configparser.Error as error:
            raise Refused(f"has [{section}] keys that cannot be read ({first_line(error)})") from None
        if keys is None:
            raise Refused(f"has no 'keys' in its [{section}] section")
        return [name.strip() for name in keys.split(",")] if keys else []

    def _each(self, kind: str, name: str, judge: Callable[[configparser.SectionProxy], None]) -> None:
        section = f"{kind}_{name}"
        if not self.parser.has_section(section):
            raise Refused(f"lists the {kind} {name!r} in [{kind}s] but has no [{section}] section")
        try:
            judge(self.parser[section])
        except Refused as refused:
            raise Refused(f"{kind} {name!r}: {refused}") from None
        except Exception as error:
            # A value that cannot be interpolated, an import that raises: fileConfig would fail the same way.
            raise Refused(f"{kind} {name!r}: {first_line(error)}") from None

    def _formatter(self, section: configparser.SectionProxy) -> None:
        raw = {option: self.parser.get(section.name, option, raw=True, fallback=None) for option in _FORMATTER}
        arguments: list[Any] = [raw["format"], raw["datefmt"], raw["style"] or "%"]
        keywords: dict[str, Any] = {}
        if sys.version_info >= (3, 12) and raw["defaults"] is not None:
            # Python 3.12 added a formatter's defaults, evaluated as a handler's args are.
            keywords["defaults"] = self._evaluate("defaults", raw["defaults"])
        class_name = section.get("class")
        formatter_class = self._import(class_name) if class_name else logging.Formatter
        if formatter_class is logging.Formatter:
            # Creating a plain Formatter has no side effect; it validates the format against its style.
            logging.Formatter(*arguments, **keywords)
        else:
            _bound(formatter_class, arguments, keywords)

    def _handler(
        self, formatters: list[str], targets: list[tuple[str, str]], name: str, section: configparser.SectionProxy
    ) -> None:
        if "class" not in section:
            raise Refused("it has no 'class'")
        handler_class = self._handler_class(section["class"])
        arguments = self._evaluate("args", section.get("args", "()"))
        keywords = self._evaluate("kwargs", section.get("kwargs", "{}"))
        try:
            arguments = list(arguments)
        except TypeError:
            raise Refused(f"its args are {shown(arguments)}, not a tuple") from None
        if not isinstance(keywords, Mapping) or not all(isinstance(key, str) for key in keywords):
            raise Refused(f"its kwargs are {shown(keywords)}, not a dict of keyword arguments")
        if not isinstance(handler_class, type):
            # fileConfig asks whether the class is a MemoryHandler: anything else than a class fails.
            raise Refused(f"its class {section['class']!r} is {type_name(handler_class)}, not a class")
        bound = _bound(handler_class, arguments, keywords)
        if "level" in section:
            self._level(section["level"])
        formatter = section.get("formatter", "")
        if formatter and formatter not in formatters:
            raise Refused(f"its formatter {formatter!r} is not among the formatters")
        if issubclass(handler_class, logging.handlers.MemoryHandler):
            target = section.get("target", "")
            if target:
                targets.append((name, target))
        if bound is not None and issubclass(handler_class, logging.FileHandler):
            filename, delay = bound.arguments.get("filename"), bound.arguments.get("delay")
            if isinstance(filename, (str, os.PathLike)) and not delay:
                self.paths.append((name, Path(filename)))

    def _logger(self, section: configparser.SectionProxy, handlers: list[str], root: bool) -> None:
        if not root:
            if "qualname" not in section:
                raise Refused("it has no 'qualname'")
            try:
                section.getint("propagate", fallback=1)
            except ValueError:
                raise Refused(f"its propagate {section['propagate']!r} is not an integer") from None
        if "level" in section:
            self._level(section["level"])
        if "handlers" not in section:
            raise Refused("it has no 'handlers' (write 'handlers =' for none)")
        names = section["handlers"]
        for handler in [name.strip() for name in names.split(",")] if names else []:
            if handler not in handlers:
                if self._from_defaults(section, "handlers"):
                    # The server's own defaults name no handler of the file (gunicorn's hold a dict).
                    raise Refused("it has no 'handlers' (write 'handlers =' for none)")
                raise Refused(f"its handler {handler!r} is not among the handlers")

    def _from_defaults(self, section: configparser.SectionProxy, option: str) -> bool:
        """Whether the section's value is the one the server's defaults give every section."""
        given = self.defaults.get(option)
        return given is not None and self.parser.get(section.name, option, raw=True) == str(given)

    def _handler_class(self, text: str) -> Any:
        """As fileConfig finds it: a name of the logging module's, else a dotted name imported."""
        try:
            try:
                return eval(text, self.namespace)
            except (AttributeError, NameError):
                return logging.config._resolve(text)  # type: ignore[attr-defined]  # fileConfig's own import
        except Exception as error:
            raise Refused(f"{text!r} cannot be imported ({first_line(error)})") from None

    def _import(self, dotted: str) -> Any:
        try:
            return logging.config._resolve(dotted)  # type: ignore[attr-defined]  # fileConfig's own import
        except Exception as error:
            raise Refused(f"{dotted!r} cannot be imported ({first_line(error)})") from None

    def _evaluate(self, option: str, text: str) -> Any:
        """A Python expression of the file, evaluated as fileConfig evaluates it."""
        try:
            return eval(text, self.namespace)
        except Exception as error:
            raise Refused(f"its {option} {shown(text)} cannot be evaluated ({first_line(error)})") from None

    def _level(self, level: str) -> None:
        try:
            logging._checkLevel(level)  # type: ignore[attr-defined]  # what setLevel calls
        except (TypeError, ValueError) as error:
            raise Refused(f"level {shown(level)} is not a logging level ({first_line(error)})") from None


_FORMATTER = ("format", "datefmt", "style", "defaults")
"""The options fileConfig reads of a formatter's section without interpolation."""


def _bound(target: Any, arguments: list[Any], keywords: Mapping[str, Any]) -> inspect.BoundArguments | None:
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
