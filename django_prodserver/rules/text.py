"""How rules show values and suggest names, so that every message reads the same way."""

from __future__ import annotations

import reprlib
from collections.abc import Iterable
from pathlib import PurePath

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
    try:
        return _SHORT.repr(value)
    except Exception:
        # An int over Python's 4300-digit limit, or an object whose __repr__ fails.
        return f"<{type(value).__name__}>"


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
    # Imported here: only a misspelt key needs it, and the check runs on every manage.py command.
    import difflib

    # 0.75: 'wokers' finds 'workers', but 'worker-class' no longer finds 'workers-max-rss'.
    matches = difflib.get_close_matches(key.lower(), by_folded, n=1, cutoff=0.75)
    return by_folded[matches[0]] if matches else None


def type_name(value: object) -> str:
    """``a list``, ``an int``: how messages name the type of a wrong value."""
    if value is None:
        return "None"
    name = type(value).__name__
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"


def first_line(error: BaseException) -> str:
    """``ModuleNotFoundError: No module named 'x'``: an exception on one line, for a message."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__
