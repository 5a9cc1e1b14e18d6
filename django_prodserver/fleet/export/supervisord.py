"""A complete supervisord configuration: ``supervisord -n -c FILE`` runs the fleet as it is.

Each program is stopped with its backend's drain signal and given its stop budget
(``stopwaitsecs``).  The signal goes to the process alone (``stopasgroup=false``: it stops its own
workers; Granian exits 1 when a worker stops first), the SIGKILL after the budget to its whole group
(``killasgroup=true``), as systemd's ``KillMode=mixed`` does.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence

from ..launch import Launch
from ..plan import Member
from . import HEADER, ExportError
from .common import drain_words, environment

SUPERVISORD = """\
[supervisord]
nodaemon=true
logfile=%(here)s/supervisord.log
pidfile=%(here)s/supervisord.pid

[unix_http_server]
file=%(here)s/supervisor.sock

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://%(here)s/supervisor.sock
"""


class Supervisord:
    needs_image = False
    needs_directory = False

    def files(self, members: Sequence[Member], launch: Launch, image: str | None) -> dict[str, str]:
        sections = [f"; {HEADER.format(fmt='supervisord')}\n" + SUPERVISORD]
        sections.extend(program(member, launch) for member in members)
        names = ",".join(member.name for member in members)
        sections.append(f"[group:prodserver]\nprograms={names}\n")
        return {"supervisord.conf": "\n".join(sections)}


def program(member: Member, launch: Launch) -> str:
    variables = ",".join(f"{name}={_quoted(name, value)}" for name, value in environment(member, launch).items())
    lines = [
        f"[program:{member.name}]",
        f"; {drain_words(member)}",
        f"command={_percent(shlex.join(launch.argv(member.name)))}",
        f"directory={_percent(launch.workdir)}",
        *([f"environment={variables}"] if variables else []),
        f"stopsignal={member.drain.signal.removeprefix('SIG')}",
        f"stopwaitsecs={member.stop_budget}",
        "stopasgroup=false",
        "killasgroup=true",
        "autorestart=unexpected",
        "exitcodes=0",
        "redirect_stderr=true",
        "stdout_logfile=/dev/stdout",
        "stdout_logfile_maxbytes=0",
    ]
    if member.deploy.replicas > 1:
        lines.insert(1, f"; DEPLOY replicas={member.deploy.replicas}: one here, supervisord runs one per program")
    return "\n".join(lines) + "\n"


def _quoted(name: str, value: str) -> str:
    """A value as supervisord's ``environment=`` reads it: in quotes it does not contain.

    supervisord splits the line with a non-POSIX shlex (no escapes) and strips every quote from both
    ends of each value, so a value that holds both quotes, or starts or ends with one, cannot be written.
    """
    quote = next((mark for mark in "\"'" if mark not in value), None)
    if quote is None or (value and (value[0] in "\"'" or value[-1] in "\"'")):
        raise ExportError(
            f"The variable {name} of supervisord's environment= cannot hold {value!r} "
            "(both quotes, or a quote at an end); set it in supervisord's own environment."
        )
    return f"{quote}{_percent(value)}{quote}"


def _percent(text: str) -> str:
    # supervisord expands %(name)s in every value.
    return text.replace("%", "%%")


EXPORTER = Supervisord()
