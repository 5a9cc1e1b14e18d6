"""Suite 1: ``manage.py prodserver NAME`` versus the bare ``granian`` command the product renders for NAME.

Measured on ``/``, the plain view, where a cost added to every request would show the most.
"""

from __future__ import annotations

from benchmarks import contenders
from benchmarks.results import Measurement
from benchmarks.suites.common import Bench, rotated, serving

VIEW = "/"
VIEWS = (VIEW,)


def group_name(interface: str, workers: int) -> str:
    return f"{interface.upper()} {workers}w"


def run(bench: Bench) -> None:
    names = [contenders.process_name(i, w) for w in bench.config.overhead_workers for i in ("asgi", "wsgi")]
    bare = contenders.bare_granian(bench.venvs["prodserver"], bench.config.work, names, bench.ours)
    bench.results.context["bare_commands"] = {name: bare[name].setup for name in names}
    for name in names:
        interface, workers = name.split("_w")
        group = group_name(interface, int(workers))
        pair = [contenders.prodserver(bench.venvs["prodserver"], bench.config.work, name, bench.ours[name]), bare[name]]
        bench.results.context.setdefault("overhead_commands", {})[group] = [c.shell() for c in pair]
        print(f"bench: overhead {group}", flush=True)
        with serving(bench, "overhead", group, pair, VIEWS, bench.protocols()):
            for turn in range(bench.config.rounds):
                for protocol in bench.protocols():
                    for contender in rotated(pair, turn):
                        result = bench.load(contender, VIEW, protocol, bench.config.duration)
                        measurement = Measurement("overhead", group, VIEW, protocol, contender.key, turn, result)
                        bench.results.measurements.append(measurement)
