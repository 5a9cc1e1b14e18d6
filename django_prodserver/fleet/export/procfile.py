"""A Procfile (Heroku, Dokku, honcho, foreman; a start command on Render or Railway): one line per process.

A server binds ``$PORT`` when the platform sets it and its own port otherwise, through its
command-line override (``--port ${PORT:-8000}``); the platform runs each line with a shell, which
``exec`` replaces with the process.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence

from ..launch import Launch
from ..plan import Member
from . import HEADER
from .common import drain_words, environment


class Procfile:
    needs_image = False
    needs_directory = False

    def files(self, members: Sequence[Member], launch: Launch, image: str | None) -> dict[str, str]:
        lines = [f"# {HEADER.format(fmt='procfile')}"]
        for member in members:
            lines.append(f"# {member.name}: {drain_words(member)}")
        for member in members:
            lines.append(f"{member.name}: {command(member, launch)}")
        return {"Procfile": "\n".join(lines) + "\n"}


def command(member: Member, launch: Launch) -> str:
    variables = [f"{name}={shlex.quote(value)}" for name, value in environment(member, launch).items()]
    argv = shlex.join(launch.portable_argv(member.name))
    override = member.port_override("")
    if override:
        # Quoted for the shell except the expansion itself, so that the platform's $PORT is read at start.
        *flags, prefix = override
        value = (shlex.quote(prefix) if prefix else "") + f"${{PORT:-{member.port}}}"
        argv = " ".join([argv, *map(shlex.quote, flags), value])
    # exec: the platform's signal reaches the process itself, not the shell that started it.
    return " ".join(["exec", *(["env", *variables] if variables else []), argv])


EXPORTER = Procfile()
