"""Sphinx directives that render reference pages from the code, so the docs cannot drift.

- ``prodserver-options``: the options table of an ARGS model (names, spellings, type,
  default, range or choices, description), from the pydantic fields.
- ``prodserver-common-args``: what each common ARG is on each server, from their models.
- ``prodserver-checks``: every system check ID, from ``django_prodserver.catalogue``.
- ``prodserver-check-output``: a setting and the messages the check gives for it.
- ``prodserver-help``: the ``manage.py prodserver --help`` text, from the command's parser.
- ``prodserver-servers`` and ``prodserver-peers``: the servers side by side, their facts and
  the benchmark's numbers (``docs/benchmarks.json``), for docs/choosing.md.

Every page is also made to fit a phone (``narrow``): wide tables get column labels for their
card layout, and dotted paths in code may wrap at their dots.

Django must be set up before they run (``docs/conf.py`` does it).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import chooser, narrow
from .check_output import CheckOutputDirective
from .checks import ChecksDirective
from .command import CommandHelpDirective
from .common_args import CommonArgsDirective
from .options import OptionsDirective


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("prodserver-options", OptionsDirective)
    app.add_directive("prodserver-common-args", CommonArgsDirective)
    app.add_directive("prodserver-checks", ChecksDirective)
    app.add_directive("prodserver-check-output", CheckOutputDirective)
    app.add_directive("prodserver-help", CommandHelpDirective)
    chooser.setup(app)
    narrow.setup(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
