"""The report's sections on the pairs: serving overhead (1) and start-up with memory (3).

Each pair is ``manage.py prodserver NAME`` and the bare command the product renders for NAME
(``granian``, ``gunicorn``, ``uvicorn`` or ``waitress-serve``); see benchmarks/families.py.
"""

from __future__ import annotations

from benchmarks import stats
from benchmarks.families import BARE_KEYS, bare_key
from benchmarks.load import LoadResult
from benchmarks.results import Results
from benchmarks.stats import Spread
from benchmarks.tables import markdown_table, memory_table, ratio_text
from benchmarks.targets import (
    MASTER_RSS_MIB,
    P99_TARGET,
    PSS_TARGET,
    RPS_TARGET,
    STARTUP_TARGET,
    Target,
    overhead_target,
    spans_one,
)

PROTOCOLS = {"h1": "HTTP/1.1", "h2": "HTTP/2 (h2c)"}


def _overheadrow(label: str, ours: dict[int, LoadResult], bare: dict[int, LoadResult], verdict: str) -> list[object]:
    return [
        label,
        f"{stats.median(ours, 'rps'):,.0f}",
        f"{stats.median(bare, 'rps'):,.0f}",
        ratio_text(stats.paired(ours, bare, "rps")),
        f"{stats.median(ours, 'p50'):.2f} / {stats.median(bare, 'p50'):.2f}",
        f"{stats.median(ours, 'p99'):.2f} / {stats.median(bare, 'p99'):.2f}",
        ratio_text(stats.paired(ours, bare, "p99")),
        stats.errors(ours) + stats.errors(bare),
        verdict,
    ]


def overhead_rows(results: Results) -> tuple[list[list[object]], Target]:
    rows: list[list[object]] = []
    verdicts: list[Target] = []
    for (group, _view, protocol), sides in sorted(stats.by_round(results.measurements, "overhead").items()):
        key = bare_key(sides)
        if "prodserver" not in sides or key is None:
            continue
        ours, bare = sides["prodserver"], sides[key]
        rps, p99 = stats.paired(ours, bare, "rps"), stats.paired(ours, bare, "p99")
        row = overhead_target(f"{group} {PROTOCOLS[protocol]}", rps, p99)
        verdicts.append(row)
        rows.append(_overheadrow(row.name, ours, bare, row.verdict()))
        if f"{key}-control" in sides:
            label = f"{row.name}, A/A control: {key} / {key}"
            rows.append(_overheadrow(label, sides[f"{key}-control"], bare, "noise floor"))
    name = f"prodserver throughput ≥ {RPS_TARGET} x the bare server, p99 ≤ {P99_TARGET}x"
    if not rows:
        return rows, Target(name, None, "")
    missed = [row for row in verdicts if not row.met]
    measured = f"{len(verdicts) - len(missed)} of {len(verdicts)} configurations met"
    measured += "".join(f"; {row.name}: {row.measured}" for row in missed)
    return rows, Target(name, not missed, measured, all(row.noisy for row in missed))


def overhead_section(results: Results) -> list[str]:
    rows, target = overhead_rows(results)
    if not rows:
        return []
    head = [
        "configuration",
        "prodserver rps",
        "bare rps",
        "rps ratio",
        "p50 ms (ps / bare)",
        "p99 ms (ps / bare)",
        "p99 ratio",
        "errors",
        f"target ≥ {RPS_TARGET}, ≤ {P99_TARGET}x",
    ]
    lines = ["## 1. Serving overhead: `manage.py prodserver` vs the bare server command", ""]
    lines += [
        "On `/`, the plain view, where a cost added to every request would show the most, for each"
        " server prodserver runs: `granian` (ASGI, WSGI), `gunicorn` (sync; gthread, the same threads per"
        " worker as Granian's WSGI), `uvicorn` (ASGI, WSGI) and `waitress-serve`. The bare command is"
        " the one the product renders for the same process"
        " (`backend.command_line(args)`, what `prodserver --dry-run` prints), run directly"
        " on a port of its own: Granian binds with SO_REUSEPORT, so two servers given one port"
        " would share it, the kernel splitting each measurement's connections between them."
        " gunicorn, uvicorn and waitress are measured over HTTP/1.1 only (none serves h2c as configured)."
        " Both sides run in `example/` from the same virtualenv:",
        "",
    ]
    for group, (ours, bare) in results.context.get("overhead_commands", {}).items():
        lines += [f"- {group}: `{ours}`", f"  versus `{bare}`"]
    lines += ["", *markdown_table(head, rows)]
    lines += [
        f"Targets: {target.verdict()}. Once the server serves, `prodserver` is not in the request path (the"
        " `manage.py` process has replaced itself with the server, see docs/contributing.md), so a ratio"
        " away from 1.0 whose"
        " range of rounds spans 1.0 is the machine's noise, not a cost of the layer. The A/A control row"
        " measures a second copy of the bare server against the first, in the same rounds: its distance"
        " from 1.0 is what noise and the difference between two identical server instances alone do to"
        " a ratio. When it is larger than the targets' 3-5%, this machine cannot confirm or refute them.",
        "",
    ]
    return lines


