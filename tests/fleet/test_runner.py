"""The runner alone, on small Python children: budgets, exits, the printed prefix."""

from __future__ import annotations

import io
import os
import re
import sys
import time

from django_prodserver.fleet.printer import Printer
from django_prodserver.fleet.runner import Child, Runner

# A child that says it is ready, then on SIGTERM waits `drain` seconds (or forever) before exiting 0.
DRAINING = """
import signal, sys, time
def stop(signum, frame):
    print("draining", flush=True)
    time.sleep({drain})
    sys.exit(0)
signal.signal(signal.SIGTERM, stop)
print("ready", flush=True)
while True:
    time.sleep(0.05)
"""


def child(name: str, code: str, budget: int = 5, signal: str = "SIGTERM") -> Child:
    return Child(name, [sys.executable, "-c", code], signal, budget)


def run(children: list[Child], stop_after: float | None = None) -> tuple[int, str]:
    out = io.StringIO()
    runner = Runner(children, Printer([c.name for c in children], out, colour=False), dict(os.environ))
    if stop_after is not None:
        import threading

        def stop() -> None:
            # As a SIGTERM would: the handler counts it; the loop sends each child its own signal.
            time.sleep(stop_after)
            runner.signals += 1

        threading.Thread(target=stop, daemon=True).start()
    return runner.run(), out.getvalue()


def lines_of(text: str) -> list[str]:
    """The lines without their time stamp."""
    return [line[9:] for line in text.splitlines()]


def test_sigterm_drains_each_child_and_exits_0() -> None:
    status, text = run([child("web", DRAINING.format(drain=0.2)), child("w", DRAINING.format(drain=0))], 1.5)
    assert status == 0, text
    lines = lines_of(text)
    assert "web        | draining" in lines
    assert "w          | draining" in lines
    assert lines[-2:] in (
        ["prodserver | web exited with status 0", "prodserver | w exited with status 0"][::order] for order in (1, -1)
    )


def test_a_child_past_its_budget_is_killed_and_named() -> None:
    started = time.monotonic()
    status, text = run([child("slow", DRAINING.format(drain=60), budget=1)], 1.5)
    assert time.monotonic() - started < 10
    assert status == 1
    assert lines_of(text)[-3:] == [
        "prodserver | slow did not stop within 1 s: killing it",
        "prodserver | slow was killed by SIGKILL",
        "prodserver | Process 'slow' was killed by SIGKILL.",
    ]


def test_a_child_that_exits_stops_the_others_and_is_named() -> None:
    status, text = run([child("web", DRAINING.format(drain=0)), child("once", "import sys; sys.exit(3)")])
    assert status == 1
    lines = lines_of(text)
    assert "prodserver | once exited with status 3" in lines
    assert "web        | draining" in lines
    assert lines[-1] == "prodserver | Process 'once' exited with status 3: stopped the others."


def test_colour_only_when_asked() -> None:
    out = io.StringIO()
    Printer(["web", "worker"], out, colour=True).write("worker", "hello\n")
    # The second name's colour (yellow) on its prefix only; names padded to "prodserver", the longest.
    assert re.fullmatch(r"\x1b\[33m\d\d:\d\d:\d\d worker     \| \x1b\[0mhello\n", out.getvalue())
