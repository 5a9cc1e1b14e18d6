"""``python -m benchmarks`` (``make bench``): set up, measure, and write docs/benchmarks.md and its plot."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import contenders, environment, load, machine, report, settings
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
    bench = Bench(config, venvs, ours, original, Results())
    bench.results.context["cpus"] = {"server": bench.server_cpus, "load": bench.load_cpus}
    bench.results.context["load_commands"] = {
        protocol: " ".join(load.command(bench.spec("PORT", "/VIEW", protocol, config.duration)))
        for protocol in bench.protocols()
    }
    return bench


def _plot(config: Config, bench: Bench, raw: Path) -> Path | None:
    """Draw the PNG in the plot venv (matplotlib stays out of the project's venv); None when skipped."""
    if config.plot is None or "plot" not in bench.venvs:
        return None
    config.plot.parent.mkdir(parents=True, exist_ok=True)
    plotter = [bench.venvs["plot"].python, "-m", "benchmarks.plot", str(raw), str(config.plot)]
    subprocess.run(plotter, cwd=REPO, check=True)
    return config.plot


def _exit_on_sigterm(signum: int, frame: object) -> None:
    # Unwinds like Ctrl-C: every running server is stopped on the way out.
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    config = parse(argv)
    started = time.monotonic()
    bench = prepare(config)
    context = bench.results.context
    context.update(machine.describe(config, bench.venvs, sys.argv[1:] if argv is None else argv))
    for name in config.suites:
        SUITES[name](bench)
    context["minutes"] = (time.monotonic() - started) / 60
    context["load_average_end"] = machine.load_average()
    raw = config.work / "results.json"
    bench.results.save(raw)
    plot = _plot(config, bench, raw)
    config.output.parent.mkdir(parents=True, exist_ok=True)
    config.output.write_text(report.render(bench.results, plot, config.output))
    print(f"bench: wrote {config.output} in {context['minutes']:.1f} min", flush=True)
    return 0
