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
from ..listening import Listener
from .options import CommandArgument, RunserverArgs


def forwarded(args: RunserverArgs, left_out: Collection[str] = ()) -> Iterator[tuple[str, OptionMeta, Any]]:
    """``(field, meta, value)`` of the options passed on: set, not the default, not 3.x-only, not ``left_out``."""
    fields = type(args).model_fields
    for field, meta in type(args).options().items():
        value = getattr(args, field)
        if meta.cli is None or field in left_out or field not in args.model_fields_set:
            continue
        if value is None or value == [] or value == fields[field].default:
            continue
        yield field, meta, value


def _text(value: Any) -> str:
    return str(value.absolute()) if isinstance(value, Path) else str(value)


def _argument(meta: OptionMeta) -> CommandArgument:
    """How the command's parser takes the option: as declared, else as ``--flag value``."""
    return meta.tool_spec_of(CommandArgument) or CommandArgument()


def command_argv(command: str, args: RunserverArgs, left_out: Collection[str] = ()) -> list[str]:
    """``python manage.py <command> [flags] [addrport]``, as the command's own parser reads it."""
    argv = ["python", "manage.py", command]
    positional: list[str] = []
    for _field, meta, value in forwarded(args, left_out):
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
    for _field, meta, value in forwarded(args, left_out):
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
