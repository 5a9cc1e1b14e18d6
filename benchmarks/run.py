"""``python -m benchmarks`` (``make bench``): set up, measure, and write docs/benchmarks.md and its plot."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Sequence

from benchmarks import contenders, environment, machine, report, settings
from benchmarks.config import REPO, Config, parse
from benchmarks.environment import Venv
from benchmarks.results import Results
from benchmarks.suites import check, overhead, peers, startup
from benchmarks.suites.common import Bench

SUITES: dict[str, Callable[[Bench], None]] = {
    "overhead": overhead.run,
    "peers": peers.run,
    "startup": startup.run,
    "check": check.run,
}


def _venvs(config: Config) -> dict[str, Venv]:
    if not config.setup:
        return {"prodserver": environment.current()}
    environment.ensure_tools()
    return environment.ensure_venvs(config.work)


def prepare(config: Config) -> Bench:
    """Virtualenvs, settings modules with freshly chosen ports, and the scratch database."""
    venvs = _venvs(config)
    workers = tuple(sorted({*config.overhead_workers, config.peer_workers, 1}))
    ours = contenders.our_processes(workers)
    original = contenders.original_processes(config.peer_workers)
    settings.write(config.work, ours, original)
    settings.migrate(config.work, venvs["prodserver"])
    return Bench(config, venvs, ours, original, Results())


def _plot(config: Config, bench: Bench, raw: str) -> None:
    if config.plot is None or "plot" not in bench.venvs:
        return
    config.plot.parent.mkdir(parents=True, exist_ok=True)
    plotter = [bench.venvs["plot"].python, "-m", "benchmarks.plot", raw, str(config.plot)]
    subprocess.run(plotter, cwd=REPO, check=True)


def main(argv: Sequence[str] | None = None) -> int:
    config = parse(argv)
    started = time.monotonic()
    bench = prepare(config)
    bench.results.context.update(machine.describe(config, bench.venvs, sys.argv[1:] if argv is None else argv))
    for name in config.suites:
        SUITES[name](bench)
    bench.results.context["minutes"] = (time.monotonic() - started) / 60
    raw = config.work / "results.json"
    bench.results.save(raw)
    plotted = config.plot is not None and "plot" in bench.venvs
    _plot(config, bench, str(raw))
    config.output.parent.mkdir(parents=True, exist_ok=True)
    config.output.write_text(report.render(bench.results, config.plot if plotted else None, config.output))
    print(f"bench: wrote {config.output} in {bench.results.context['minutes']:.1f} min", flush=True)
    return 0
