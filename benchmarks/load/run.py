"""Run one timed load against a URL with the tool that fits the protocol, pinned to the load cores."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.config import REPO
from benchmarks.load.result import LoadResult, percentile

SUMMARY_LUA = Path(__file__).with_name("summary.lua")
# h2load: "requests: 1000 total, 1000 started, 1000 done, 990 succeeded, 10 failed, 0 errored, 0 timeout"
H2LOAD_REQUESTS = re.compile(r"requests: .* (\d+) succeeded, (\d+) failed, (\d+) errored, (\d+) timeout")
H2LOAD_FINISHED = re.compile(r"finished in ([\d.]+)(m?s)")


@dataclass(frozen=True)
class Load:
    """One load: ``protocol`` is "h1" or "h2" (HTTP/2 with prior knowledge, cleartext)."""

    url: str
    protocol: str
    duration: float
    connections: int
    streams: int = 1
    cpus: str | None = None
    python_client: bool = False


def available(protocol: str, python_client: bool) -> bool:
    """Whether this machine can make that load: wrk for HTTP/1.1, h2load for HTTP/2."""
    if protocol == "h1":
        return python_client or shutil.which("wrk") is not None
    return not python_client and shutil.which("h2load") is not None


def _pinned(argv: list[str], cpus: str | None) -> list[str]:
    return ["taskset", "-c", cpus, *argv] if cpus else argv


def _run(argv: list[str], timeout: float) -> str:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=REPO, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{argv[0]} exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return done.stdout


def _seconds(load: Load) -> int:
    return max(1, round(load.duration))  # wrk and h2load take whole seconds


def command(load: Load, log: Path = Path("requests.tsv")) -> list[str]:
    """The load generator's argv (pinned with taskset when ``load.cpus`` is set); h2load logs to ``log``."""
    if load.protocol == "h2":
        argv = ["h2load", "-t1", f"-c{load.connections}", f"-m{load.streams}", f"-D{_seconds(load)}"]
        argv.append(f"--log-file={log}")
    elif load.python_client:
        argv = [sys.executable, "-m", "benchmarks.load.pyload", "--connections", str(load.connections)]
        argv += ["--duration", str(load.duration)]
    else:
        argv = ["wrk", "-t1", f"-c{load.connections}", f"-d{_seconds(load)}s", "--timeout", "10s"]
        argv += ["-s", str(SUMMARY_LUA.relative_to(REPO))]
    return _pinned([*argv, load.url], load.cpus)


def _h2load(load: Load) -> LoadResult:
    with tempfile.TemporaryDirectory() as scratch:
        log = Path(scratch) / "requests.tsv"
        output = _run(command(load, log), timeout=_seconds(load) + 30)
        # Per request: start time, status code, microseconds until the end of the response.
        durations = sorted(int(line.split("\t")[2]) / 1000 for line in log.read_text().splitlines() if line)
    counts = H2LOAD_REQUESTS.search(output)
    finished = H2LOAD_FINISHED.search(output)
    if counts is None or finished is None:
        raise RuntimeError(f"unexpected h2load output: {output[-500:]!r}")
    succeeded, *failures = (int(n) for n in counts.groups())
    elapsed = float(finished.group(1)) / (1000 if finished.group(2) == "ms" else 1)
    return LoadResult(succeeded, sum(failures), elapsed, percentile(durations, 0.5), percentile(durations, 0.99))


def generate(load: Load) -> LoadResult:
    """Make the load and return what it measured; raises RuntimeError when the tool fails."""
    if load.protocol == "h2":
        return _h2load(load)
    return LoadResult.from_json_line(_run(command(load), timeout=_seconds(load) + 30))
