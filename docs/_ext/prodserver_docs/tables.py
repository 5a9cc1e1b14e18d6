"""Build a docutils table from rows of cells; a cell is text, inline code or a node."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from docutils import nodes

Cell: TypeAlias = str | nodes.Node | Sequence[nodes.Node]


def table(headers: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[int]) -> nodes.table:
    group = nodes.tgroup(cols=len(headers))
    group += [nodes.colspec(colwidth=width) for width in widths]
    group += nodes.thead("", _row(headers))
    group += nodes.tbody("", *(_row(cells) for cells in rows))
    return nodes.table("", group)


def code(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def codes(texts: Sequence[str], separator: str = ", ") -> list[nodes.Node]:
    """``a``, ``b``, ``c`` as inline code separated by ``separator``."""
    parts: list[nodes.Node] = []
    for index, text in enumerate(texts):
        if index:
            parts.append(nodes.Text(separator))
        parts.append(code(text))
    return parts


def _row(cells: Sequence[Cell]) -> nodes.row:
    return nodes.row("", *(nodes.entry("", _paragraph(cell)) for cell in cells))


def _paragraph(cell: Cell) -> nodes.Node:
    if isinstance(cell, str):
        return nodes.paragraph(cell, cell)
    if isinstance(cell, nodes.Body):
        # A block (a code example) goes in the cell as it is.
        return cell
    if isinstance(cell, nodes.Node):
        return nodes.paragraph("", "", cell)
    return nodes.paragraph("", "", *cell)
