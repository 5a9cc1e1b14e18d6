"""How rules show values and suggest names, so that every message reads the same way."""

from __future__ import annotations

import difflib
import reprlib
from collections.abc import Iterable
from pathlib import PurePath

MASK = "********"
"""Shown instead of a secret value, in messages as in the rendered command line."""

_SHORT = reprlib.Repr()
# Messages are one line: a long or deeply nested value is shown abridged.
_SHORT.maxstring = 40
_SHORT.maxother = 40
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxdict = _SHORT.maxset = 4
_SHORT.maxlevel = 2


def shown(value: object) -> str:
    """A short ``repr`` of a setting value; paths as the strings users write."""
    if isinstance(value, PurePath):
        value = str(value)
    return _SHORT.repr(value)


def choices_text(choices: Iterable[object]) -> str:
    """``'auto', '1' or '2'``."""
    texts = [repr(choice) for choice in choices]
    return texts[0] if len(texts) == 1 else f"{', '.join(texts[:-1])} or {texts[-1]}"


def closest(key: object, known: Iterable[str]) -> str | None:
    """The known name ``key`` was probably meant to be (``'wokers'`` -> ``'workers'``), if any."""
    if not isinstance(key, str):
        return None
    # Case-insensitive, so that "arg" finds "ARGS" and "Workers" finds "workers".
    by_folded = {name.lower(): name for name in known}
    matches = difflib.get_close_matches(key.lower(), by_folded, n=1, cutoff=0.6)
    return by_folded[matches[0]] if matches else None
