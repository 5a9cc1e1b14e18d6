"""Pages that fit a phone: wide tables become cards, dotted paths in code wrap at their dots.

``docs/_static/prodserver.css`` does the layout; this module gives it what CSS cannot find:

- **Column labels.** Once references are resolved, a table of ``CARD_COLUMNS`` or more columns
  (MyST tables and the generated references alike) gets the ``prodserver-cards`` class, and
  each of its body cells starts with a ``prodserver-label`` paragraph holding the column's
  header. The stylesheet hides the labels on a wide screen, where the table is a table, and on
  a narrow one shows each row as a card with every value under or beside its column's name.
  The labels are left out of the search index (``no-search``). Tables whose columns were given
  widths (the generated references) keep them: the writer emits them for ``colwidths-given``.
- **Break opportunities.** Code blocks wrap their long lines; a ``<wbr>`` after each dot of a
  string literal lets ``"django_prodserver.backends.granian.GranianASGIServer"`` wrap at a dot
  rather than mid-word. ``<wbr>`` is no character: copying the code copies the same text.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

CARD_COLUMNS = 4
"""Tables narrower than this stay tables on a phone: two or three short columns fit."""
LABEL_CLASSES = ["prodserver-label", "no-search"]

# Pygments' string tokens (s, s1, s2) in highlighted blocks; inline code is not highlighted.
STRING_TOKEN = re.compile(r'(<span class="s[12]?">)([^<]*)(</span>)')
DOT_IN_NAME = re.compile(r"\.(?=\w)")


def header_texts(group: nodes.tgroup) -> list[str]:
    """The last header row's texts, one per column (empty without a header)."""
    heads = [child for child in group.children if isinstance(child, nodes.thead)]
    if not heads or not heads[0].children:
        return []
    return [entry.astext() for entry in heads[0].children[-1].children]


def label_table(table: nodes.table) -> None:
    for group in table.findall(nodes.tgroup):
        if group.parent is not table:
            continue  # a table inside a cell is handled on its own
        headers = header_texts(group)
        if len(headers) < CARD_COLUMNS:
            continue
        table["classes"] += ["prodserver-cards", f"prodserver-columns-{len(headers)}"]
        widths = [spec.get("colwidth") for spec in group.findall(nodes.colspec)]
        if all(widths) and "colwidths-auto" not in table["classes"]:
            table["classes"].append("colwidths-given")
        for body in (child for child in group.children if isinstance(child, nodes.tbody)):
            for row in body.children:
                # A row with a spanning cell has fewer entries: its last cells go unlabelled.
                for header, entry in zip(headers, row.children, strict=False):
                    entry.insert(0, nodes.paragraph(header, header, classes=list(LABEL_CLASSES)))


def label_tables(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for table in list(doctree.findall(nodes.table)):
        label_table(table)


def dotted_breaks(html: str) -> str:
    """``html`` with ``<wbr>`` after each dot that continues a name inside a string token."""
    return STRING_TOKEN.sub(lambda m: m[1] + DOT_IN_NAME.sub(".<wbr>", m[2]) + m[3], html)


def break_dotted_paths(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if "body" in context:
        context["body"] = dotted_breaks(context["body"])


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", label_tables)
    app.connect("html-page-context", break_dotted_paths)
