"""What an option accepts, read once from its pydantic field.

The check's messages, ``prodserver --help`` and the configuration reference all describe
options: they read kinds, choices and ranges here, so that they cannot disagree.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from annotated_types import Ge, Gt, Le, Lt
from pydantic.fields import FieldInfo

from .values import ServesFrom, octal_text, parse_duration


def unwrapped(annotation: Any) -> tuple[Any, list[Any]]:
    """The annotation without ``Optional`` and ``Annotated``, and the metadata found on the way."""
    metadata: list[Any] = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            metadata.extend(extra)
        elif origin in (typing.Union, types.UnionType):
            annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        else:
            return annotation, metadata


def item_type(info: FieldInfo) -> tuple[Any, list[Any]]:
    """The type of one value (of each item, for a repeatable option), and all its metadata."""
    annotation, metadata = unwrapped(info.annotation)
    if typing.get_origin(annotation) is list:
        annotation, more = unwrapped(typing.get_args(annotation)[0])
        metadata.extend(more)
    return annotation, [*metadata, *info.metadata]


def is_repeatable(info: FieldInfo) -> bool:
    return typing.get_origin(unwrapped(info.annotation)[0]) is list


def is_duration(info: FieldInfo) -> bool:
    """Whether the option takes the duration syntax (``1h30m``); its value is then in seconds."""
    return any(getattr(item, "func", None) is parse_duration for item in item_type(info)[1])


def choices(info: FieldInfo) -> tuple[Any, ...]:
    """The values a choice option accepts (its ``Literal``), or ``()``."""
    annotation = item_type(info)[0]
    return typing.get_args(annotation) if typing.get_origin(annotation) is typing.Literal else ()


def range_words(info: FieldInfo) -> str | None:
    """``between 5 and 600 seconds``, ``at least 1``: the option's bounds in words, or None."""
    low = next((item for item in info.metadata if isinstance(item, (Ge, Gt))), None)
    high = next((item for item in info.metadata if isinstance(item, (Le, Lt))), None)
    # Durations accept '1h30m' but are bounded in seconds: say so, or '10s' < 60 puzzles.
    unit = " seconds" if is_duration(info) else ""
    floor = next((item for item in item_type(info)[1] if isinstance(item, ServesFrom)), None)
    if floor is not None:
        # The limit under which every request is refused is the real lower bound.
        return floor.words(high.le if isinstance(high, Le) else None) + unit
    if isinstance(low, Ge) and isinstance(high, Le):
        return f"between {low.ge} and {high.le}{unit}"
    parts = []
    if low is not None:
        parts.append(f"at least {low.ge}" if isinstance(low, Ge) else f"above {low.gt}")
    if high is not None:
        parts.append(f"at most {high.le}" if isinstance(high, Le) else f"below {high.lt}")
    return " and ".join(parts) + unit if parts else None


def is_octal(info: FieldInfo) -> bool:
    """Whether the option takes file permissions, written back as octal text (``0660``)."""
    return any(getattr(item, "func", None) is octal_text for item in item_type(info)[1])
