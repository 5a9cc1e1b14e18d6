"""Suite 2: Granian through prodserver versus the servers a Django user would otherwise run."""

from __future__ import annotations

from benchmarks import contenders
from benchmarks.contenders import Contender
from benchmarks.results import Measurement
from benchmarks.suites.common import VIEWS, Bench, rotated, serving


def lineup(bench: Bench) -> list[Contender]:
    work, workers, venvs = bench.config.work, bench.config.peer_workers, bench.venvs
    ours = [
        contenders.prodserver(
            venvs["prodserver"], work, name, bench.ours[name], key=f"prodserver-{interface}", label=label
        )
        for interface, label in (("asgi", "prodserver Granian ASGI"), ("wsgi", "prodserver Granian WSGI"))
        for name in [contenders.process_name(interface, workers)]
    ]
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
    # HTTP/1.1 only: gunicorn does not speak HTTP/2, and uvicorn only behind a proxy.
    with serving(bench, "peers", group, lined_up, VIEWS, ("h1",)):
        for turn in range(bench.config.rounds):
            for view in VIEWS:
                for contender in rotated(lined_up, turn):
                    result = bench.load(contender, view, "h1", bench.config.duration)
                    measurement = Measurement("peers", group, view, "h1", contender.key, turn, result)
                    bench.results.measurements.append(measurement)
