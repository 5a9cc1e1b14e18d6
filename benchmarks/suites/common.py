"""What every serving suite shares: the bench context, cores, warm-up, one measurement, interleaving."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from benchmarks.config import Config
from benchmarks.contenders import Contender, Rendered
from benchmarks.environment import Venv
from benchmarks.load import Load, LoadResult, available, generate
from benchmarks.processes import ServerFailed, running
from benchmarks.results import Measurement, Memory, Results

T = TypeVar("T")
VIEWS = ("/", "/greetings/", "/async/")


@dataclass(frozen=True)
class Bench:
    """One run: its configuration, environments, the processes declared in settings, and results."""

    config: Config
    venvs: dict[str, Venv]
    ours: dict[str, dict[str, Any]]
    original: dict[str, dict[str, Any]]
    rendered: Rendered
    """The command line the product renders for each process of ``ours``: the bare contenders run it."""
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

    def spec(self, port: int | str, view: str, protocol: str, duration: float) -> Load:
        """The load of one measurement (``port`` may be a placeholder, for the report)."""
        h2 = protocol == "h2"
        return Load(
            url=f"http://127.0.0.1:{port}{view}",
            protocol=protocol,
            duration=duration,
            connections=self.config.h2_connections if h2 else self.config.connections,
            streams=self.config.h2_streams if h2 else 1,
            cpus=self.load_cpus,
            python_client=self.config.loader == "python",
        )

    def load(self, contender: Contender, view: str, protocol: str, duration: float) -> LoadResult:
        return generate(self.spec(contender.command.port, view, protocol, duration))

    def measure(self, suite: str, group: str, contender: Contender, view: str, protocol: str, turn: int) -> None:
        """One timed load, recorded; a failed load is reported and the run goes on."""
        try:
            result = self.load(contender, view, protocol, self.config.duration)
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            self.fail(f"{suite} {group} {contender.label} {view} {protocol} round {turn}", exc)
            return
        self.results.measurements.append(Measurement(suite, group, view, protocol, contender.key, turn, result))

    def skip(self, what: str, reason: str) -> None:
        """A contender this run cannot measure (a backend that does not import here, say), and why."""
        message = f"{what}: {reason[:300]}"
        print(f"bench: SKIPPED {message}", file=sys.stderr, flush=True)
        self.results.context.setdefault("skipped", []).append(message)

    def fail(self, what: str, error: Exception) -> None:
        message = f"{what}: {str(error)[:300]}"
        print(f"bench: FAILED {message}", file=sys.stderr, flush=True)
        self.results.context.setdefault("failures", []).append(message)


def rotated(items: Sequence[T], turn: int) -> list[T]:
    """``items`` starting at ``turn``: each contender goes first in its turn, so drift hits all alike."""
    shift = turn % len(items) if items else 0
    return [*items[shift:], *items[:shift]]


@contextmanager
def serving(
    bench: Bench,
    suite: str,
    group: str,
    contenders: Sequence[Contender],
    views: Sequence[str],
    protocols: Sequence[str],
) -> Iterator[list[Contender]]:
    """Start the contenders, warm each up on ``views`` x ``protocols``, record memory; yield those that run.

    A contender that fails to start or to serve its warm-up is reported and left out, so one
    broken server does not cost the rest of a 20-minute run.
    """
    with ExitStack() as stack:
        started = []
        for contender in contenders:
            log = bench.config.work / "logs" / f"{suite}-{group}-{contender.key}.log".replace(" ", "_")
            try:
                server = stack.enter_context(running(contender.command, log, bench.server_cpus))
            except ServerFailed as exc:
                bench.fail(f"{suite} {group} {contender.label} did not start", exc)
                continue
            try:
                for view in views:
                    for protocol in protocols:
                        bench.load(contender, view, protocol, bench.config.warmup)
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                bench.fail(f"{suite} {group} {contender.label} failed its warm-up", exc)
                continue
            bench.results.memory.append(Memory(suite, group, contender.key, *server.memory_kib()))
            started.append(contender)
        yield started
