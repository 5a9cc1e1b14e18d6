"""Render validated ARGS as ``python manage.py qcluster ...``: the copyable command and the in-process call."""

from __future__ import annotations

from ...args.argv import ARGV, flags
from ...args.forwarding import forwarded
from .options import DjangoQ2Args

COMMAND = "qcluster"


def command_line(args: DjangoQ2Args, *, reveal_secrets: bool = False) -> list[str]:
    return ["python", "manage.py", COMMAND, *flags(forwarded(args, ARGV), reveal=reveal_secrets)]
