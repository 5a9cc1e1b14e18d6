"""``prodserver --all``: run several processes, each its own ``manage.py prodserver NAME`` child.

A small supervisor rather than honcho's manager (see docs/contributing.md, "The fleet"): each child
is stopped with the signal its backend drains on and given its own drain budget, and no child
outlives the runner, even when the runner is killed (``PR_SET_PDEATHSIG`` on Linux).

- SIGTERM or SIGINT: every child gets its drain signal; one still running after its budget is
  killed.  Exit status 0 when every child stopped cleanly.  A second SIGTERM or SIGINT kills them all.
- A child that exits on its own stops the others; the runner then exits 1, naming it.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import FrameType

from .printer import Printer

_PR_SET_PDEATHSIG = 1
_POLL = 0.1


@dataclass(frozen=True)
class Child:
    """What the runner starts: a process's name, its command, how it stops."""

    name: str
    argv: list[str]
    stop_signal: str
    budget: int
    """Seconds between its stop signal and SIGKILL."""


@dataclass
class _Running:
    child: Child
    process: subprocess.Popen[bytes]
    reader: threading.Thread
    deadline: float | None = None
    sent: int | None = None
    killed: bool = False
    status: int | None = field(default=None)


def die_with_parent(signum: int, parent: int) -> Callable[[], None]:
    """For ``preexec_fn``: the child gets ``signum`` when the runner dies, however it dies (Linux).

    ``prctl`` is looked up here, in the runner: between fork and exec the child only calls it
    (loading a library there could wait for a lock another thread of the runner held at fork).
    """
    prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform.startswith("linux") else None

    def setup() -> None:
        if prctl is not None:
            prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0)
        if os.getppid() != parent:
            # The runner died before prctl took effect.
            os._exit(1)

    return setup


class Runner:
    def __init__(self, children: Sequence[Child], printer: Printer, environment: Mapping[str, str]) -> None:
        self.children = children
        self.printer = printer
        self.environment = dict(environment)
        self.lines: queue.Queue[tuple[str, str]] = queue.Queue()
        self.running: list[_Running] = []
        self.signals = 0
        self.stopping = False
        self.first_exit: _Running | None = None

    def run(self) -> int:
        previous = {sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            for child in self.children:
                self.running.append(self._start(child))
            while any(entry.status is None for entry in self.running) or not self.lines.empty():
                self._print_lines()
                self._watch()
            for entry in self.running:
                entry.reader.join(timeout=1)
            self._print_lines(wait=False)
            return self._outcome()
        finally:
            for entry in self.running:
                if entry.status is None:
                    self._kill(entry)
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _start(self, child: Child) -> _Running:
        signum = signal.Signals[child.stop_signal]
        process = subprocess.Popen(
            child.argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=self.environment,
            # Its own session: a terminal's Ctrl-C reaches the runner only, which sends each child its signal.
            start_new_session=True,
            preexec_fn=die_with_parent(signum, os.getpid()),
        )
        reader = threading.Thread(target=self._read, args=(child.name, process), daemon=True)
        reader.start()
        self.printer.system(f"{child.name} started (pid {process.pid})")
        return _Running(child, process, reader)

    def _read(self, name: str, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.lines.put((name, line.decode(errors="replace")))

    def _print_lines(self, *, wait: bool = True) -> None:
        try:
            name, text = self.lines.get(timeout=_POLL if wait else 0)
        except queue.Empty:
            return
        self.printer.write(name, text)
        while True:
            try:
                name, text = self.lines.get_nowait()
            except queue.Empty:
                return
            self.printer.write(name, text)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self.signals += 1

    def _watch(self) -> None:
        for entry in self.running:
            if entry.status is None and _exited(entry.process.pid):
                # What it left in its session (its workers, if it died first) goes with it, while its
                # pid, the session's id, is not yet reaped and so cannot name another process's group.
                _killpg(entry.process.pid)
                entry.status = entry.process.wait()
                # Its last lines are still in the pipe or the queue: they are printed before its exit is.
                entry.reader.join(timeout=1)
                self._print_lines(wait=False)
                self._ended(entry)
        if self.signals >= 2:
            for entry in self.running:
                if entry.status is None and not entry.killed:
                    self.printer.system(f"{entry.child.name}: stopped again, killing it")
                    self._kill(entry)
        if self.signals and not self.stopping:
            self.printer.system("stopping every process")
            self._stop_all()
        now = time.monotonic()
        for entry in self.running:
            if entry.status is None and entry.deadline is not None and now > entry.deadline and not entry.killed:
                self.printer.system(f"{entry.child.name} did not stop within {entry.child.budget} s: killing it")
                self._kill(entry)

    def _ended(self, entry: _Running) -> None:
        self.printer.system(f"{entry.child.name} {describe(entry.status)}")
        if not self.stopping:
            self.first_exit = entry
            self._stop_all()

    def _stop_all(self) -> None:
        self.stopping = True
        for entry in self.running:
            if entry.status is None and entry.sent is None:
                entry.sent = signal.Signals[entry.child.stop_signal]
                entry.deadline = time.monotonic() + entry.child.budget
                # The child's main process only: its own workers stop as it tells them.
                _signal(entry.process.pid, entry.sent)

    def _kill(self, entry: _Running) -> None:
        entry.killed = True
        _killpg(entry.process.pid)
        _signal(entry.process.pid, signal.SIGKILL)

    def _outcome(self) -> int:
        if self.first_exit is not None:
            entry = self.first_exit
            self.printer.system(f"Process {entry.child.name!r} {describe(entry.status)}: stopped the others.")
            return 1
        unclean = [entry for entry in self.running if not _stopped_cleanly(entry)]
        for entry in unclean:
            self.printer.system(f"Process {entry.child.name!r} {describe(entry.status)}.")
        return 1 if unclean else 0


def describe(status: int | None) -> str:
    if status is not None and status < 0:
        return f"was killed by {signal.Signals(-status).name}"
    return f"exited with status {status}"


def _stopped_cleanly(entry: _Running) -> bool:
    # A child stopped by the signal it was sent before it had installed its handlers counts as stopped.
    return not entry.killed and entry.status in (0, -(entry.sent or 0))


def _exited(pid: int) -> bool:
    """Whether the child has exited, without reaping it."""
    result = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    return result is not None


def _signal(pid: int, signum: int) -> None:
    """Signal a child that only :meth:`Runner._watch` reaps.

    Not ``Popen.send_signal``: it polls first, and so may reap a child that has just exited, whose
    pid ``_exited`` would then ask about in vain (ECHILD) and whose session could no longer be killed.
    """
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signum)


def _killpg(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
