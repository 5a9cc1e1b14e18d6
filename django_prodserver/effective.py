"""The effective configuration of a process: each option, its value and where the value came from.

What ``prodserver --dry-run`` prints.  Values are the validated model's, in their JSON
form (paths as text, permissions in octal), with every secret replaced by the mask.
Pure: no Django.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from dataclasses import dataclass

from .args.base import MASK, BackendArgs

JSONValue = str | int | float | bool | None | list[str]


@dataclass(frozen=True)
class EffectiveOption:
    name: str
    """The documented spelling, as accepted in ARGS and on the command line (dashed)."""
    value: JSONValue
    source: str
    """``default``, ``environment``, ``settings`` or ``command line``."""


def effective_options(args: BackendArgs, sources: Mapping[str, str]) -> list[EffectiveOption]:
    """Every option of ``args`` in declaration order; ``sources`` maps a field to its origin."""
    values = args.model_dump(mode="json")
    return [
        EffectiveOption(
            name=meta.name,
            value=MASK if meta.secret and values[field] is not None else values[field],
            source=sources.get(field, "default"),
        )
        for field, meta in type(args).options().items()
    ]


def value_text(value: JSONValue) -> str:
    """A value as typed in a shell: ``true``, ``8000``, ``a.crl 'my file.crl'``; ``-`` when unset."""
    if value is None or value == []:
        return "-"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        # Items may be numbers (Flower's histogram buckets).
        return shlex.join(str(item) for item in value)
    return str(value)
