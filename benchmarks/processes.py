"""Start a server command, wait for its first 200, read its memory, and always stop it."""

from __future__ import annotations

import http.client
import itertools
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

POLL_SECONDS = 0.005


class ServerFailed(RuntimeError):
    """The server exited or never answered 200; the message ends with the tail of its log."""


def run_ports() -> tuple[int, int] | None:
    """``PRODSERVER_TEST_PORTS`` ("11000-13999") as its first and last port: the range of a run beside others."""
    chosen = os.environ.get("PRODSERVER_TEST_PORTS")
    if not chosen:
        return None
    first, last = map(int, chosen.split("-"))
    return first, last


def port_is_free(port: int) -> bool:
    """Whether nothing holds TCP ``port`` of 127.0.0.1 now: a bind without SO_REUSEADDR nor SO_REUSEPORT
    fails on any socket bound to it (listening or not, on 127.0.0.1 or a wildcard) and on one in TIME_WAIT."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _ports() -> Iterator[int]:
    """The ports of ``PRODSERVER_TEST_PORTS``, in turn; else none."""
    chosen = run_ports()
    return itertools.cycle(range(chosen[0], chosen[1] + 1)) if chosen else iter(())


_PORTS = _ports()


def free_port() -> int:
    """A port nothing listens on: from ``PRODSERVER_TEST_PORTS`` when set, else one the kernel picks."""
    for port in itertools.islice(_PORTS, 3000):
        if port_is_free(port):
            return port
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        picked: int = probe.getsockname()[1]
        return picked


@dataclass(frozen=True)
class Command:
    """A server command line, where it runs and with which environment variables added."""

    argv: tuple[str, ...]
    cwd: Path
    env: Mapping[str, str]
    port: int


def _answers_200(port: int, path: str) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        connection.request("GET", path)
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


class Server:
    """A running server process group (the master and its workers)."""

    def __init__(self, command: Command, log: Path, cpus: str | None) -> None:
        argv = ["taskset", "-c", cpus, *command.argv] if cpus else list(command.argv)
        log.parent.mkdir(parents=True, exist_ok=True)
        self.command = command
        self.log = log
        with log.open("wb") as output:
            # A session of its own, so stop() reaches the workers too.
            self.process = subprocess.Popen(
                argv,
                cwd=command.cwd,
                env={**os.environ, **command.env},
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self.started = time.perf_counter()

    def wait_ready(self, path: str = "/", timeout: float = 60.0) -> float:
        """Seconds from launch to the first 200 on ``path``."""
        while time.perf_counter() - self.started < timeout:
            if self.process.poll() is not None:
                raise ServerFailed(f"exited with {self.process.returncode}: {self.log_tail()}")
            if _answers_200(self.command.port, path):
                return time.perf_counter() - self.started
            time.sleep(POLL_SECONDS)
        raise ServerFailed(f"no 200 on {path} within {timeout:.0f} s: {self.log_tail()}")

    def log_tail(self, lines: int = 8) -> str:
        return " | ".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM to the group (graceful), SIGKILL if it lingers."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout)
        # Workers that outlived their master would keep the port and skew the next measurement.
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)

    def memory_kib(self) -> tuple[int, int, int]:
        """The master's RSS, then RSS and PSS summed over the group (KiB); PSS shares common pages out."""
        rss = pss = 0
        for pid in _group_members(self.process.pid):
            rss += _status_kib(pid, "VmRSS")
            pss += _rollup_kib(pid, "Pss")
        return _status_kib(self.process.pid, "VmRSS"), rss, pss


def _group_members(pgid: int) -> Iterator[int]:
    # The taskset wrapper execs, so the group is the server's master and its workers.
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid:
                yield int(entry.name)


def _field_kib(path: Path, name: str) -> int:
    try:
        for line in path.read_text().splitlines():
            if line.startswith(f"{name}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _status_kib(pid: int, name: str) -> int:
    return _field_kib(Path(f"/proc/{pid}/status"), name)


def _rollup_kib(pid: int, name: str) -> int:
    return _field_kib(Path(f"/proc/{pid}/smaps_rollup"), name)


@contextmanager
def running(command: Command, log: Path, cpus: str | None, ready_path: str = "/") -> Iterator[Server]:
    """A server that answers 200 on ``ready_path``, stopped on exit whatever happens."""
    server = Server(command, log, cpus)
    try:
        server.wait_ready(ready_path)
        yield server
    finally:
        server.stop()
