"""Render validated gunicorn ARGS two ways: gunicorn's settings (``Config.set`` calls) and the ``gunicorn`` argv.

Both walk the options :data:`FORWARDING` selects (the one walker,
:func:`~django_prodserver.args.forwarding.forwarded`), so the command line a user copies
configures gunicorn exactly as the in-process launch does; ``tests/contract`` parses the line
with gunicorn's own parser and compares.
A setting gunicorn's command line cannot carry (a hook, a dict, ``suppress-ragged-eofs`` False)
is listed by :func:`not_on_command_line`, never dropped silently.

Nothing here imports gunicorn: the backend's ``run()`` does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...args.base import MASK, OptionMeta
from ...args.describe import unwrapped
from ...args.forwarding import Forwarding, forwarded
from ...args.values import comma_list, octal_text
from ..listening import Listener
from .kinds import BUILTIN_WORKERS
from .options import GunicornArgs

ASGI_WORKERS = frozenset(
    {
        "asgi",
        "gunicorn.workers.gasgi.ASGIWorker",
        "uvicorn_worker.UvicornWorker",
        "uvicorn_worker.UvicornH11Worker",
        "uvicorn.workers.UvicornWorker",
        "uvicorn.workers.UvicornH11Worker",
    }
)
"""Worker classes that serve an ASGI application: gunicorn 27's own and uvicorn's."""

FORWARDING = Forwarding(
    fixed_defaults=True,
    flags_only=False,
    empty_lists=True,
    apart=frozenset({"address", "port", "bind", "log_access", "access_logfile", "sendfile", "no_sendfile"}),
)
"""gunicorn is given what the user set (hooks too, which no flag gives; an empty list is a value to it) and
the common defaults this package fixes; a few options are rendered together (:func:`bind_addresses`,
:func:`_access_log`, :func:`_sendfile`), not one by one."""


@dataclass(frozen=True)
class Invocation:
    """What the gunicorn backend serves: the application target and the options."""

    target: str
    args: GunicornArgs


def worker_path(worker_class: str) -> str:
    """The dotted path of a worker class, short names (``sync``) resolved as gunicorn does."""
    return BUILTIN_WORKERS.get(worker_class, worker_class)


def listeners(args: GunicornArgs) -> tuple[Listener, ...]:
    """Where gunicorn listens: each entry of its native ``bind`` (``unix:PATH``, ``fd://FD``, ``HOST:PORT``),
    else address and port; then its control socket, when on (at its default, one path for every gunicorn
    of this user: W047 across processes)."""
    served = tuple(_bound(entry) for entry in args.bind) or (Listener.tcp("port", args.address, args.port),)
    control = control_socket_path(args)
    return served if control is None else (*served, Listener.unix("control_socket", control, serves=False))


def _bound(entry: str) -> Listener:
    if entry.startswith("unix:"):
        return Listener.unix("bind", entry.removeprefix("unix:").removeprefix("//"))
    return Listener("bind", "fd" if entry.startswith("fd://") else "tcp", entry)


def bind_addresses(args: GunicornArgs) -> list[str]:
    """gunicorn's ``bind`` setting: its own entries as written, else ``address:port`` (``[::1]:8000``)."""
    return list(args.bind) or [listener.address for listener in listeners(args) if listener.serves]


def control_socket_path(args: GunicornArgs) -> str | None:
    """Where gunicorn 27 opens its control socket, absolute; None when it is off.

    Its default (``config._get_default_control_socket``) is one path per user, not per server: a
    second gunicorn removes the first's socket and takes the path over, and leaves none when it stops.
    """
    if args.no_control_socket:
        return None
    if args.control_socket is not None:
        # gunicorn has changed to its chdir when it opens it.
        base = args.chdir if args.chdir is not None else Path()
        return os.path.abspath(base / args.control_socket)
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        return os.path.join(runtime, "gunicorn.ctl")
    return os.path.join(os.path.expanduser("~"), ".gunicorn", "gunicorn.ctl")


def _is_comma_list(args: GunicornArgs, field: str) -> bool:
    # gunicorn takes these as one comma-separated string (its validator splits it).
    info = type(args).model_fields[field]
    metadata = [*unwrapped(info.annotation)[1], *info.metadata]
    return any(getattr(item, "func", None) is comma_list for item in metadata)


def _setting_value(args: GunicornArgs, field: str, value: Any) -> Any:
    if isinstance(value, Path):
        return str(value.absolute())
    if isinstance(value, list) and _is_comma_list(args, field):
        return ",".join(value)
    return value


def settings(invocation: Invocation) -> dict[str, Any]:
    """gunicorn setting name -> value, as its ``Config.set`` takes it (what its CLI gives its validators)."""
    args = invocation.args
    # As gunicorn's CLI does with its APP_MODULE argument: the process title names the application.
    values: dict[str, Any] = {"default_proc_name": invocation.target, "bind": bind_addresses(args)}
    values.update(_access_log(args))
    values.update(_sendfile(args))
    for field, meta, value in forwarded(args, FORWARDING):
        assert meta.server is not None
        values[meta.server] = _setting_value(args, field, value)
    return values


def _access_log(args: GunicornArgs) -> dict[str, Any]:
    if args.access_logfile is not None:
        return {"accesslog": args.access_logfile}
    return {"accesslog": "-"} if args.log_access else {}


def _sendfile(args: GunicornArgs) -> dict[str, Any]:
    # gunicorn turns sendfile off when its setting holds any value, True included: only False is passed.
    return {"sendfile": False} if args.no_sendfile or args.sendfile is False else {}


def not_on_command_line(args: GunicornArgs) -> list[str]:
    """Fields set to a value gunicorn's command line cannot give: no flag, or a flag that only turns it on."""
    missing = []
    for field, meta, value in forwarded(args, FORWARDING):
        if meta.cli is None or (value is False and type(args).model_fields[field].default is True):
            missing.append(field)
    return missing


def command_line(invocation: Invocation, *, reveal_secrets: bool = False) -> list[str]:
    """The ``gunicorn`` argv equivalent to :func:`settings` (gunicorn has no secret options to mask)."""
    args = invocation.args
    argv = ["gunicorn"]
    for address in bind_addresses(args):
        argv.extend(_flag("bind", address))
    if (access := _access_log(args).get("accesslog")) is not None:
        argv.extend(_flag("access-logfile", access))
    if _sendfile(args):
        argv.append("--no-sendfile")
    for field, meta, value in forwarded(args, FORWARDING):
        if meta.cli is not None:
            argv.extend(_option_argv(args, field, meta, value, reveal_secrets))
    argv.append(invocation.target)
    return argv


def _option_argv(args: GunicornArgs, field: str, meta: OptionMeta, value: Any, reveal: bool) -> list[str]:
    assert meta.cli is not None
    if isinstance(value, bool):
        # gunicorn's boolean flags only turn an option on (not_on_command_line lists the others).
        return [f"--{meta.cli}"] if value else []
    if isinstance(value, list) and not _is_comma_list(args, field):
        return [token for item in value for token in _flag(meta.cli, _text(item))]
    if field in {"umask", "control_socket_mode"}:
        return _flag(meta.cli, octal_text(value))
    text = MASK if meta.secret and not reveal else _text(_setting_value(args, field, value))
    return _flag(meta.cli, text)


def _text(value: Any) -> str:
    return str(value.absolute()) if isinstance(value, Path) else str(value)


def _flag(cli: str, text: str) -> list[str]:
    # A value that looks like an option must be attached, or argparse reads it as one ("-" alone is a value).
    return [f"--{cli}={text}"] if text.startswith("-") and text != "-" else [f"--{cli}", text]
