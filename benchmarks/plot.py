"""Draw docs/_static/benchmarks.png from results.json; runs in the ``plot`` venv (matplotlib).

``python -m benchmarks.plot RESULTS_JSON OUTPUT_PNG``
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from benchmarks import stats
from benchmarks.families import bare_key
from benchmarks.report_pairs import PROTOCOLS
from benchmarks.results import Results
from benchmarks.targets import P99_TARGET, RPS_TARGET


def overhead(axes: Axes, results: Results) -> None:
    """Per configuration, prodserver / bare server ratios of throughput and p99: median and range of rounds."""
    measured = sorted(stats.by_round(results.measurements, "overhead").items())
    table = [(key, sides) for key, sides in measured if "prodserver" in sides and bare_key(sides)]
    labels = [f"{group}\n{PROTOCOLS[protocol]}" for (group, _view, protocol), _sides in table]
    for offset, metric, color in ((-0.12, "rps", "tab:blue"), (0.12, "p99", "tab:orange")):
        spreads = [stats.paired(sides["prodserver"], sides[str(bare_key(sides))], metric) for _key, sides in table]
        medians = [s.median for s in spreads]
        errors = [[s.median - s.low for s in spreads], [s.high - s.median for s in spreads]]
        positions = [index + offset for index in range(len(table))]
        axes.errorbar(positions, medians, yerr=errors, fmt="o", color=color, capsize=3, label=f"{metric} ratio")
    controls = [(index, sides) for index, (_key, sides) in enumerate(table) if "granian-control" in sides]
    for offset, metric, marker in ((0.3, "rps", "+"), (0.36, "p99", "x")):
        medians = [stats.paired(sides["granian-control"], sides["granian"], metric).median for _i, sides in controls]
        label = f"A/A control {metric} ratio (granian / granian)"
        axes.plot([index + offset for index, _sides in controls], medians, marker, color="grey", label=label)
    axes.axhline(1.0, color="grey", linewidth=0.8)
    axes.axhline(RPS_TARGET, color="tab:blue", linestyle="--", linewidth=1, label=f"rps target >= {RPS_TARGET}")
    axes.axhline(P99_TARGET, color="tab:orange", linestyle="--", linewidth=1, label=f"p99 target <= {P99_TARGET}")
    axes.set_xticks(range(len(table)), labels, fontsize=6)
    # Log scale: 0.8 and 1.25 are equally far from 1.0. Ranges past 0.5 or 2 are clipped.
    axes.set_yscale("log")
    axes.set_ylim(0.5, 2.0)
    ticks = [0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0]
    axes.set_yticks(ticks, [f"{tick:g}" for tick in ticks])
    axes.minorticks_off()
    axes.set_ylabel("prodserver / bare server (log scale)")
    axes.set_title("Serving overhead (median and range of per-round ratios)")
    axes.legend(fontsize=7)


def peers(axes: Axes, results: Results) -> None:
    """Requests per second of each server on each view."""
    table = stats.by_round(results.measurements, "peers")
    if not table:
        axes.set_visible(False)
        return
    # A server that failed to start or to warm up is listed in the context but has no bars.
    measured = {key for sides in table.values() for key in sides}
    labels = {key: info["label"] for key, info in results.context.get("peers", {}).items() if key in measured}
    views = sorted({view for _group, view, _protocol in table})
    width = 0.8 / max(len(labels), 1)
    for index, key in enumerate(labels):
        values = [
            stats.median(sides[key], "rps") if key in sides else 0.0
            for (_g, view, _p), sides in sorted(table.items(), key=lambda i: i[0][1])
        ]
        axes.bar([v + index * width for v in range(len(views))], values, width, label=labels[key])
    axes.set_xticks([v + 0.4 - width / 2 for v in range(len(views))], views)
    axes.set_ylabel("requests per second (median)")
    workers = next(iter(table))[0] if table else ""
    axes.set_title(f"Peers on example/ views ({workers} = worker processes each, HTTP/1.1)")
    axes.legend(fontsize=7)


def main(raw: str, output: str) -> None:
    results = Results.load(Path(raw))
    figure, (left, right) = plt.subplots(1, 2, figsize=(16, 5))
    overhead(left, results)
    peers(right, results)
    figure.suptitle(f"django-prodserver benchmarks, {results.context['date']} ({results.context['cpu']})")
    figure.tight_layout()
    figure.savefig(output, dpi=100)


if __name__ == "__main__":
    main(*sys.argv[1:3])
