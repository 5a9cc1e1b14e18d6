"""Render validated ARGS as ``python manage.py qcluster ...``: the copyable command and the in-process call."""

from __future__ import annotations

from ...args.argv import chosen, flags
from .options import DjangoQ2Args

COMMAND = "qcluster"


def command_line(args: DjangoQ2Args, *, reveal_secrets: bool = False) -> list[str]:
    return ["python", "manage.py", COMMAND, *flags(chosen(args), reveal=reveal_secrets)]
