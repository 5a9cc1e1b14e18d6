"""Suite 1: ``manage.py prodserver NAME`` versus the bare ``granian`` command the product renders for NAME.

Measured on ``/``, the plain view, where a cost added to every request would show the most.
"""

from __future__ import annotations

from benchmarks import contenders
from benchmarks.suites.common import Bench, rotated, serving

VIEW = "/"
VIEWS = (VIEW,)
# Where an A/A control also runs (a second bare granian): the fastest server, so the most sensitive.
CONTROL = ("wsgi", 1)


def group_name(interface: str, workers: int) -> str:
    return f"{interface.upper()} {workers}w"


def run(bench: Bench) -> None:
    venv, work = bench.venvs["prodserver"], bench.config.work
    matrix = [(i, w) for w in bench.config.overhead_workers for i in contenders.INTERFACES]
    names = [contenders.process_name(interface, workers) for interface, workers in matrix]
    bare = contenders.bare_granian(venv, work, names, bench.ours)
    bench.results.context["bare_commands"] = {name: bare[name].setup for name in names}
    for (interface, workers), name in zip(matrix, names, strict=True):
        group = group_name(interface, workers)
        pair = [contenders.prodserver(venv, work, name, bench.ours[name]), bare[name]]
        bench.results.context.setdefault("overhead_commands", {})[group] = [c.shell() for c in pair]
        lineup = [*pair, contenders.control(bare[name])] if (interface, workers) == CONTROL else pair
        print(f"bench: overhead {group}", flush=True)
        with serving(bench, "overhead", group, lineup, VIEWS, bench.protocols()) as started:
            for turn in range(bench.config.rounds):
                for protocol in bench.protocols():
                    for contender in rotated(started, turn):
                        bench.measure("overhead", group, contender, VIEW, protocol, turn)
