"""Render validated waitress ARGS two ways: the keywords of ``waitress.serve`` and the ``waitress-serve`` argv.

Both walk :func:`waitress_options`, the options the user set (the one walker,
:func:`~django_prodserver.args.forwarding.forwarded`), in the form waitress' own converters read
(``Adjustments``): lists space-separated, permissions as octal digits.  ``waitress-serve`` parses
its flags with ``Adjustments.parse_args`` into the same strings, so the line a user copies
configures the server ``prodserver`` starts; ``tests/contract`` pins that.  Nothing here imports
waitress.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ...args.base import OptionMeta
from ...args.forwarding import Forwarding, forwarded
from ...args.values import octal_text
from ..listening import Listener
from .options import WaitressArgs

PROGRAM = "waitress-serve"


def listeners(args: WaitressArgs) -> tuple[Listener, ...]:
    """Where waitress listens: its Unix socket, else each listen entry (``*`` is every IPv4 address), else
    address and port."""
    if args.unix_socket is not None:
        return (Listener.unix("unix_socket", str(args.unix_socket.absolute())),)
    if args.listen:
        return tuple(Listener("listen", "tcp", entry.replace("*", "0.0.0.0", 1)) for entry in args.listen)
    return (Listener.tcp("port", args.address, args.port),)


def waitress_options(args: WaitressArgs) -> Iterator[tuple[OptionMeta, Any]]:
    """The options passed to waitress: those the user set; waitress keeps its defaults for the others."""
    for field, meta, value in forwarded(args, Forwarding()):
        yield meta, _waitress_value(field, value)


def _waitress_value(field: str, value: Any) -> Any:
    if field == "unix_socket_perms":
        # waitress reads permissions as octal digits: "0600".
        return octal_text(value)
    if isinstance(value, Path):
        return str(value.absolute())
    if isinstance(value, list) and field != "listen":
        # waitress' aslist: one string, items separated by spaces.
        return " ".join(value)
    return value


def serve_kwargs(args: WaitressArgs) -> dict[str, Any]:
    """Keyword arguments of ``waitress.serve`` (``Adjustments``) for these options."""
    kwargs = {}
    for meta, value in waitress_options(args):
        assert meta.server is not None
        # A repeated --listen is concatenated by waitress-serve the same way.
        kwargs[meta.server] = " ".join(value) if isinstance(value, list) else value
    return kwargs


def command_line(args: WaitressArgs, target: str) -> list[str]:
    """The ``waitress-serve`` argv equivalent to :func:`serve_kwargs` (waitress has no secret option)."""
    argv = [PROGRAM]
    for meta, value in waitress_options(args):
        if isinstance(value, bool):
            argv.append(f"--{meta.cli}" if value else f"--no-{meta.cli}")
        else:
            # waitress-serve's getopt takes --name=value; a list option repeats (--listen).
            argv.extend(f"--{meta.cli}={item}" for item in (value if isinstance(value, list) else [value]))
    argv.append(target)
    return argv
