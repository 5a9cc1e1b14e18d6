"""Whether ``logging.config.fileConfig`` would take an INI file, judged without configuring logging.

Servers give an INI logging file to ``fileConfig`` (gunicorn's log-config, uvicorn's log-config of
any name but .json/.yaml/.yml). The judge reads it with the same ``ConfigParser`` and takes
fileConfig's own steps, formatters, then handlers, then loggers, evaluating each handler's
``class``, ``args`` and ``kwargs`` in the namespace fileConfig evaluates them in (so the file's
expressions run here as they will at start), and matching them against the class's signature
instead of creating the handler. ``tests/unit/test_logging_config.py`` holds it to real ``fileConfig``.
"""

from __future__ import annotations

import configparser
import contextlib
import functools
import logging
import logging.config
import logging.handlers
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

from .logging_config import FileHandlerPaths, Refused, bound_arguments
from .text import first_line, shown, type_name


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
            bound_arguments(formatter_class, arguments, keywords)

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
        bound = bound_arguments(handler_class, arguments, keywords)
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
