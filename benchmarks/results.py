"""Raw results of one run, kept as JSON under benchmarks/.work/ so the report and plot are re-renderable."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.load import LoadResult


@dataclass(frozen=True)
class Measurement:
    """One timed load: which suite, which server group and view, which contender, which round."""

    suite: str
    group: str
    view: str
    protocol: str
    contender: str
    round: int
    result: LoadResult


@dataclass(frozen=True)
class Memory:
    """Resident memory of a server's process group after its warm-up, in KiB."""

    suite: str
    group: str
    contender: str
    master_rss_kib: int
    rss_kib: int
    pss_kib: int


@dataclass(frozen=True)
class Timing:
    """One timed run of a whole command (start-up to first 200, or ``manage.py check``)."""

    suite: str
    group: str
    contender: str
    run: int
    seconds: float


@dataclass
class Results:
    measurements: list[Measurement] = field(default_factory=list)
    memory: list[Memory] = field(default_factory=list)
    timings: list[Timing] = field(default_factory=list)
    importtime: dict[str, float] = field(default_factory=dict)
    context: dict[str, Any] = field(default_factory=dict)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), indent=1))

    @classmethod
    def load(cls, path: Path) -> Results:
        data = json.loads(path.read_text())
        return cls(
            measurements=[
                Measurement(**{**item, "result": LoadResult(**_load_fields(item["result"]))})
                for item in data["measurements"]
            ],
            memory=[Memory(**item) for item in data["memory"]],
            timings=[Timing(**item) for item in data["timings"]],
            importtime=data["importtime"],
            context=data["context"],
        )


def _load_fields(result: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in result.items() if key != "rps"}
