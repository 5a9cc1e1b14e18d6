"""The code blocks of the documentation and README, as the example tests read them.

A block is a fenced code block.  An HTML comment on the line just before the fence says what
the example is meant to do (MyST renders nothing for it)::

    <!-- example: check prodserver.E040 -->
    ```python
    PRODUCTION_PROCESSES = {...}
    ```

Kinds: ``check IDS`` (a setting the check reports exactly these IDs for), ``procfile``,
``usage`` (the command's usage line), ``mypy-output``, ``mypy-plugin-output`` and
``pyright-output`` (what the checkers print for a sample of tests/typing/, named by the marker).
Fences of MyST directives (```` ```{toctree} ````) are not examples: the directives run when the docs are built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# benchmarks.md is generated from measurements by the benchmarks tooling, which owns its content.
DOCUMENTS = [
    ROOT / "README.md",
    *sorted(
        path for path in (ROOT / "docs").rglob("*.md") if "_build" not in path.parts and path.name != "benchmarks.md"
    ),
]

_FENCE = re.compile(r"^(?P<fence>`{3,})(?P<info>.*)$")
_MARKER = re.compile(r"^<!-- example: (?P<kind>[\w-]+)(?P<args>(?: \S+)*) -->$")


@dataclass(frozen=True)
class Block:
    path: Path
    line: int
    """1-based line of the opening fence."""
    language: str
    text: str
    kind: str | None = None
    """What the marker comment says the example is; None without a marker."""
    args: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks(path: Path) -> list[Block]:
    """The example blocks of one Markdown file, directive fences left out."""
    found: list[Block] = []
    lines = path.read_text().splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        end = next(i for i in range(index + 1, len(lines)) if lines[i].strip() == opening["fence"])
        info = opening["info"].strip()
        if not info.startswith("{"):
            marker = _MARKER.match(lines[index - 1].strip()) if index else None
            kind, args = (marker["kind"], tuple(marker["args"].split())) if marker else (None, ())
            text = "\n".join(lines[index + 1 : end]) + "\n"
            found.append(Block(path, index + 1, info.split()[0] if info else "", text, kind, args))
        index = end + 1
    return found


def all_blocks() -> list[Block]:
    return [block for path in DOCUMENTS for block in blocks(path)]


def test_blocks_read_markers_and_skip_directives(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# Title\n\n<!-- example: check prodserver.E040 prodserver.W043 -->\n```python\nX = 1\n```\n\n"
        "```{toctree}\nother\n```\n\n````text\n```\n````\n"
    )
    assert blocks(page) == [
        Block(page, 4, "python", "X = 1\n", "check", ("prodserver.E040", "prodserver.W043")),
        Block(page, 12, "text", "```\n"),
    ]


def test_every_page_is_read() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in DOCUMENTS}
    assert {"README.md", "docs/index.md", "docs/backends/granian.md", "docs/deployment.md"} <= names
    assert len(all_blocks()) > 30
