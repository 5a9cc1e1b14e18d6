"""Markdown pieces every section of the report shares: ratios, tables, the memory table."""

from __future__ import annotations

from collections.abc import Sequence

from benchmarks.results import Results
from benchmarks.stats import Spread


def ratio_text(spread: Spread) -> str:
    return f"{spread.median:.3f} ({spread.low:.2f}-{spread.high:.2f})"


def markdown_row(*cells: object) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def markdown_table(head: list[str], rows: Sequence[Sequence[object]]) -> list[str]:
    return [markdown_row(*head), markdown_row(*["---"] * len(head)), *(markdown_row(*cells) for cells in rows), ""]


def memory_table(results: Results, suite: str, labels: dict[str, str]) -> list[str]:
    rows = [
        [
            f"{labels.get(m.contender, m.contender)} ({m.group})",
            f"{m.master_rss_kib / 1024:.0f}",
            f"{m.rss_kib / 1024:.0f}",
            f"{m.pss_kib / 1024:.0f}",
        ]
        for m in results.memory
        if m.suite == suite
    ]
    if not rows:
        return []
    intro = (
        "Memory after the warm-up, from `/proc`: the master process's RSS, then RSS and PSS summed over the"
        " master and its workers. RSS counts pages shared between processes once per process; PSS shares"
        " them out. `prodserver`'s master is the process `manage.py` replaced itself with once the checks"
        " passed: like the bare server's, it imports only the server (and the project, where the server"
        " loads it there: uvicorn and waitress with one process)."
    )
    return [intro, "", *markdown_table(["server", "master RSS MiB", "total RSS MiB", "total PSS MiB"], rows)]
