"""Render validated ARGS as ``python manage.py db_worker ...``: the copyable command and the in-process call.

The backend runs ``call_command("db_worker", *argv[3:])``: the same arguments, parsed by the
command's own parser.
"""

from __future__ import annotations

from ...args.argv import ARGV, flags
from ...args.forwarding import forwarded
from .options import DjangoTasksArgs

COMMAND = "db_worker"


def command_line(args: DjangoTasksArgs, *, reveal_secrets: bool = False) -> list[str]:
    return ["python", "manage.py", COMMAND, *flags(forwarded(args, ARGV), reveal=reveal_secrets)]
