"""Where things live and what one run measures (the command-line flags of ``python -m benchmarks``)."""

from __future__ import annotations

import argparse
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "example"
WORK = REPO / "benchmarks" / ".work"
DOC = REPO / "docs" / "benchmarks.md"
PLOT = REPO / "docs" / "_static" / "benchmarks.png"

SUITES = ("overhead", "peers", "startup", "check")
LOADERS = ("wrk", "python")


@dataclass(frozen=True)
class Config:
    """One run's matrix and durations; the defaults are the full ``make bench`` run (~20 minutes)."""

    suites: tuple[str, ...]
    rounds: int
    duration: float
    warmup: float
    connections: int
    h2_connections: int
    h2_streams: int
    overhead_workers: tuple[int, ...]
    pairs: tuple[str, ...]
    """The processes (``uvicorn_wsgi_w1``) whose pairs the overhead and start-up suites run; empty: all."""
    controls: tuple[str, ...]
    """The processes whose pair the overhead suite runs with an A/A control (a second bare copy)."""
    peer_workers: int
    startup_runs: int
    check_runs: int
    loader: str
    quick: bool
    render_only: bool
    setup: bool
    pin: bool
    output: Path
    plot: Path | None
    work: Path


def _csv(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    add = parser.add_argument
    add("--suites", type=_csv, default=SUITES, help=f"comma-separated, of {','.join(SUITES)} (default: all)")
    add("--rounds", type=int, default=8, help="measurements per contender, interleaved (default: 8)")
    add("--duration", type=float, default=3.0, help="seconds of load per measurement (default: 3)")
    add("--warmup", type=float, default=1.0, help="seconds of load per server and view before round 1")
    add("--connections", type=int, default=32, help="HTTP/1.1 connections (wrk -c, default: 32)")
    add("--h2-connections", type=int, default=8, help="HTTP/2 connections (h2load -c, default: 8)")
    add("--h2-streams", type=int, default=16, help="HTTP/2 streams per connection (h2load -m, default: 16)")
    add("--overhead-workers", type=lambda t: tuple(int(w) for w in _csv(t)), default=(1, 2))
    add("--pairs", type=_csv, default=(), help="overhead and start-up: only these processes (uvicorn_wsgi_w1,...)")
    add(
        "--controls",
        type=_csv,
        default=("granian_wsgi_w1",),
        help="overhead: the processes measured with an A/A control too (default: granian_wsgi_w1)",
    )
    add("--peer-workers", type=int, default=1, help="worker processes of every peer (default: 1)")
    add("--startup-runs", type=int, default=8, help="launches per contender and interface (default: 8)")
    add("--check-runs", type=int, default=20, help="`manage.py check` runs per site (default: 20)")
    add("--loader", choices=LOADERS, default="wrk", help="wrk and h2load, or the pure-Python client (HTTP/1.1 only)")
    add("--quick", action="store_true", help="a tiny run for the smoke test: this interpreter, no setup")
    add("--render-only", action="store_true", help="rewrite the page and plot from the last results.json")
    add("--no-pin", dest="pin", action="store_false", help="do not pin servers and load generator to cores")
    add("--output", type=Path, default=DOC, help=f"the Markdown report (default: {DOC.relative_to(REPO)})")
    add("--plot", type=Path, default=PLOT, help="the PNG plot (default: docs/_static/benchmarks.png)")
    add("--no-plot", dest="plot", action="store_const", const=None, help="skip the plot (no matplotlib venv)")
    add("--work", type=Path, default=WORK, help="virtualenvs, settings, logs and raw results")
    return parser


def parse(argv: Sequence[str] | None = None) -> Config:
    """Flags, then ``--quick``'s tiny matrix; ``BENCH_ARGS`` in the environment is read by the Makefile."""
    options = argparse.Namespace(**vars(_parser().parse_args(argv)))
    unknown = set(options.suites) - set(SUITES)
    if unknown:
        _parser().error(f"unknown suite(s): {', '.join(sorted(unknown))}")
    if options.quick:
        options.rounds, options.duration, options.warmup = 1, 0.5, 0.2
        options.connections, options.overhead_workers = 4, (1,)
        options.startup_runs, options.check_runs = 1, 1
        options.suites = tuple(s for s in options.suites if s != "peers")
        options.loader = "python"
    pin = options.pin and (os.cpu_count() or 1) >= 2 and shutil.which("taskset") is not None
    return Config(
        suites=tuple(options.suites),
        rounds=options.rounds,
        duration=options.duration,
        warmup=options.warmup,
        connections=options.connections,
        h2_connections=options.h2_connections,
        h2_streams=options.h2_streams,
        overhead_workers=tuple(options.overhead_workers),
        pairs=tuple(options.pairs),
        controls=tuple(options.controls),
        peer_workers=options.peer_workers,
        startup_runs=options.startup_runs,
        check_runs=options.check_runs,
        loader=options.loader,
        quick=options.quick,
        render_only=options.render_only,
        setup=not options.quick,
        pin=pin,
        output=options.output,
        plot=options.plot,
        work=options.work,
    )
