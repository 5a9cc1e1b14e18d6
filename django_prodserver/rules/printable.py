"""Values no command line can carry: the printed ``--dry-run`` line, and the argv the tool is started
with, are C strings, and a NUL ends one (``exec`` refuses it; a shell cuts the word there).

The value types that reach the OS already refuse NUL (``Text``, paths: E013); this rule covers every
other text an option renders, on every backend, with the same ID.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import SecretStr

from ..args.base import BackendArgs
from ..problems import Problem, Severity
from .args import E013

NUL = "\x00"


def nul_problems(args: BackendArgs) -> list[Problem]:
    """E013 at each option value (or item) that holds a NUL character."""
    return [
        Problem(
            E013,
            Severity.ERROR,
            ("ARGS", field, *where),
            "holds a NUL character ('\\x00'): no command line or exec can carry it, so the printed "
            "line and the start would not pass it whole.",
            "Remove the character (a setting read from a file or the environment may carry it).",
        )
        for field in type(args).model_fields
        for where, text in _texts(getattr(args, field))
        if NUL in text
    ]


def _texts(value: Any, where: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, SecretStr):
        yield where, value.get_secret_value()
    elif isinstance(value, str):
        yield where, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _texts(key, (*where, key))
            yield from _texts(item, (*where, key))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _texts(item, (*where, index))