def _startup_pairs(results: Results) -> dict[str, tuple[dict[int, float], dict[int, float]]]:
    """group -> (prodserver's seconds, the bare server's seconds), by run."""
    pairs = {}
    for group, sides in stats.timings(results.timings, "startup").items():
        key = bare_key(sides)
        if "prodserver" in sides and key is not None:
            pairs[group] = (sides["prodserver"], sides[key])
    return pairs


def startup_section(results: Results) -> tuple[list[str], Target]:
    name = f"start-up ≤ {STARTUP_TARGET} x the bare server"
    table = _startup_pairs(results)
    if not table:
        return [], Target(name, None, "")
    rows: list[list[object]] = []
    ratios = []
    for group, (ours_runs, bare_runs) in sorted(table.items()):
        ratio = stats.paired_seconds(ours_runs, bare_runs)
        ratios.append(ratio.median)
        ours, bare = (Spread.of(runs.values()).median for runs in (ours_runs, bare_runs))
        row = Target(group, ratio.median <= STARTUP_TARGET, "", spans_one(ratio))
        rows.append([group, f"{ours:.3f}", f"{bare:.3f}", ratio_text(ratio), row.verdict()])
    lines = ["## 3. Start-up and memory", ""]
    lines += [
        "Seconds from launching the command to the first 200 on `/` (polled every 5 ms), 1 worker;"
        " `prodserver` also runs Django's system checks first, as `runserver` does.",
        "",
    ]
    lines += markdown_table(["server", "prodserver s", "bare s", "ratio", f"target ≤ {STARTUP_TARGET}x"], rows)
    labels = {"prodserver": "prodserver"}
    for key in BARE_KEYS:
        labels |= {key: f"bare {key}", f"{key}-control": f"bare {key}, second copy"}
    lines += memory_table(results, "overhead", labels)
    measured = f"ratios {min(ratios):.3f} to {max(ratios):.3f} (medians)"
    return lines, Target(name, max(ratios) <= STARTUP_TARGET, measured)


def memory_target(results: Results) -> Target:
    """Each pair's master RSS within 5 MiB of the bare server's, and its group's PSS within 5%."""
    name = f"master RSS ≤ bare + {MASTER_RSS_MIB:g} MiB; the group's PSS ≤ {PSS_TARGET} x bare"
    by_group: dict[str, dict[str, tuple[int, int]]] = {}
    for m in results.memory:
        if m.suite == "overhead":
            by_group.setdefault(m.group, {})[m.contender] = (m.master_rss_kib, m.pss_kib)
    verdicts = []
    for group, sides in sorted(by_group.items()):
        key = bare_key(sides)
        if "prodserver" not in sides or key is None:
            continue
        (ours_rss, ours_pss), (bare_rss, bare_pss) = sides["prodserver"], sides[key]
        extra, ratio = (ours_rss - bare_rss) / 1024, ours_pss / bare_pss if bare_pss else 0.0
        met = extra <= MASTER_RSS_MIB and ratio <= PSS_TARGET
        verdicts.append((group, met, f"{group}: master {extra:+.1f} MiB, PSS x{ratio:.3f}"))
    if not verdicts:
        return Target(name, None, "")
    missed = [text for _group, met, text in verdicts if not met]
    measured = f"{len(verdicts) - len(missed)} of {len(verdicts)} servers met" + "".join(f"; {t}" for t in missed)
    return Target(name, not missed, measured)
