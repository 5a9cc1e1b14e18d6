"""Render validated development-server ARGS two ways: ``call_command`` keywords and ``manage.py`` argv.

Shared by the three development servers (runserver, daphne's runserver, runserver_plus): each
runs a Django management command, so the in-process start hands the command the keywords its
parser would produce from the copyable line.  Only options the user set and that differ from
the default are passed: the command keeps its own defaults.  Nothing here imports the tools.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from ...args.base import OptionMeta
from ...args.forwarding import Forwarded, Forwarding, forwarded
from ..listening import Listener
from .options import CommandArgument, RunserverArgs


def _passed(args: RunserverArgs, left_out: Collection[str]) -> Iterator[Forwarded]:
    """The options passed on: set and not the default (a command's flags only change what differs), not ``left_out``."""
    return forwarded(args, Forwarding(defaults=False, apart=frozenset(left_out)))


def _text(value: Any) -> str:
    return str(value.absolute()) if isinstance(value, Path) else str(value)


def _argument(meta: OptionMeta) -> CommandArgument:
    """How the command's parser takes the option: as declared, else as ``--flag value``."""
    return meta.tool_spec_of(CommandArgument) or CommandArgument()


def command_argv(command: str, args: RunserverArgs, left_out: Collection[str] = ()) -> list[str]:
    """``python manage.py <command> [flags] [addrport]``, as the command's own parser reads it."""
    argv = ["python", "manage.py", command]
    positional: list[str] = []
    for _field, meta, value in _passed(args, left_out):
        spec = _argument(meta)
        if spec.positional:
            positional.append(_text(value))
        elif isinstance(value, bool):
            # A flag differs from its default: on (--ipv6), or off through its opposite flag (--nothreading).
            argv.append(f"--{meta.cli}" if value else f"--{spec.off}")
        else:
            for item in value if isinstance(value, list) else [value]:
                argv.extend([f"--{meta.cli}", _text(item)])
    return [*argv, *positional]


def command_options(args: RunserverArgs, left_out: Collection[str] = ()) -> tuple[list[str], dict[str, Any]]:
    """The positional arguments and keywords of ``call_command`` equivalent to :func:`command_argv`."""
    positional: list[str] = []
    options: dict[str, Any] = {}
    for _field, meta, value in _passed(args, left_out):
        assert meta.server is not None
        if _argument(meta).positional:
            positional.append(_text(value))
        elif isinstance(value, bool):
            options[meta.server] = not value if meta.inverted else value
        elif isinstance(value, list):
            options[meta.server] = [_text(item) for item in value]
        else:
            options[meta.server] = _text(value) if isinstance(value, Path) else value
    return positional, options


def listeners(args: RunserverArgs) -> tuple[Listener, ...]:
    """Where the command listens, as Django's runserver reads ``addrport`` (the check validated it)."""
    default_host = "::1" if args.ipv6 else "127.0.0.1"
    host, _, port = (args.addrport or "").rpartition(":")
    return (Listener.tcp("addrport", host.strip("[]") or default_host, port or "8000"),)
