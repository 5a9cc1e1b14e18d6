"""Suite 3: seconds from launching the command to its first 200 on ``/``, prodserver versus the bare
command, for every family's 1-worker processes.

prodserver runs Django's system checks (the product's check among them) before it serves;
that is part of what a user waits for, so it is part of the measurement.
"""

from __future__ import annotations

from benchmarks.processes import Server, ServerFailed
from benchmarks.results import Timing
from benchmarks.suites.common import Bench, rotated
from benchmarks.suites.pairs import pairs


def run(bench: Bench) -> None:
    work = bench.config.work
    for pair in pairs(bench, (1,)):
        print(f"bench: start-up {pair.group}", flush=True)
        for turn in range(bench.config.startup_runs):
            for contender in rotated(pair.contenders(bench), turn):
                log = work / "logs" / f"startup-{pair.name}-{contender.key}.log"
                server = Server(contender.command, log, bench.server_cpus)
                try:
                    seconds = server.wait_ready()
                except ServerFailed as exc:
                    bench.fail(f"start-up {pair.group} {contender.label} run {turn}", exc)
                    continue
                finally:
                    server.stop()
                bench.results.timings.append(Timing("startup", pair.group, contender.key, turn, seconds))
