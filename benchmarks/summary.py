"""The numbers other pages reuse, as JSON beside the report (``docs/benchmarks.json``).

``docs/choosing.md`` compares the servers with the peers suite's medians, read from this file
when the docs are built, so no number there is typed by hand. It is written with the report,
from the same results, and committed with it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks import stats
from benchmarks.report import PROTOCOLS
from benchmarks.results import Results

ABOUT = "Written by `python -m benchmarks` (benchmarks/summary.py) with docs/benchmarks.md; do not edit."


def _views(results: Results) -> dict[str, dict[str, dict[str, float | int]]]:
    """contender -> view -> medians of the peers suite (rps, p50 and p99 in ms) and its errors."""
    table: dict[str, dict[str, dict[str, float | int]]] = {}
    for (_group, view, _protocol), sides in sorted(stats.by_round(results.measurements, "peers").items()):
        for key, rounds in sides.items():
            table.setdefault(key, {})[view] = {
                "rps": round(stats.median(rounds, "rps"), 1),
                "p50_ms": round(stats.median(rounds, "p50"), 2),
                "p99_ms": round(stats.median(rounds, "p99"), 2),
                "errors": stats.errors(rounds),
            }
    return table


def _memory(results: Results) -> dict[str, dict[str, float]]:
    """contender -> memory of its process group after the warm-up, in MiB."""
    return {
        m.contender: {
            "master_rss_mib": round(m.master_rss_kib / 1024, 1),
            "rss_mib": round(m.rss_kib / 1024, 1),
            "pss_mib": round(m.pss_kib / 1024, 1),
        }
        for m in results.memory
        if m.suite == "peers"
    }


def summary(results: Results) -> dict[str, Any]:
    """The peers suite's servers with their throughput, latency and memory, and how they were run."""
    context = results.context
    settings = context.get("settings", {})
    views, memory = _views(results), _memory(results)
    measured = {(group, view, protocol) for group, view, protocol in stats.by_round(results.measurements, "peers")}
    servers = {
        key: {
            "label": info["label"],
            "setup": info["setup"],
            "views": views.get(key, {}),
            "memory": memory.get(key),
        }
        for key, info in context.get("peers", {}).items()
    }
    return {
        "about": ABOUT,
        "date": context.get("date"),
        "command": context.get("command"),
        "machine": {"cpu": context.get("cpu"), "nproc": context.get("nproc"), "python": context.get("python")},
        "versions": context.get("versions", {}),
        "settings": {key: settings.get(key) for key in ("rounds", "duration", "connections", "peer_workers")},
        "protocols": sorted({PROTOCOLS[protocol] for _g, _v, protocol in measured}),
        "views": sorted({view for _g, view, _p in measured}),
        "servers": servers,
    }


def write(results: Results, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(summary(results), indent=1, ensure_ascii=False) + "\n")
