"""Suite 2: Granian through prodserver versus the servers a Django user would otherwise run."""

from __future__ import annotations

from benchmarks import contenders
from benchmarks.contenders import Contender
from benchmarks.suites.common import VIEWS, Bench, rotated, serving


def lineup(bench: Bench) -> list[Contender]:
    work, workers, venvs = bench.config.work, bench.config.peer_workers, bench.venvs
    ours = []
    for interface in contenders.INTERFACES:
        name = contenders.process_name(interface, workers)
        label = f"prodserver Granian {interface.upper()}"
        ours.append(
            contenders.prodserver(venvs["prodserver"], work, name, bench.ours[name], f"prodserver-{interface}", label)
        )
    return [
        *ours,
        contenders.original(venvs["prodserver3"], work, bench.original),
        *contenders.peers(venvs, work, workers),
    ]


def run(bench: Bench) -> None:
    lined_up = lineup(bench)
    bench.results.context["peers"] = {
        c.key: {"label": c.label, "setup": c.setup, "command": c.shell()} for c in lined_up
    }
    group = f"{bench.config.peer_workers}w"
    print(f"bench: peers ({len(lined_up)} servers, {group})", flush=True)
    # HTTP/1.1 only: neither gunicorn nor uvicorn speaks HTTP/2.
    with serving(bench, "peers", group, lined_up, VIEWS, ("h1",)) as started:
        for turn in range(bench.config.rounds):
            for view in VIEWS:
                for contender in rotated(started, turn):
                    bench.measure("peers", group, contender, view, "h1", turn)
