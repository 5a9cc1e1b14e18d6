"""ARGS the model rejects: one problem per pydantic error, in our words, at the key the user wrote.

Pydantic's own texts are not shown: they name Python types and not the fix.  Each error type
maps to one check ID; a type not listed here (a backend's own validator, say) gets E030.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from typing import Any

from pydantic_core import ErrorDetails

from ..args.base import MASK, BackendArgs
from ..args.describe import choices, is_octal, is_repeatable, item_type, range_words
from ..args.values import reads_decimal_text
from ..problems import Problem, Severity
from .text import choices_text, closest, shown, type_name

E010 = "prodserver.E010"
E011 = "prodserver.E011"
E013 = "prodserver.E013"
E014 = "prodserver.E014"
E020 = "prodserver.E020"
E021 = "prodserver.E021"
E022 = "prodserver.E022"
E023 = "prodserver.E023"
E024 = "prodserver.E024"
E025 = "prodserver.E025"
E026 = "prodserver.E026"
E027 = "prodserver.E027"
E028 = "prodserver.E028"
E029 = "prodserver.E029"
E030 = "prodserver.E030"
E031 = "prodserver.E031"
E032 = "prodserver.E032"
E066 = "prodserver.E066"
W027 = "prodserver.W027"
E100 = "prodserver.E100"

E025_HINT = "Write seconds (90) or a duration with d, h, m and s units ('1h30m')."
E027_HINT = "Write the permissions as an octal string, e.g. '0660'."
E029_HINT = "Name a file or directory, or remove the option."

# Pydantic error type -> (what was expected, how to write it).
_EXPECTED = {
    "int_type": ("an integer", "Write a whole number, e.g. 4 or '4'."),
    "int_parsing": ("an integer", "Write a whole number, e.g. 4 or '4'."),
    "int_from_float": ("an integer", "Write a whole number, e.g. 4 or '4'."),
    "bool_type": ("true or false", "Write True or False ('true' and 'false' work too)."),
    "bool_parsing": ("true or false", "Write True or False ('true' and 'false' work too)."),
    "float_type": ("a number", "Write a number, e.g. 3.5."),
    "float_parsing": ("a number", "Write a number, e.g. 3.5."),
    "finite_number": ("a finite number", "Write a number, e.g. 3.5."),
    "string_type": ("a string", "Write the value as a string."),
    "string_unicode": ("a string", "Write the value as a string."),
    "list_type": ("a list", "Write one value, or a list of values."),
    "path_type": ("a path", "Write the path as a string."),
    "host_address": (
        "an IP address or a host name",
        "Use '0.0.0.0' for every interface, '127.0.0.1' or 'localhost' for this machine only.",
    ),
}
_RANGE_TYPES = {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}


def args_not_a_dict(value: object, expected: str = "a dict of options") -> Problem:
    return Problem(
        E010, Severity.ERROR, ("ARGS",), f"is {type_name(value)}; expected {expected}.", "Write ARGS as a dict."
    )


def args_of_another_model(given: BackendArgs, model: type[BackendArgs], backend: str) -> Problem:
    return Problem(
        E011,
        Severity.ERROR,
        ("ARGS",),
        f"is a {type(given).__name__}; {backend} takes {model.__name__}.",
        f"Build ARGS with {model.__name__}(...), or write it as a dict.",
    )


def unreadable_flags(value: str, reason: str) -> Problem:
    return Problem(
        E100,
        Severity.ERROR,
        ("ARGS",),
        f"is {shown(value)}, which does not read as flags ({reason}).",
        "Write ARGS as a dict, or as flags such as '--workers=4 --preload'.",
    )


def args_input(value: object, model: type[BackendArgs], backend: str) -> dict[Any, Any] | Problem:
    """ARGS as the dict to validate: a model instance counts by the options it was given.

    django-prodserver 3.x's conventions are read too: a string of flags (``"--workers=4 --preload"``)
    and ``None`` for a flag without a value (``{"preload": None}``), which turns a boolean option on.
    """
    if isinstance(value, model):
        return {field: getattr(value, field) for field in value.model_fields_set}
    if isinstance(value, BackendArgs):
        return args_of_another_model(value, model, backend)
    if isinstance(value, str):
        given = flags_input(value)
        if isinstance(given, Problem):
            return given
        return _flag_given_twice(given, model) or _valueless_on(given, model)
    if isinstance(value, Mapping):
        return _valueless_on(dict(value), model)
    return args_not_a_dict(value)


def flags_input(text: str) -> dict[str, object] | Problem:
    """``"--workers=4 --preload --bind a --bind b"`` -> ``{"workers": "4", "preload": None, "bind": ["a", "b"]}``."""
    try:
        words = shlex.split(text)
    except ValueError as error:
        return unreadable_flags(text, str(error).lower())
    given: dict[str, object] = {}
    # A flag given without '=': the next word, if not a flag, is its value ('--bind a').
    pending: str | None = None
    for word in words:
        if word.startswith("--") and len(word) > 2:
            name, has_value, flag_value = word[2:].partition("=")
            _add(given, name, flag_value if has_value else None)
            pending = None if has_value else name
        elif pending is not None:
            _set_last(given, pending, word)
            pending = None
        else:
            return unreadable_flags(text, f"{word!r} is not a --flag")
    return given


def _flag_given_twice(given: Mapping[str, object], model: type[BackendArgs]) -> Problem | None:
    """A flag of an option that takes one value, given more than once (only repetition makes a list here)."""
    for key, value in given.items():
        field = model.field_for(key)
        if isinstance(value, list) and field is not None and not is_repeatable(model.model_fields[field]):
            values = ", then ".join("no value" if item is None else repr(item) for item in value)
            return Problem(
                E021,
                Severity.ERROR,
                ("ARGS",),
                f"gives --{key} {'twice' if len(value) == 2 else f'{len(value)} times'} ({values}); "
                "it takes one value.",
                f"Keep one --{key}.",
            )
    return None


def _add(given: dict[str, object], key: str, value: object) -> None:
    if key not in given:
        given[key] = value
        return
    earlier = given[key]
    given[key] = [*(earlier if isinstance(earlier, list) else [earlier]), value]


def _set_last(given: dict[str, object], key: str, value: str) -> None:
    current = given[key]
    if isinstance(current, list):
        given[key] = [*current[:-1], value]
    else:
        given[key] = value


def _valueless_on(given: dict[Any, Any], model: type[BackendArgs]) -> dict[Any, Any]:
    """``None`` turns a boolean option on, and ``no-<flag>`` (of a flag string) turns it off, as 3.x's flags did."""
    result: dict[Any, Any] = {}
    for key, value in given.items():
        field = model.field_for(key) if isinstance(key, str) else None
        negated = model.field_for(key[3:]) if isinstance(key, str) and key.startswith("no-") else None
        if field is None and negated is not None and _is_flag(model, negated) and value is None:
            result[key[3:]] = False
        elif field is not None and value is None and _is_flag(model, field):
            result[key] = True
        else:
            result[key] = value
    return result


