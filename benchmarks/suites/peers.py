"""Suite 2: Granian, gunicorn and uvicorn through prodserver versus the servers a Django user would
otherwise run (their bare commands) and django-prodserver 3.0."""

from __future__ import annotations

from benchmarks import contenders
from benchmarks.contenders import Contender
from benchmarks.suites.common import VIEWS, Bench, rotated, serving
from benchmarks.suites.pairs import pairs


def ours(bench: Bench) -> list[Contender]:
    """``manage.py prodserver`` for every family and interface at the peers' worker count."""
    venv, work = bench.venvs["prodserver"], bench.config.work
    lineup = []
    for pair in pairs(bench, (bench.config.peer_workers,)):
        if pair.interface not in pair.family.peer_interfaces():
            # Measured against its own bare command only (the overhead suite).
            continue
        # Granian's keys name the interface only: docs/choosing.md reads them from docs/benchmarks.json.
        key = f"prodserver-{pair.interface}" if pair.family.key == "granian" else f"prodserver-{pair.family.key}"
        label = f"prodserver {pair.family.name} {pair.interface.upper()}"
        lineup.append(contenders.prodserver(venv, work, pair.name, bench.ours[pair.name], key, label))
    return lineup


def lineup(bench: Bench) -> list[Contender]:
    work, workers, venvs = bench.config.work, bench.config.peer_workers, bench.venvs
    return [
        *ours(bench),
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
    # HTTP/1.1 only: neither gunicorn nor uvicorn speaks HTTP/2 here.
    with serving(bench, "peers", group, lined_up, VIEWS, ("h1",)) as started:
        for turn in range(bench.config.rounds):
            for view in VIEWS:
                for contender in rotated(started, turn):
                    bench.measure("peers", group, contender, view, "h1", turn)
