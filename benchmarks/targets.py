"""The targets of the issue, and what a run says about each."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.stats import Spread

RPS_TARGET, P99_TARGET, STARTUP_TARGET, CHECK_TARGET = 0.97, 1.05, 1.2, 1.3
MASTER_RSS_MIB, PSS_TARGET = 5.0, 1.05
"""The master's RSS within 5 MiB of the bare server's; the process group's PSS within 5%."""
COMMAND_MS = 5.0
"""What the app may add to a management command that runs no check (``diffsettings``)."""


@dataclass(frozen=True)
class Target:
    """One target of the issue and what this run says about it (``met`` is None when not measured)."""

    name: str
    met: bool | None
    measured: str
    noisy: bool = False

    def verdict(self) -> str:
        if self.met is None:
            return "not measured"
        if self.met:
            return "met"
        return "**not met** (within noise: the rounds disagree)" if self.noisy else "**not met**"


def spans_one(spread: Spread) -> bool:
    return spread.low <= 1.0 <= spread.high


def overhead_target(name: str, rps: Spread, p99: Spread) -> Target:
    """Met when both medians meet their targets; a miss is noise when the failing ratio's rounds span 1.0."""
    rps_ok, p99_ok = rps.median >= RPS_TARGET, p99.median <= P99_TARGET
    noisy = (rps_ok or spans_one(rps)) and (p99_ok or spans_one(p99))
    return Target(name, rps_ok and p99_ok, f"rps {rps.median:.3f}, p99 {p99.median:.3f}", noisy)
