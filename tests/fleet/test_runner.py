"""The runner alone, on small Python children: budgets, exits, the printed prefix.

Each draining child writes its ready file once its SIGTERM handler is installed; the tests act
only then (a child stopped before that dies of the signal, and says nothing).
"""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from django_prodserver.fleet.printer import Printer
from django_prodserver.fleet.runner import Child, Runner
from tests.integration.servers import wait_for

# On SIGTERM it says so, waits `drain` seconds, then exits 0.
DRAINING = """
import pathlib, signal, sys, time
def stop(signum, frame):
    print("draining", flush=True)
    time.sleep({drain})
    sys.exit(0)
signal.signal(signal.SIGTERM, stop)
pathlib.Path({ready!r}).touch()
while True:
    time.sleep(0.05)
"""


def draining(name: str, directory: Path, drain: float, budget: int = 5) -> Child:
    code = DRAINING.format(drain=drain, ready=str(directory / f"{name}.ready"))
    return Child(name, [sys.executable, "-c", code], "SIGTERM", budget)


def run(children: list[Child], stop_when_ready: Path | None = None) -> tuple[int, str]:
    """Run ``children``; with ``stop_when_ready``, stop them (as a SIGTERM would) once each draining child is ready."""
    out = io.StringIO()
    runner = Runner(children, Printer([c.name for c in children], out, colour=False), dict(os.environ))
    if stop_when_ready is not None:
        directory = stop_when_ready

        def stop() -> None:
            wait_for(lambda: len(list(directory.glob("*.ready"))) == len(children), "the children to be ready", 60)
            # What the SIGTERM handler does: count it; the loop sends each child its own signal.
            runner.signals += 1

        threading.Thread(target=stop, daemon=True).start()
    return runner.run(), out.getvalue()


def lines_of(text: str) -> list[str]:
    """The lines without their time stamp."""
    return [line[9:] for line in text.splitlines()]


def test_sigterm_drains_each_child_and_exits_0(tmp_path: Path) -> None:
    children = [draining("web", tmp_path, 0.2), draining("w", tmp_path, 0)]
    status, text = run(children, stop_when_ready=tmp_path)
    assert status == 0, text
    lines = lines_of(text)
    assert "prodserver | stopping every process" in lines
    assert "web        | draining" in lines
    assert "w          | draining" in lines
    assert sorted(lines[-2:]) == ["prodserver | w exited with status 0", "prodserver | web exited with status 0"]


def test_a_child_past_its_budget_is_killed_and_named(tmp_path: Path) -> None:
    started = time.monotonic()
    status, text = run([draining("slow", tmp_path, 60, budget=1)], stop_when_ready=tmp_path)
    assert time.monotonic() - started < 30
    assert status == 1
    assert lines_of(text)[-3:] == [
        "prodserver | slow did not stop within 1 s: killing it",
        "prodserver | slow was killed by SIGKILL",
        "prodserver | Process 'slow' was killed by SIGKILL.",
    ]


def test_a_child_that_exits_stops_the_others_and_is_named(tmp_path: Path) -> None:
    # "once" exits 3 as soon as "web" is ready to drain.
    ready = str(tmp_path / "web.ready")
    once = f"import os, sys, time\nwhile not os.path.exists({ready!r}): time.sleep(0.05)\nsys.exit(3)"
    status, text = run([draining("web", tmp_path, 0), Child("once", [sys.executable, "-c", once], "SIGTERM", 5)])
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
    plain = io.StringIO()
    Printer(["web", "worker"], plain, colour=False).write("worker", "hello\n")
    assert re.fullmatch(r"\d\d:\d\d:\d\d worker     \| hello\n", plain.getvalue())


RUNNER = """
import sys
from django_prodserver.fleet.printer import Printer
from django_prodserver.fleet.runner import Child, Runner
child = Child("slow", [sys.executable, "-c", {code!r}], "SIGTERM", 30)
sys.exit(Runner([child], Printer(["slow"], sys.stdout, colour=False), {{}}).run())
"""


def test_ctrl_c_drains_and_a_second_one_kills(tmp_path: Path) -> None:
    code = DRAINING.format(drain=60, ready=str(tmp_path / "slow.ready"))
    output = tmp_path / "runner.txt"
    with output.open("wb") as out:
        runner = subprocess.Popen([sys.executable, "-c", RUNNER.format(code=code)], stdout=out, stderr=out)
    try:
        wait_for(lambda: (tmp_path / "slow.ready").exists(), "the child to be ready", 60)
        runner.send_signal(signal.SIGINT)
        wait_for(lambda: "slow       | draining" in output.read_text(), "the child to drain", 30)
        started = time.monotonic()
        runner.send_signal(signal.SIGINT)
        assert runner.wait(30) == 1
        assert time.monotonic() - started < 10  # not the 30 s budget
    finally:
        runner.kill()
        runner.wait()
    assert (
        lines_of(output.read_text())[-4:]
        == [
            "prodserver | slow: stopped again, killing it",
            "prodserver | slow was killed by SIGKILL",
            "prodserver | Process 'slow' was killed by SIGKILL.",
        ][-4:]
        or output.read_text()
    )
