"""What one measurement yields, whichever tool made the load."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class LoadResult:
    """Requests per second and latency percentiles (milliseconds) of one timed load."""

    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "rps": self.rps}

    @classmethod
    def from_json_line(cls, output: str) -> LoadResult:
        """The last line of ``output`` that is a JSON object (wrk's Lua script and pyload print one)."""
        for line in reversed(output.splitlines()):
            if line.startswith("{"):
                data = json.loads(line)
                return cls(
                    requests=int(data["requests"]),
                    errors=int(data["errors"]),
                    seconds=float(data["seconds"]),
                    p50_ms=float(data["p50_ms"]),
                    p99_ms=float(data["p99_ms"]),
                )
        raise ValueError(f"no JSON summary in the load generator's output: {output[-300:]!r}")


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of already sorted values (0.0 when there are none)."""
    if not sorted_values:
        return 0.0
    rank = max(1, round(fraction * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]
