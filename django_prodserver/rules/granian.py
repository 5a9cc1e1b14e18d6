"""Combinations Granian refuses, ignores or changes; files and extras the options need."""

from __future__ import annotations

from ..args.granian import GranianArgs
from ..problems import Problem


def granian_problems(args: GranianArgs, *, interface: str, starting: bool) -> list[Problem]:
    """Problems with valid-typed Granian ARGS; paths are relative to the process."""
    return []
