"""Render validated uvicorn ARGS two ways: the keywords of ``uvicorn.Config`` and the ``uvicorn`` argv.

Both walk the same options (:data:`FORWARDING` through the one walker,
:func:`~django_prodserver.args.forwarding.forwarded`): those the user set and the common ones whose
defaults this package fixes, so that uvicorn keeps its own defaults for the rest and the copyable
command line starts the server ``prodserver`` starts.  ``tests/unit/uvicorn/test_equivalence.py``
parses the line with uvicorn's own click command and compares the two ``Config`` objects.

Nothing here imports uvicorn: the check renders the command line on every ``--dry-run``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from ...args.argv import flags
from ...args.base import OptionMeta
from ...args.forwarding import Forwarded, Forwarding, forwarded
from ..listening import Listener
from .options import WSGI_THREADS, UvicornArgs, UvicornWSGIArgs


@dataclass(frozen=True)
class Invocation:
    """What a uvicorn backend serves: the app target, the interface and the options."""

    target: str
    interface: str
    """``asgi3`` or ``wsgi``: decided by the backend, never an option."""
    args: UvicornArgs


def listeners(args: UvicornArgs) -> tuple[Listener, ...]:
    """Where uvicorn listens, by its precedence (``Config.bind_socket``): a Unix socket, else a file
    descriptor, else the address and port."""
    if args.uds is not None:
        return (Listener.unix("uds", str(args.uds.absolute())),)
    if args.fd is not None:
        return (Listener("fd", "fd", f"fd:{args.fd}"),)
    return (Listener.tcp("port", args.address, args.port),)


FORWARDING = Forwarding(fixed_defaults=True)
"""uvicorn is given what the user set and the common defaults this package fixes."""


def _one_per_flag(args: UvicornArgs) -> Iterator[Forwarded]:
    # uvicorn's repeatable flags (--header, --reload-dir...) take one value each; forwarded-allow-ips
    # is one comma-separated value.
    for option in forwarded(args, FORWARDING):
        if isinstance(option.value, list) and option.meta.cli != "forwarded-allow-ips":
            yield from (option._replace(value=item) for item in option.value)
        else:
            yield option


def command_line(invocation: Invocation, *, reveal_secrets: bool = False) -> list[str]:
    """The ``uvicorn`` argv equivalent to :func:`config_kwargs`; secrets masked unless revealed."""
    options = flags(_one_per_flag(invocation.args), reveal=reveal_secrets)
    return ["uvicorn", "--interface", invocation.interface, *options, invocation.target]


NOT_CONFIG = frozenset({"app_dir"})
"""Options uvicorn's ``run`` applies itself (app-dir goes on ``sys.path``), as :mod:`.launch` does."""


def _config_value(meta: OptionMeta, value: Any) -> Any:
    """The value as uvicorn's click command hands it to ``Config``."""
    if isinstance(value, SecretStr):
        return value.get_secret_value()
    if isinstance(value, Path):
        return str(value.absolute())
    if meta.cli == "forwarded-allow-ips":
        return ",".join(value)
    if meta.cli == "header":
        # (name, value) pairs, as Config declares them (uvicorn 0.55's command gives tuples, 0.54's lists).
        return [tuple(header.split(":", 1)) for header in value]
    if isinstance(value, list):
        return [str(item.absolute()) if isinstance(item, Path) else item for item in value]
    return value


def config_kwargs(invocation: Invocation) -> dict[str, Any]:
    """Keyword arguments of ``uvicorn.Config`` for this invocation (the application as an import string)."""
    kwargs: dict[str, Any] = {"app": invocation.target, "interface": invocation.interface}
    for _field, meta, value in forwarded(invocation.args, FORWARDING):
        assert meta.server is not None
        if meta.server not in NOT_CONFIG:
            kwargs[meta.server] = _config_value(meta, value)
    return kwargs


def wsgi_threads(args: UvicornArgs) -> int | None:
    """Threads the WSGI adapter needs other than its default (no uvicorn flag gives them), or None."""
    if isinstance(args, UvicornWSGIArgs) and args.threads != WSGI_THREADS:
        return args.threads
    return None


def not_on_command_line(args: UvicornArgs) -> list[str]:
    """Fields set to a value the ``uvicorn`` command line cannot give."""
    return ["threads"] if wsgi_threads(args) is not None else []
