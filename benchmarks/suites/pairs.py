"""The pairs the overhead and start-up suites measure: ``manage.py prodserver NAME`` and its bare command."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from benchmarks import contenders
from benchmarks.contenders import Contender
from benchmarks.families import FAMILIES, Family
from benchmarks.suites.common import Bench


@dataclass(frozen=True)
class Pair:
    """One process of the bench settings: its family, interface and worker count."""

    family: Family
    interface: str
    workers: int

    @property
    def name(self) -> str:
        return self.family.process_name(self.interface, self.workers)

    @property
    def group(self) -> str:
        return self.family.group(self.interface, self.workers)

    def contenders(self, bench: Bench) -> tuple[Contender, Contender]:
        """prodserver, then the bare command the product renders for the same process."""
        venv, work, process = bench.venvs["prodserver"], bench.config.work, bench.ours[self.name]
        ours = contenders.prodserver(venv, work, self.name, process)
        rendered = bench.rendered.argv[self.name]
        return ours, contenders.bare(venv, work, self.family, self.name, rendered, process)

    def protocols(self, bench: Bench) -> tuple[str, ...]:
        return tuple(p for p in bench.protocols() if p == "h1" or self.family.h2c)


def pairs(bench: Bench, workers: Iterable[int]) -> list[Pair]:
    """Every family's pairs at these worker counts (only those ``--pairs`` names), less the skipped processes."""
    found = [
        Pair(family, interface, count)
        for family in FAMILIES
        for count in family.worker_counts(tuple(workers))
        for interface in family.interfaces
    ]
    chosen = bench.config.pairs
    return [pair for pair in found if pair.name in bench.ours and (not chosen or pair.name in chosen)]
