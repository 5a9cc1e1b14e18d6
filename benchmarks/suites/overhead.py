"""Suite 1: ``manage.py prodserver NAME`` versus the bare command (``granian``, ``gunicorn``, ``uvicorn``)
the product renders for NAME.

Measured on ``/``, the plain view, where a cost added to every request would show the most.
"""

from __future__ import annotations

from benchmarks import contenders
from benchmarks.suites.common import Bench, rotated, serving
from benchmarks.suites.pairs import pairs

VIEW = "/"
VIEWS = (VIEW,)


def run(bench: Bench) -> None:
    context = bench.results.context
    for pair in pairs(bench, bench.config.overhead_workers):
        ours, bare = pair.contenders(bench)
        context.setdefault("bare_commands", {})[pair.name] = bare.setup
        context.setdefault("overhead_commands", {})[pair.group] = [ours.shell(), bare.shell()]
        # An A/A control (a second bare copy) says how far two identical servers measure apart; by
        # default on granian WSGI 1w, the fastest server, so the most sensitive (--controls).
        with_control = pair.name in bench.config.controls
        lineup = [ours, bare, contenders.control(bare)] if with_control else [ours, bare]
        protocols = pair.protocols(bench)
        print(f"bench: overhead {pair.group}", flush=True)
        with serving(bench, "overhead", pair.group, lineup, VIEWS, protocols) as started:
            for turn in range(bench.config.rounds):
                for protocol in protocols:
                    for contender in rotated(started, turn):
                        bench.measure("overhead", pair.group, contender, VIEW, protocol, turn)
