"""What every serving suite shares: the bench context, cores, warm-up, one measurement, interleaving."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from benchmarks.config import Config
from benchmarks.contenders import Contender
from benchmarks.environment import Venv
from benchmarks.load import Load, LoadResult, available, generate
from benchmarks.processes import Server, running
from benchmarks.results import Memory, Results

T = TypeVar("T")
VIEWS = ("/", "/greetings/", "/async/")


@dataclass(frozen=True)
class Bench:
    """One run: its configuration, environments, the processes declared in settings, and results."""

    config: Config
    venvs: dict[str, Venv]
    ours: dict[str, dict[str, Any]]
    original: dict[str, dict[str, Any]]
    results: Results

    @property
    def server_cpus(self) -> str | None:
        """All cores but the last (the load generator's), when pinning."""
        count = os.cpu_count() or 1
        return (f"0-{count - 2}" if count > 2 else "0") if self.config.pin else None

    @property
    def load_cpus(self) -> str | None:
        return str((os.cpu_count() or 1) - 1) if self.config.pin else None

    def protocols(self) -> tuple[str, ...]:
        python_client = self.config.loader == "python"
        return tuple(p for p in ("h1", "h2") if available(p, python_client))

    def load(self, contender: Contender, view: str, protocol: str, duration: float) -> LoadResult:
        config = self.config
        h2 = protocol == "h2"
        return generate(
            Load(
                url=f"http://127.0.0.1:{contender.command.port}{view}",
                protocol=protocol,
                duration=duration,
                connections=config.h2_connections if h2 else config.connections,
                streams=config.h2_streams if h2 else 1,
                cpus=self.load_cpus,
                python_client=config.loader == "python",
            )
        )


def rotated(items: Sequence[T], turn: int) -> list[T]:
    """``items`` starting at ``turn``: each contender goes first in its turn, so drift hits all alike."""
    shift = turn % len(items) if items else 0
    return [*items[shift:], *items[:shift]]


@contextmanager
def serving(bench: Bench, suite: str, group: str, contenders: Sequence[Contender]) -> Iterator[list[Server]]:
    """Start the contenders one after another, warm each up on every view and protocol used, record memory."""
    views = VIEWS if suite == "peers" else ("/",)
    with ExitStack() as stack:
        servers = []
        for contender in contenders:
            log = bench.config.work / "logs" / f"{suite}-{group}-{contender.key}.log".replace(" ", "_")
            server = stack.enter_context(running(contender.command, log, bench.server_cpus))
            for view in views:
                for protocol in bench.protocols() if suite == "overhead" else ("h1",):
                    bench.load(contender, view, protocol, bench.config.warmup)
            rss, pss = server.memory_kib()
            bench.results.memory.append(Memory(suite, group, contender.key, rss, pss))
            servers.append(server)
        yield servers
