"""Render validated Celery ARGS as the ``celery`` argv: the copyable command and the in-process call.

The backends start Celery by handing this same argv (without the program name) to the app's own
click command (``app.start``), so the command line a user copies starts exactly the process that
``prodserver`` starts.  Options left unset are not passed: the app's configuration applies.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import SecretStr

from ...args.argv import chosen, flags
from ...args.base import BackendArgs, OptionMeta
from .options import GlobalOption


def command_line(app: str, subcommand: str, args: BackendArgs, *, reveal_secrets: bool = False) -> list[str]:
    """``celery -A proj.celery.app [global options] worker [options]``: global options go first."""
    options = list(_joined_secrets(chosen(args)))
    return [
        "celery",
        "-A",
        app,
        *flags([(meta, value) for meta, value in options if _is_global(meta)], reveal=reveal_secrets),
        subcommand,
        *flags(
            [(meta, value) for meta, value in options if not _is_global(meta)],
            reveal=reveal_secrets,
            # Flower's options are tornado's, which only reads --name=value.
            attach=subcommand == "flower",
        ),
    ]


def _is_global(meta: OptionMeta) -> bool:
    return meta.tool_spec_of(GlobalOption) is not None


def _joined_secrets(options: Iterator[tuple[OptionMeta, Any]]) -> Iterator[tuple[OptionMeta, Any]]:
    """A list of secrets (Flower's basic-auth pairs) as one secret text, so it is masked as one value."""
    for meta, value in options:
        if isinstance(value, list) and value and all(isinstance(item, SecretStr) for item in value):
            yield meta, SecretStr(",".join(item.get_secret_value() for item in value))
        else:
            yield meta, value
