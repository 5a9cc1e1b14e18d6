"""``prodserver-checks``: every system check ID, from ``django_prodserver.checks.catalogue.CATALOGUE``.

The catalogue is imported when the directive runs, not when the extension loads: a missing or
malformed catalogue fails the docs build (``-W``) with a message, not an import traceback.
"""

from __future__ import annotations

import ast
import pprint
from collections.abc import Sequence
from typing import Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .tables import Cell, code, table

HEADERS = ("ID", "Level", "Problem", "Fix", "Example that triggers it")
WIDTHS = (16, 10, 26, 22, 26)
FIELDS = ("id", "severity", "summary", "hint", "example", "deploy")


class ChecksDirective(SphinxDirective):
    """``{prodserver-checks}``: one row per check ID, in catalogue order."""

    option_spec: ClassVar[dict[str, object]] = {}

    def run(self) -> list[nodes.Node]:
        try:
            from django_prodserver.checks.catalogue import CATALOGUE
        except ImportError as exc:
            raise self.error(f"Cannot list the checks: {exc}") from None
        missing = [field for field in FIELDS if not all(hasattr(info, field) for info in CATALOGUE)]
        if missing or not CATALOGUE:
            raise self.error(f"CATALOGUE entries need the fields {', '.join(FIELDS)}; missing: {', '.join(missing)}.")
        return [table(HEADERS, [check_row(info) for info in CATALOGUE], WIDTHS)]


def check_row(info: Any) -> Sequence[Cell]:
    level = str(getattr(info.severity, "value", info.severity)).capitalize()
    if info.deploy:
        level += " (check --deploy)"
    target = nodes.target("", "", ids=[nodes.make_id(info.id)])
    return [[target, code(info.id)], level, info.summary, info.hint or "", example_cell(info.example)]


def example_cell(example: dict[str, Any] | None) -> Cell:
    if example is None:
        return "(depends on the machine: see the message)"
    text = pprint.pformat(example, width=48, sort_dicts=False)
    block = nodes.literal_block(text, text)
    # Some examples hold objects (a class given as BACKEND): their repr is not Python source.
    block["language"] = "python" if is_literal(text) else "text"
    return block


def is_literal(text: str) -> bool:
    try:
        ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return False
    return True
