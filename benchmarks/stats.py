"""Medians and paired ratios over interleaved rounds.

A ratio is computed per round (contender A's round r over B's round r, measured back to back)
and the median of those is reported: the pairing cancels slow drift of the machine's load,
which the median of each side alone would not.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from benchmarks.load import LoadResult
from benchmarks.results import Measurement, Timing

Metric = Callable[[LoadResult], float]
METRICS: dict[str, Metric] = {"rps": lambda r: r.rps, "p50": lambda r: r.p50_ms, "p99": lambda r: r.p99_ms}


@dataclass(frozen=True)
class Spread:
    """Median and range of a list of values."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Iterable[float]) -> Spread:
        items = sorted(values)
        if not items:
            return cls(float("nan"), float("nan"), float("nan"))
        return cls(statistics.median(items), items[0], items[-1])


Key = tuple[str, str, str]  # group, view, protocol


def by_round(measurements: Iterable[Measurement], suite: str) -> dict[Key, dict[str, dict[int, LoadResult]]]:
    """(group, view, protocol) -> contender -> round -> result."""
    table: defaultdict[Key, defaultdict[str, dict[int, LoadResult]]] = defaultdict(lambda: defaultdict(dict))
    for m in measurements:
        if m.suite == suite:
            table[(m.group, m.view, m.protocol)][m.contender][m.round] = m.result
    return {key: dict(value) for key, value in table.items()}


def median(rounds: dict[int, LoadResult], metric: str) -> float:
    return Spread.of(METRICS[metric](result) for result in rounds.values()).median


def errors(rounds: dict[int, LoadResult]) -> int:
    return sum(result.errors for result in rounds.values())


def paired(a: dict[int, LoadResult], b: dict[int, LoadResult], metric: str) -> Spread:
    """Per-round ratio of ``a`` over ``b`` on ``metric``."""
    get = METRICS[metric]
    return Spread.of(get(a[r]) / get(b[r]) for r in sorted(a.keys() & b.keys()) if get(b[r]))


def timings(items: Iterable[Timing], suite: str) -> dict[str, dict[str, dict[int, float]]]:
    """group -> contender -> run -> seconds."""
    table: defaultdict[str, defaultdict[str, dict[int, float]]] = defaultdict(lambda: defaultdict(dict))
    for t in items:
        if t.suite == suite:
            table[t.group][t.contender][t.run] = t.seconds
    return {group: dict(value) for group, value in table.items()}


def paired_seconds(a: dict[int, float], b: dict[int, float]) -> Spread:
    return Spread.of(a[r] / b[r] for r in sorted(a.keys() & b.keys()) if b[r])
