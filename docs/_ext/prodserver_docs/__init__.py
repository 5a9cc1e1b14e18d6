"""The local Sphinx extension: pages that fit a phone.

The option tables, the checks reference and the servers side by side are not directives: they
are Markdown written into the pages (``generated.py``, ``python docs/_tools/generate.py``),
drift-tested like ``types.py``, so that each page reads whole as raw Markdown too (the
quickstart's check output, the command's help and docs/choosing.md's tables as well).

Every page is made to fit a phone (``narrow``): wide tables get column labels for their card
layout, and dotted paths in code may wrap at their dots.

Django must be set up before the pages are generated (``docs/_tools/generate.py`` does it).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import narrow


def setup(app: Sphinx) -> dict[str, Any]:
    narrow.setup(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
