"""Suite 3: seconds from launching the command to its first 200 on ``/``, prodserver versus bare granian.

prodserver runs Django's system checks (the product's check among them) before it serves;
that is part of what a user waits for, so it is part of the measurement.
"""

from __future__ import annotations

from benchmarks import contenders
from benchmarks.processes import Server, ServerFailed
from benchmarks.results import Timing
from benchmarks.suites.common import Bench, rotated
from benchmarks.suites.overhead import group_name


def run(bench: Bench) -> None:
    work, venv = bench.config.work, bench.venvs["prodserver"]
    names = {interface: contenders.process_name(interface, 1) for interface in contenders.INTERFACES}
    bare = contenders.bare_granian(venv, work, list(names.values()), bench.ours)
    for interface, name in names.items():
        group = group_name(interface, 1)
        pair = [contenders.prodserver(venv, work, name, bench.ours[name]), bare[name]]
        print(f"bench: start-up {group}", flush=True)
        for turn in range(bench.config.startup_runs):
            for contender in rotated(pair, turn):
                log = work / "logs" / f"startup-{name}-{contender.key}.log"
                server = Server(contender.command, log, bench.server_cpus)
                try:
                    seconds = server.wait_ready()
                except ServerFailed as exc:
                    bench.fail(f"start-up {group} {contender.label} run {turn}", exc)
                    continue
                finally:
                    server.stop()
                bench.results.timings.append(Timing("startup", group, contender.key, turn, seconds))
