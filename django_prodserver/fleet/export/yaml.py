"""The little YAML the compose and Kubernetes exports need, written without a YAML library.

Strings are double-quoted JSON strings (valid YAML, never read as a number, a boolean or a date);
lists of scalars are written in flow style; :class:`Comment` entries become ``#`` lines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_./-]*\Z")


@dataclass(frozen=True)
class Comment:
    """A ``# text`` line at this place of a mapping (use it as a key; its value is ignored)."""

    text: str


def scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return json.dumps(str(value))


_READ_AS_OTHER = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}
"""Plain keys a YAML 1.1 reader takes for a boolean or null, in any case: they are quoted."""


def _key(key: object) -> str:
    text = str(key)
    return text if _PLAIN_KEY.match(text) and text.lower() not in _READ_AS_OTHER else json.dumps(text)


def _is_scalar(value: object) -> bool:
    return not isinstance(value, (Mapping, list, tuple))


def lines(value: Any, indent: int = 0) -> Iterator[str]:
    pad = " " * indent
    if isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, Comment):
                yield f"{pad}# {key.text}"
            elif _is_scalar(item) or (isinstance(item, (list, tuple)) and all(map(_is_scalar, item))):
                yield f"{pad}{_key(key)}: {_inline(item)}"
            elif isinstance(item, Mapping) and not item:
                yield f"{pad}{_key(key)}: {{}}"
            else:
                yield f"{pad}{_key(key)}:"
                yield from lines(item, indent + 2)
        return
    assert isinstance(value, Sequence)
    for item in value:
        inner = list(lines(item, indent + 2))
        yield f"{pad}- {inner[0].lstrip()}"
        yield from inner[1:]


def _inline(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(scalar(item) for item in value) + "]"
    return scalar(value)


def document(value: Mapping[Any, Any]) -> str:
    return "\n".join(lines(value)) + "\n"