def _is_flag(model: type[BackendArgs], field: str) -> bool:
    return item_type(model.model_fields[field])[0] is bool


def error_problems(
    errors: list[ErrorDetails], model: type[BackendArgs], raw: Mapping[Any, Any], backend: str
) -> list[Problem]:
    """One problem per pydantic error on ``raw`` (the ARGS as validated), paths relative to the process."""
    return [_problem(error, model, raw, backend) for error in errors]


def _problem(error: ErrorDetails, model: type[BackendArgs], raw: Mapping[Any, Any], backend: str) -> Problem:
    key = error["loc"][0] if error["loc"] else None
    field = model.field_for(key) if isinstance(key, str) else None
    path = ("ARGS", *error["loc"])
    kind = error["type"]
    if kind in {"extra_forbidden", "invalid_key"}:
        return _unknown_or_repeated(key, field, model, raw, backend, path)
    # The value as written (before coercion turned '1h' into 3600), unless it is a secret.
    given = raw[key] if len(error["loc"]) == 1 and key in raw else error["input"]
    value = MASK if field and model.options()[field].secret else shown(given)
    if kind in _EXPECTED:
        expected, hint = _EXPECTED[kind]
        return Problem(E022, Severity.ERROR, path, f"is {value}; expected {expected}.", hint)
    if kind in _RANGE_TYPES and field is not None:
        bounds = range_words(model.model_fields[field]) or "in range"
        preposition = "" if bounds.startswith("between") else "of "
        return Problem(
            E023, Severity.ERROR, path, f"is {value}; expected {bounds}.", f"Use a value {preposition}{bounds}."
        )
    if kind == "literal_error" and field is not None and choices(model.model_fields[field]):
        accepted = choices_text(choices(model.model_fields[field]))
        return Problem(E024, Severity.ERROR, path, f"is {value}; expected {accepted}.", f"Use {accepted}.")
    return _custom(kind, given, error, path, backend)


def _custom(kind: str, given: object, error: ErrorDetails, path: tuple[Any, ...], backend: str) -> Problem:
    """Errors of the value types in ``args/values.py``, then the catch-all."""
    value = shown(given)
    if kind == "duration":
        return Problem(E025, Severity.ERROR, path, f"is {value}; expected a duration such as 90 or '1h30m'.", E025_HINT)
    if kind == "ip_address":
        return not_an_ip_address(given, path)
    if kind == "octal":
        return Problem(E027, Severity.ERROR, path, f"is {value}; expected octal file permissions.", E027_HINT)
    if kind == "regex":
        reason = str((error.get("ctx") or {}).get("error", "invalid"))
        return Problem(
            E028,
            Severity.ERROR,
            path,
            f"is {value}, not a regular expression ({reason}).",
            "Fix the pattern (Python re syntax).",
        )
    if kind == "path_empty":
        return Problem(E029, Severity.ERROR, path, "is an empty path.", E029_HINT)
    if kind == "text_unusable":
        what = str((error.get("ctx") or {}).get("what", "a character no file name or process title can hold"))
        return Problem(
            E013,
            Severity.ERROR,
            path,
            f"is {value}, which holds {what}: no file name, process title or URL path can hold it.",
            "Remove the character (a setting read from a file or the environment may carry it).",
        )
    if kind == "refuses_every_request":
        context = error.get("ctx") or {}
        return Problem(
            E066,
            Severity.ERROR,
            path,
            f"is {value}: the server would refuse every request ({context.get('smallest')}).",
            f"Use at least {context.get('least')}"
            + (f", or {context['off']} for no limit." if context.get("off") is not None else "."),
        )
    if kind == "url_path_not_ascii":
        return url_path_not_ascii(given, path, str((error.get("ctx") or {}).get("outcome")))
    if kind == "list_duplicate":
        item = shown((error.get("ctx") or {}).get("item"))
        return Problem(
            E031,
            Severity.ERROR,
            path,
            f"is {value}, which gives {item} twice: the server refuses a value given twice at start.",
            "Give each value once.",
        )
    if kind == "text_empty":
        return Problem(
            E014,
            Severity.ERROR,
            path,
            "is an empty string, which the server reads as not set: it would use its default instead.",
            "Remove the option to use the default, or give it a value.",
        )
    return rejected_value(given, kind, path, backend)


