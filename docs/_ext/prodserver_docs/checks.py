"""``prodserver-checks``: every system check ID, with the message the check really prints.

Rows come from ``django_prodserver.catalogue``, run by ``tests/catalogue.py``: each example goes through the real
validation when the docs are built, so the message and hint shown are the rule's own text.
The catalogue is imported when the directive runs, not when the extension loads: a broken
catalogue fails the docs build (``-W``) with a message, not an import traceback.
"""

from __future__ import annotations

import ast
import pprint
from collections.abc import Sequence
from typing import Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .tables import Cell, code, table

HEADERS = ("ID", "Level", "What the check says", "A setting that shows it")
WIDTHS = (14, 10, 40, 36)


class ChecksDirective(SphinxDirective):
    """``{prodserver-checks}``: one row per check ID, in ID order."""

    option_spec: ClassVar[dict[str, object]] = {}

    def run(self) -> list[nodes.Node]:
        try:
            from django_prodserver.catalogue import catalogue
            from tests.catalogue import example_files, shown

            with example_files():
                rows = [check_row(example, shown(example)) for example in catalogue()]
        except Exception as exc:
            raise self.error(f"Cannot list the checks: {type(exc).__name__}: {exc}") from None
        return [table(HEADERS, rows, WIDTHS)]


def check_row(example: Any, problem: Any) -> Sequence[Cell]:
    level = problem.severity.value.capitalize()
    if problem.deploy:
        level += " (check --deploy)"
    target = nodes.target("", "", ids=[nodes.make_id(example.id)])
    said: list[nodes.Node] = [nodes.paragraph("", problem.message)]
    if problem.hint:
        said.append(nodes.paragraph("", "", nodes.emphasis("", "Hint: "), nodes.Text(problem.hint)))
    return [[target, code(example.id)], level, said, example_cell(example)]


def example_cell(example: Any) -> Cell:
    if example.setting is None:
        return "(not a setting: the platform, the application, or a backend's own code)"
    text = pprint.pformat(example.setting, width=40, sort_dicts=False)
    if example.starting:
        text += "\n# shown when prodserver starts the process"
    elif example.pretend:
        text += "\n# on a machine without the package"
    block = nodes.literal_block(text, text)
    # Some examples hold objects (a model instance as ARGS): their repr is not Python source.
    block["language"] = "python" if is_literal(text) else "text"
    return block


def is_literal(text: str) -> bool:
    try:
        ast.literal_eval(text.split("\n#")[0])
    except (ValueError, SyntaxError):
        return False
    return True
