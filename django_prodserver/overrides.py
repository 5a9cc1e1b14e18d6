"""Command-line overrides of ARGS: argparse options built from a process's ARGS model.

``manage.py prodserver web --workers 8 --log-access false`` takes each option under its
documented (dashed) name.  Values stay raw strings, as in settings, so the model
validates them with the same rules and messages as ``PRODUCTION_PROCESSES``; argparse
only collects them.  Booleans take a value (``true`` / ``false``) so that an override can
switch an option off as easily as on.

Pure argparse and pydantic: no Django.
"""

from __future__ import annotations

import argparse
from collections.abc import Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn
from weakref import WeakKeyDictionary

from pydantic import SecretStr
from pydantic.fields import FieldInfo

from .args.base import BackendArgs, dashed
from .args.describe import choices, is_duration, is_repeatable, item_type, range_words
from .args.groups import Group
from .rules.text import closest

DEST_PREFIX = "ARGS:"
"""argparse destination of an override: ``ARGS:workers``; never clashes with the command's own options."""

_SPELLINGS: WeakKeyDictionary[argparse.ArgumentParser, dict[str, str]] = WeakKeyDictionary()
"""Per parser, every spelling settings accept for an override's option (dashed) -> the override's flag."""

_METAVARS: dict[type, str] = {int: "N", float: "SECONDS", Path: "PATH", SecretStr: "SECRET", str: "TEXT"}


def metavar(info: FieldInfo) -> str:
    """``{true,false}``, ``{auto,1,2}``, ``N``, ``DURATION``, ``PATH``..."""
    annotation = item_type(info)[0]
    if annotation is bool:
        return "{true,false}"
    if accepted := choices(info):
        return "{" + ",".join(accepted) + "}"
    if is_duration(info):
        return "DURATION"
    return _METAVARS.get(annotation, "VALUE")


def _default(info: FieldInfo) -> str | None:
    if isinstance(info.default, bool):
        return str(info.default).lower()
    if info.default is None or info.default == []:
        return None
    return str(info.default)


def help_text(info: FieldInfo) -> str:
    """The description, then the default and the range; argparse's ``%`` escaped."""
    facts = [f"default: {default}" if (default := _default(info)) is not None else None, range_words(info)]
    if is_repeatable(info):
        facts.append("repeatable")
    details = "; ".join(fact for fact in facts if fact)
    text = f"{info.description} ({details})" if details else str(info.description)
    return text.replace("%", "%%")


def _groups(model: type[BackendArgs]) -> Iterator[tuple[Group, list[str]]]:
    """Fields by their option's group, groups in the order of their first option."""
    grouped: dict[Group, list[str]] = {}
    for field, meta in model.options().items():
        grouped.setdefault(meta.group, []).append(field)
    yield from grouped.items()


def add_override_options(parser: argparse.ArgumentParser, model: type[BackendArgs], process: str) -> None:
    """One option per field of ``model``, grouped by topic; unset options stay out of the namespace."""
    # As the tool's own command reads them: a variable is the default of its options (gunicorn's PORT).
    variables = ", ".join(dict.fromkeys(convention.variable for convention in model.environment_defaults))
    environment = f" < environment ({variables})" if variables else ""
    parser.epilog = (
        f"ARGS options override the settings of {process!r} for this run "
        f"(precedence: default{environment} < settings < command line). Booleans take true or false; "
        "repeatable options may be given several times."
    )
    actions = parser._option_string_actions
    taken = {flag for flag, action in actions.items() if not action.dest.startswith(DEST_PREFIX)}
    shadowed = []
    for title, fields in _groups(model):
        group = parser.add_argument_group(f"{title} (ARGS of {process!r})")
        for field in fields:
            info = model.model_fields[field]
            flag = f"--{dashed(model.options()[field].name)}"
            # `--blocking-threads` for a WSGI process is `--threads`, as settings read it.
            spellings = _SPELLINGS.setdefault(parser, {})
            spellings.update({dashed(spelling): flag for spelling in model.options()[field].spellings})
            if flag in taken:
                # The command's own option (--skip-checks, --no-color...): settings only.
                shadowed.append(flag)
                continue
            if flag in actions:
                # Another process's model declared it already (call_command accepts every process's options).
                continue
            group.add_argument(
                flag,
                dest=DEST_PREFIX + field,
                action="append" if is_repeatable(info) else "store",
                default=argparse.SUPPRESS,
                metavar=metavar(info),
                help=help_text(info),
            )
    if shadowed:
        parser.epilog += f" Set {', '.join(shadowed)} in settings: the command uses those names itself."


_UNRECOGNIZED = "unrecognized arguments: "
"""How argparse begins the error for options it does not know (``parse_args``)."""


def suggest_options(parser: argparse.ArgumentParser) -> None:
    """An unknown option gets a did-you-mean, as a misspelt settings key does: ``--wokers`` -> ``--workers``."""
    report = parser.error

    def error(message: str) -> NoReturn:
        report(message + options_meant(parser, message))

    # The parser is Django's CommandParser, built by BaseCommand.create_parser: its error() is
    # where argparse reports unknown arguments, and the one place to add to that report.
    parser.error = error  # type: ignore[method-assign]


def options_meant(parser: argparse.ArgumentParser, message: str) -> str:
    """``"; did you mean --workers?"`` for an argparse error naming unknown options, else ``""``."""
    if not message.startswith(_UNRECOGNIZED):
        return ""
    flags = {flag.removeprefix("--"): flag for flag in parser._option_string_actions if flag.startswith("--")}
    known = {**_SPELLINGS.get(parser, {}), **flags}
    # argparse joins the unknown arguments with spaces: options and the values after them.
    names = [token[2:].partition("=")[0] for token in message.removeprefix(_UNRECOGNIZED).split() if token[:2] == "--"]
    meant = [known[match] for name in names if (match := closest(name, known)) is not None]
    return f"; did you mean {', '.join(meant)}?" if meant else ""


def collected_overrides(options: Mapping[str, Any]) -> dict[str, Any]:
    """Parsed command options -> ``{field: raw value}``, the overrides the validation takes."""
    return {key.removeprefix(DEST_PREFIX): value for key, value in options.items() if key.startswith(DEST_PREFIX)}


def flags_without_value(parser: argparse.ArgumentParser) -> set[str]:
    """Option strings of ``parser`` that take no value (``--list``, ``-h``)."""
    return {flag for action in parser._actions if action.nargs == 0 for flag in action.option_strings}


def first_positional(argv: Sequence[str], no_value: Collection[str]) -> str | None:
    """The first positional argument of ``argv``, skipping options and their values.

    Run before the parser exists, to learn which process's options to build: every option
    takes one value except those in ``no_value``.
    """
    tokens = iter(argv)
    for token in tokens:
        if token == "--":
            return next(tokens, None)
        if token.startswith("--"):
            takes_value = "=" not in token and token not in no_value
        elif token.startswith("-") and len(token) > 1:
            # "-v2" carries its value; "-v" takes the next token.
            takes_value = len(token) == 2 and token not in no_value
        else:
            return token
        if takes_value:
            next(tokens, None)
    return None
