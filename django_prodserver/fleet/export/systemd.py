"""systemd units, one ``<name>.service`` per process, that ``systemd-analyze verify`` accepts silently.

``KillSignal`` is the backend's drain signal, sent to the main process only (``KillMode=mixed``: it
stops its own workers), then SIGKILL to the whole unit after ``TimeoutStopSec``, its stop budget.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..launch import Launch
from ..plan import Member
from . import HEADER
from .common import drain_words, environment


class Systemd:
    needs_image = False
    needs_directory = True

    def files(self, members: Sequence[Member], launch: Launch, image: str | None) -> dict[str, str]:
        return {f"{member.name}.service": unit(member, launch) for member in members}


def unit(member: Member, launch: Launch) -> str:
    variables = [f"Environment={_quoted(f'{name}={value}')}" for name, value in environment(member, launch).items()]
    resources = []
    if member.deploy.cpu is not None:
        resources.append(f"CPUQuota={round(member.deploy.cpu * 100)}%")
    if member.deploy.memory is not None:
        resources.append(f"MemoryMax={member.deploy.memory}M")
    lines = [
        f"# {HEADER.format(fmt='systemd')}",
        f"# {drain_words(member)}",
        "[Unit]",
        f"Description=django-prodserver process {member.name}",
        "After=network.target",
        "",
        "[Service]",
        "Type=exec",
        f"WorkingDirectory={_specifiers(launch.workdir)}",
        *variables,
        "ExecStart=" + " ".join(_quoted(word, command=True) for word in launch.argv(member.name)),
        f"KillSignal={member.drain.signal}",
        "KillMode=mixed",
        f"TimeoutStopSec={member.stop_budget}",
        "Restart=on-failure",
        *resources,
        "",
        "[Install]",
        "WantedBy=multi-user.target",
    ]
    return "\n".join(lines) + "\n"


def _specifiers(text: str) -> str:
    # systemd expands %-specifiers in most settings.
    return text.replace("%", "%%")


def _quoted(word: str, *, command: bool = False) -> str:
    """A word as systemd's quoting reads it: double quotes, backslash escapes; ``$`` doubled in commands."""
    escaped = _specifiers(word).replace("\\", "\\\\").replace('"', '\\"')
    if command:
        escaped = escaped.replace("$", "$$")
    return f'"{escaped}"'


EXPORTER = Systemd()
