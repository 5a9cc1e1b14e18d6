"""Sphinx directives that render reference pages from the code, so the docs cannot drift.

The option tables and the checks reference are not directives: they are Markdown written into
the pages (``generated.py``, ``python docs/_tools/generate.py``), drift-tested like ``types.py``,
so that each page reads whole as raw Markdown too (the quickstart's check output and the
command's help as well).
The directives:

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


def setup(app: Sphinx) -> dict[str, Any]:
    chooser.setup(app)
    narrow.setup(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
