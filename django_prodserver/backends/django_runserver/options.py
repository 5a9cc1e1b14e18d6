"""ARGS of Django's ``runserver``: the options every development server backend shares.

One field per option of ``manage.py runserver`` (with ``django.contrib.staticfiles``' override),
named as django-prodserver 3.x's ARGS keys and runserver's flags (``addrport``, ``nothreading``...).
The daphne and Werkzeug models extend it.  ``tests/unit/devservers/test_drift.py`` pins each model
against the command's own argparse parser.

Fields in the ``3.x`` group are keys django-prodserver 3.x read that the command has no option
for: accepted, typed, and reported as ignored (W104), so a 3.x setting keeps validating.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...args.base import BackendArgs, ToolSpec, option
from ...args.groups import Group
from ...args.values import Int, NumberOrText

LEGACY: Group = "3.x"
"""The group of the options django-prodserver 3.x read and the command ignores."""


@dataclass(frozen=True)
class CommandArgument(ToolSpec):
    """How the command's parser takes an option other than as ``--flag value`` (read by ``rendering``)."""

    positional: bool = False
    """A positional argument, after the flags (``addrport``)."""
    off: str | None = None
    """The flag that turns this boolean off, when it is on by default (``threaded``'s ``--nothreading``)."""


POSITIONAL = CommandArgument(positional=True)

AddrPort = NumberOrText
"""`addrport: 8000` is as natural as "8000"."""


def legacy(name: str, default: Any, description: str, **constraints: Any) -> Any:
    """A 3.x key the command has no option for: typed, never passed on (``cli`` None)."""
    return option(default, description, cli=None, documented=name, group=LEGACY, **constraints)


class RunserverArgs(BackendArgs):
    """``manage.py runserver [addrport] [--ipv6] [--nothreading] [--noreload] [--nostatic] [--insecure]``."""

    addrport: AddrPort | None = option(
        None,
        "Port or address:port to listen on (Django: 127.0.0.1:8000)",
        cli="addrport",
        group="binding",
        tool_spec=POSITIONAL,
    )
    ipv6: bool = option(False, "Listen on IPv6 (::1 by default)", cli="ipv6", server="use_ipv6", group="binding")
    nothreading: bool = option(
        False, "Serve one request at a time", cli="nothreading", server="use_threading", inverted=True, group="workers"
    )
    noreload: bool = option(
        False,
        "Do not restart when the code changes",
        cli="noreload",
        server="use_reloader",
        inverted=True,
        group="workers",
    )
    nostatic: bool = option(
        False,
        "Do not serve static files (django.contrib.staticfiles)",
        cli="nostatic",
        server="use_static_handler",
        inverted=True,
        group="static files",
    )
    insecure: bool = option(
        False,
        "Serve static files even with DEBUG off (django.contrib.staticfiles)",
        cli="insecure",
        server="insecure_serving",
        group="static files",
    )
    verbosity: Int = option(1, "Django's verbosity: 0 to 3", cli="verbosity", ge=0, le=3, group="logging")


STATICFILES_OPTIONS = ("nostatic", "insecure")
"""Options only ``django.contrib.staticfiles``' runserver has."""
