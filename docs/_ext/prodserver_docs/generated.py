"""Reference content written into the Markdown pages, so that each page reads as Markdown anywhere.

A page holds a region per generated part, between two HTML comments (rendered as nothing)::

    <!-- generated: options django_prodserver.backends.granian.GranianASGIArgs :documented: -->
    | Option | CLI flag | ... |
    <!-- end generated -->

The opening comment says what the region shows; ``python docs/_tools/generate.py`` rewrites
every region from the code, and ``tests/unit/test_docs_generated.py`` fails when a committed
region differs from what the code renders now (as ``types.py`` is drift-tested).  Kinds:

- ``options MODEL [:own:] [:documented:]``: the option table of an ARGS model (``:own:`` only the
  options it adds to its base class; ``:documented:`` only those always passed to the server);
- ``common-args Title=MODEL; ...``: what each common ARG is on each server;
- ``groups``: the groups options are listed under, and what each holds (``args.groups.GROUPS``);
- ``checks PAGE``: the check IDs of one page of the checks reference (:mod:`.checks_pages`);
- ``checks-index``: every ID, linked to its page and anchor;
- ``check-output``: what ``manage.py check`` prints for the setting of the Python block just above;
- ``help``: ``manage.py prodserver --help`` for the docs' settings (one Granian ASGI process);
- ``servers`` and ``peers``: the servers side by side and the benchmark's peers, from the
  servers' facts and ``docs/benchmarks.json`` (:mod:`.chooser`; ``make bench`` regenerates them).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from typing import Any
from unittest import mock

from django.core import checks
from django.test.utils import override_settings
from django.utils.module_loading import import_string

from django_prodserver.args.base import BackendArgs

from . import checks_pages, chooser, markdown_tables

REGION = re.compile(r"(<!-- generated: (?P<spec>[^\n]+?) -->\n)(?P<body>.*?)(<!-- end generated -->)", re.DOTALL)


def regenerated(text: str) -> str:
    """``text`` with each generated region rendered again from the code."""
    return REGION.sub(lambda match: match[1] + render(match["spec"], text[: match.start()]) + match[4], text)


def render(spec: str, above: str = "") -> str:
    """The region's content; ``above`` is the page's text before it."""
    kind, _, rest = spec.partition(" ")
    renderer = RENDERERS.get(kind)
    if renderer is None:
        raise ValueError(f"unknown generated region {kind!r} (known: {', '.join(RENDERERS)})")
    return renderer(rest.strip(), above)


def _check_output(_: str, above: str) -> str:
    """What ``check`` prints for the ``PRODUCTION_PROCESSES`` of the last Python block above."""
    blocks = re.findall(r"^```python\n(.*?)^```$", above, flags=re.DOTALL | re.MULTILINE)
    if not blocks:
        raise ValueError("a check-output region follows a Python block that defines PRODUCTION_PROCESSES")
    namespace: dict[str, Any] = {}
    exec(blocks[-1], namespace)
    with override_settings(PRODUCTION_PROCESSES=namespace["PRODUCTION_PROCESSES"]):
        messages = checks.run_checks(tags=["prodserver"], include_deployment_checks=False)
    output = "\n".join(str(message) for message in messages)
    return f"<!-- example: check-output -->\n```text\n{output}\n```\n"


def _options(rest: str) -> str:
    path, *flags = rest.split()
    return markdown_tables.options_table(_model(path), own=":own:" in flags, documented=":documented:" in flags)


def _common_args(rest: str) -> str:
    columns = [column.partition("=") for column in rest.split(";") if column.strip()]
    return markdown_tables.common_args_table([(title.strip(), _model(path.strip())) for title, _, path in columns])


def _model(path: str) -> type[BackendArgs]:
    model = import_string(path)
    if not (isinstance(model, type) and issubclass(model, BackendArgs)):
        raise ValueError(f"{path} is not an ARGS model (a BackendArgs subclass)")
    return model


def _help(_: str, __: str) -> str:
    from django.core.management import load_command_class

    # argparse wraps help to the terminal's width: fixed, so that the page does not depend on it.
    with mock.patch.dict(os.environ, {"COLUMNS": "100"}):
        text = (
            load_command_class("django_prodserver", "prodserver").create_parser("manage.py", "prodserver").format_help()
        )
    return f"<!-- example: help -->\n```text\n{text}```\n"


RENDERERS: dict[str, Callable[[str, str], str]] = {
    "options": lambda rest, _: _options(rest),
    "common-args": lambda rest, _: _common_args(rest),
    "groups": lambda _, __: markdown_tables.groups_table(),
    "checks": lambda page, _: checks_pages.page_body(page),
    "checks-index": lambda _, __: checks_pages.index_body(),
    "check-output": _check_output,
    "help": _help,
    "servers": lambda _, __: chooser.servers_body(),
    "peers": lambda _, __: chooser.peers_body(),
}


def regions(text: str) -> Sequence[str]:
    """The specs of the generated regions of a page."""
    return [match["spec"] for match in REGION.finditer(text)]