def url_path_not_ascii(value: object, path: tuple[Any, ...], outcome: str) -> Problem:
    """E032: a URL path prefix with a character outside ASCII, and what the server then does."""
    return Problem(
        E032,
        Severity.ERROR,
        path,
        f"is {shown(value)}, which is not ASCII: {outcome}.",
        "Use an ASCII path such as '/app' (Django's URLs under it may still hold any character).",
    )


def rejected_value(value: object, kind: str, path: tuple[Any, ...], backend: str) -> Problem:
    return Problem(
        E030,
        Severity.ERROR,
        path,
        f"is {shown(value)}, which {backend} rejects ({kind}).",
        "See the configuration reference for the values this option accepts.",
    )


def not_an_ip_address(address: object, path: tuple[Any, ...]) -> Problem:
    message = f"is {shown(address)}, not an IP address; this server binds IP addresses only."
    hint = "Use an IP address: '0.0.0.0' for every interface, '127.0.0.1' for this machine only."
    if isinstance(address, str) and address.strip().lower() == "localhost":
        hint = "Use '127.0.0.1' (or '::1') instead of 'localhost'."
    elif isinstance(address, str) and "%" in address:
        message = f"is {shown(address)}, an address with a zone index, which this server cannot bind."
        hint = f"Remove the zone index: write {address.partition('%')[0].strip()!r}."
    return Problem(E026, Severity.ERROR, path, message, hint)


def _unknown_or_repeated(
    key: object,
    field: str | None,
    model: type[BackendArgs],
    raw: Mapping[Any, Any],
    backend: str,
    path: tuple[Any, ...],
) -> Problem:
    others = [other for other in raw if other != key and model.field_for(other) == field] if field else []
    if others:
        name = model.options()[str(field)].name
        return Problem(
            E021,
            Severity.ERROR,
            path,
            f"gives {name} again, already given as {others[0]!r}.",
            f"Keep only one of {choices_text([*others, key])}.",
        )
    spellings = [spelling for meta in model.options().values() for spelling in meta.spellings]
    suggestion = closest(key, spellings)
    if suggestion is None:
        return Problem(
            E020,
            Severity.ERROR,
            path,
            f"is not an option of {backend}.",
            "Remove it; the configuration reference lists every option.",
        )
    return Problem(
        E020,
        Severity.ERROR,
        path,
        f"is not an option of {backend}; did you mean {suggestion!r}?",
        f"Rename it to {suggestion!r}.",
    )


def octal_int_problems(raw: Mapping[Any, Any], model: type[BackendArgs]) -> list[Problem]:
    """Permissions written as an int whose digits read as octal: ``660`` is decimal 660, not ``0o660``.

    Judged on the value as written (the model holds only the number), for the options that take
    octal text.
    """
    problems = []
    for key, given in raw.items():
        field = model.field_for(key) if isinstance(key, str) else None
        # Text without a leading 0 is decimal too, as the servers' command lines read it ('660' is 0o1224).
        if field is None:
            continue
        text = given.strip() if isinstance(given, str) else None
        decimal = reads_decimal_text(item_type(model.model_fields[field])[1])
        value = int(text) if decimal and text and text.isdecimal() and text.isascii() and text[0] != "0" else given
        if isinstance(value, bool) or not isinstance(value, int):
            continue
        if not is_octal(model.model_fields[field]) or not _looks_octal(value):
            continue
        problems.append(
            Problem(
                W027,
                Severity.WARNING,
                ("ARGS", key),
                f"is {shown(given)}, read as the decimal number {value} (octal {value:o}), not as the permissions "
                f"{value:0>4}.",
                f"Write the permissions as octal text: '{value:0>4}'.",
            )
        )
    return problems


def _looks_octal(value: int) -> bool:
    """660, 644, 755: digits that read as usual permissions (r, rw, rx, rwx, none), the owner's not none.

    Python's 0o660 is 432, whose digits do not: it is left alone.
    """
    digits = str(value)
    return len(digits) in (3, 4) and digits[-3] in "4567" and not set(digits[-3:]) - set("04567")
