"""``python -m benchmarks`` (``make bench``): set up, measure, and write docs/benchmarks.md, its plot and its JSON."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import contenders, environment, load, machine, report, settings, summary
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
    declared = contenders.our_processes(workers)
    original = contenders.original_processes(config.peer_workers)
    settings.write(config.work, venvs["prodserver"], declared, original)
    rendered = contenders.render(venvs["prodserver"], config.work, list(declared))
    # A refused process would fail the system check of every `manage.py prodserver` run: left out.
    ours = {name: process for name, process in declared.items() if name not in rendered.skipped}
    if rendered.skipped:
        settings.write(config.work, venvs["prodserver"], ours, original)
    settings.migrate(config.work, venvs["prodserver"])
    bench = Bench(config, venvs, ours, original, rendered, Results())
    for name, reason in rendered.skipped.items():
        bench.skip(f"{name} ({declared[name]['BACKEND']})", reason)
    bench.results.context["cpus"] = {"server": bench.server_cpus, "load": bench.load_cpus}
    bench.results.context["load_commands"] = {
        protocol: " ".join(load.command(bench.spec("PORT", "/VIEW", protocol, config.duration)))
        for protocol in bench.protocols()
    }
    return bench


def _plot(config: Config, plot_venv: Venv | None, raw: Path) -> Path | None:
    """Draw the PNG in the plot venv (matplotlib stays out of the project's venv); None when skipped."""
    if config.plot is None or plot_venv is None:
        return None
    config.plot.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([plot_venv.python, "-m", "benchmarks.plot", str(raw), str(config.plot)], cwd=REPO, check=True)
    return config.plot


def measure(config: Config, raw: Path, command: str) -> Venv | None:
    """Run the suites and save the raw results to ``raw``; returns the plot venv, if any."""
    started = time.monotonic()
    bench = prepare(config)
    context = bench.results.context
    context.update(machine.describe(config, bench.venvs), command=command)
    for name in config.suites:
        try:
            SUITES[name](bench)
        except Exception as exc:  # reported on the page; the other suites still run
            bench.fail(f"suite {name} stopped", exc)
    context["minutes"] = (time.monotonic() - started) / 60
    context["load_average_end"] = machine.load_average()
    bench.results.save(raw)
    return bench.venvs.get("plot")


def _exit_on_sigterm(signum: int, frame: object) -> None:
    # Unwinds like Ctrl-C: every running server is stopped on the way out.
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    config = parse(argv)
    raw = config.work / "results.json"
    if config.render_only:
        plot_venv = environment.plot_venv(config.work) if config.plot else None
    else:
        command = " ".join(["python -m benchmarks", *(sys.argv[1:] if argv is None else argv)])
        plot_venv = measure(config, raw, command)
    results = Results.load(raw)
    plot = _plot(config, plot_venv, raw)
    config.output.parent.mkdir(parents=True, exist_ok=True)
    config.output.write_text(report.render(results, plot, config.output))
    # The numbers docs/choosing.md reads, beside the page they come with (docs/benchmarks.json).
    summary.write(results, config.output.with_suffix(".json"))
    print(f"bench: wrote {config.output} and its .json", flush=True)
    return 0
