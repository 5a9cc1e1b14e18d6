"""Render validated Granian ARGS two ways: the in-process ``Server`` call and the ``granian`` argv.

Both renderings walk the same options (:data:`FORWARDING` through the one walker,
:func:`~django_prodserver.args.forwarding.forwarded`: those the user set and the defaults this
package fixes), so the command line a user copies starts exactly the server that ``prodserver``
starts; the contract kit (``tests/contract``) pins the equivalence.

Nothing here imports granian at module level: only :func:`server_kwargs`, called when a
server really starts, does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from ...args.base import MASK, OptionMeta
from ...args.forwarding import Forwarding, forwarded
from ...args.values import octal_text
from ..listening import Listener
from .options import GranianArgs


@dataclass(frozen=True)
class Invocation:
    """What a Granian backend serves: the app target, the interface and the options."""

    target: str
    interface: str
    args: GranianArgs


def listeners(args: GranianArgs) -> tuple[Listener, ...]:
    """Where Granian listens: its Unix socket, else address and port; then its metrics exporter, when on."""
    if args.uds is not None:
        served = Listener.unix("uds", str(args.uds.absolute()))
    else:
        served = Listener.tcp("port", args.address, args.port)
    if not args.metrics:
        return (served,)
    return served, Listener.tcp("metrics_port", args.metrics_address, args.metrics_port, serves=False)


FORWARDING = Forwarding(fixed_defaults=True)
"""Granian is given what the user set and the documented defaults this package fixes; other unset options
are left out, so that Granian applies its own defaults."""


def _absolute(value: Any) -> Any:
    if isinstance(value, Path):
        return value.absolute()
    if isinstance(value, list):
        return [_absolute(item) for item in value]
    return value


def _text(meta: OptionMeta, value: Any, reveal: bool) -> str:
    if isinstance(value, SecretStr):
        return value.get_secret_value() if reveal else MASK
    if meta.cli == "uds-permissions":
        return octal_text(value)
    return str(value)


def command_line(invocation: Invocation, *, reveal_secrets: bool = False) -> list[str]:
    """The ``granian`` argv equivalent to :func:`server_kwargs`; secrets masked unless revealed."""
    argv = ["granian", "--interface", invocation.interface]
    for _field, meta, value in forwarded(invocation.args, FORWARDING):
        flag = f"--{meta.cli}"
        value = _absolute(value)
        if isinstance(value, bool):
            argv.append(flag if value else f"--no-{meta.cli}")
            continue
        for item in value if isinstance(value, list) else [value]:
            text = _text(meta, item, reveal_secrets)
            # A value that looks like a flag must be attached, or click reads it as one.
            argv.extend([f"{flag}={text}"] if text.startswith("-") else [flag, text])
    argv.append(invocation.target)
    return argv


def native_type(name: str) -> Any:
    """Granian's enum an option's ``native`` names: ``HTTPModes``, ``LogLevels``..."""
    from granian import constants, log

    return getattr(constants, name, None) or getattr(log, name)


def _server_value(meta: OptionMeta, value: Any) -> Any:
    assert meta.server is not None
    value = _absolute(value)
    if isinstance(value, SecretStr):
        return value.get_secret_value()
    if meta.native is not None:
        # Granian compares with its enums (``http == HTTPModes.http2``), as its own CLI gives them.
        return native_type(meta.native)(value)
    if isinstance(value, list):
        # Tuples, as click gives Granian's CLI for repeated options.
        return tuple(value)
    if meta.server == "log_dictconfig":
        # As Granian's CLI does with --log-config; the check reports unreadable files first.
        return json.loads(Path(value).read_text())
    return value


def server_kwargs(invocation: Invocation) -> dict[str, Any]:
    """Keyword arguments of ``granian.server.Server`` for this invocation (imports granian)."""
    from granian.constants import Interfaces
    from granian.http import HTTP1Settings, HTTP2Settings

    kwargs: dict[str, Any] = {"target": invocation.target, "interface": Interfaces(invocation.interface)}
    settings: dict[str, dict[str, Any]] = {"http1_settings": {}, "http2_settings": {}}
    for _field, meta, value in forwarded(invocation.args, FORWARDING):
        assert meta.server is not None
        group, _, name = meta.server.partition(".")
        if name:
            settings[group][name] = _server_value(meta, value)
        else:
            kwargs[meta.server] = _server_value(meta, value)
    # Granian's CLI always builds both settings objects; so do we, for identical servers.
    kwargs["http1_settings"] = HTTP1Settings(**settings["http1_settings"])
    kwargs["http2_settings"] = HTTP2Settings(**settings["http2_settings"])
    return kwargs
