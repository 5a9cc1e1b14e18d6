"""Render validated Celery ARGS as the ``celery`` argv: the copyable command and the in-process call.

The backends start Celery by handing this same argv (without the program name) to the app's own
click command (``app.start``), so the command line a user copies starts exactly the process that
``prodserver`` starts.  Options left unset are not passed: the app's configuration applies.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import SecretStr

from ...args.argv import ARGV, flags
from ...args.base import BackendArgs, OptionMeta
from ...args.forwarding import Forwarded, forwarded
from .options import GlobalOption


def command_line(app: str, subcommand: str, args: BackendArgs, *, reveal_secrets: bool = False) -> list[str]:
    """``celery -A proj.celery.app [global options] worker [options]``: global options go first."""
    options = list(_joined_secrets(forwarded(args, ARGV)))
    return [
        "celery",
        "-A",
        app,
        *flags([option for option in options if _is_global(option.meta)], reveal=reveal_secrets),
        subcommand,
        *flags(
            [option for option in options if not _is_global(option.meta)],
            reveal=reveal_secrets,
            # Flower's options are tornado's, which only reads --name=value.
            attach=subcommand == "flower",
        ),
    ]


def _is_global(meta: OptionMeta) -> bool:
    return meta.tool_spec_of(GlobalOption) is not None


def _joined_secrets(options: Iterator[Forwarded]) -> Iterator[Forwarded]:
    """A list of secrets (Flower's basic-auth pairs) as one secret text, so it is masked as one value."""
    for option in options:
        value = option.value
        if isinstance(value, list) and value and all(isinstance(item, SecretStr) for item in value):
            yield option._replace(value=SecretStr(",".join(item.get_secret_value() for item in value)))
        else:
            yield option
