"""Options as a command line's flags: the shared part of the renderers of argv-driven tools.

Celery, ``manage.py db_worker`` and ``manage.py qcluster`` are started by handing an argv to the
tool's own parser, so their backends render the same flags for the copyable command and for the
in-process start.  Only options the user set are rendered (:data:`ARGV`): the tool keeps its own
defaults.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from .base import MASK
from .forwarding import Forwarded, Forwarding

ARGV = Forwarding(empty_lists=True)
"""The argv-driven tools take what the user set, an empty list too, as their own parser reads it."""


def flag_text(value: Any, reveal: bool) -> str:
    """A value as one argument: paths absolute (the line works from any directory), lists comma-joined."""
    if isinstance(value, SecretStr):
        return value.get_secret_value() if reveal else MASK
    if isinstance(value, Path):
        return str(value.absolute())
    if isinstance(value, list):
        return ",".join(str(item) for item in value)
    return str(value)


def flags(options: Iterable[Forwarded], *, reveal: bool, attach: bool = False) -> list[str]:
    """``--name value`` per option (``--name=value`` with ``attach``); booleans as ``--name`` / ``--no-name``.

    Booleans as the option's ``bools`` says: an ``on-only`` one has no ``--no-`` form (False is the
    tool's default, so it is left out); a ``valued`` one is written ``--name=true`` (tornado's options).
    """
    argv: list[str] = []
    for _field, meta, value in options:
        flag = f"--{meta.cli}"
        if isinstance(value, bool) and meta.bools == "valued":
            argv.append(f"{flag}={str(value).lower()}")
        elif isinstance(value, bool):
            if value or meta.bools != "on-only":
                argv.append(flag if value else f"--no-{meta.cli}")
        else:
            text = flag_text(value, reveal)
            # A value that looks like a flag must be attached, or the parser reads it as one.
            argv.extend([f"{flag}={text}"] if attach or text.startswith("-") else [flag, text])
    return argv
