"""``manage.py prodserver --all`` for real: two servers and a worker, each its own child.

Each test starts the fleet of :mod:`.project` from example/ and stops it in one of the ways a
fleet stops: SIGTERM (every process drains, exit 0), a child killed (the others are stopped, exit
1 naming it), the runner killed (no child outlives it); and an invalid process starts nothing.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.servers import EXAMPLE_DIR, EXIT_TIMEOUT, answers_200, free_port, port_state, wait_for

from .project import GRANIAN, GUNICORN, enqueue, environment, processes, project, write

pytestmark = pytest.mark.integration
STARTED = re.compile(r"prodserver \| (\w+) started \(pid (\d+)\)")


@contextlib.contextmanager
def fleet(directory: Path, *argv: str) -> Iterator[subprocess.Popen[bytes]]:
    """``manage.py prodserver <argv>``, its output in directory/fleet.txt; killed with its children if still up."""
    with (directory / "fleet.txt").open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "prodserver", *argv],
            cwd=EXAMPLE_DIR,
            env=environment(directory),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield process
    finally:
        for pid in children(directory):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
        if process.poll() is None:
            process.kill()
            process.wait()


def output(directory: Path) -> str:
    return (directory / "fleet.txt").read_text(errors="replace")


def children(directory: Path) -> dict[int, str]:
    """The children the runner said it started: pid -> name."""
    return {int(pid): name for name, pid in STARTED.findall(output(directory))}


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead: only its parent has not read its status yet.
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


def serving(directory: Path, process: subprocess.Popen[bytes], web: int, wsgi: int) -> None:
    """Wait until both servers answer and the worker ran a task."""
    wait_for(
        lambda: process.poll() is not None or (answers_200(web) and answers_200(wsgi)),
        "both servers",
        60,
        lambda: output(directory) + port_state(web) + port_state(wsgi),
    )
    assert process.poll() is None, output(directory)
    enqueue(directory, "fleet")
    wait_for(lambda: (directory / "fleet.done").exists() or process.poll() is not None, "the task", 60)
    assert process.poll() is None, output(directory)


def test_sigterm_drains_every_process_and_exits_0(tmp_path: Path, database: Path) -> None:
    web, wsgi = project(tmp_path, database)
    with fleet(tmp_path, "--all") as process:
        serving(tmp_path, process, web, wsgi)
        process.send_signal(signal.SIGTERM)
        assert process.wait(EXIT_TIMEOUT * 2) == 0, output(tmp_path)
    text = output(tmp_path)
    assert set(children(tmp_path).values()) == {"web", "wsgi", "tasks"}
    assert not [pid for pid in children(tmp_path) if alive(pid)]
    # Each line is prefixed with its process, names aligned: "HH:MM:SS web        | ...".
    assert re.search(r"^\d\d:\d\d:\d\d wsgi       \| .*Handling signal: term", text, re.M), text
    assert re.search(r"^\d\d:\d\d:\d\d web        \| .*Granian shutdown completed", text, re.M), text
    assert "\x1b[" not in text


def test_a_child_killed_stops_the_others_and_exits_1(tmp_path: Path, database: Path) -> None:
    web, wsgi = project(tmp_path, database)
    with fleet(tmp_path, "web", "wsgi", "tasks") as process:
        serving(tmp_path, process, web, wsgi)
        tasks = next(pid for pid, name in children(tmp_path).items() if name == "tasks")
        os.kill(tasks, signal.SIGKILL)
        assert process.wait(EXIT_TIMEOUT * 2) == 1, output(tmp_path)
    assert (
        output(tmp_path).rstrip().endswith("prodserver | Process 'tasks' was killed by SIGKILL: stopped the others.")
    ), output(tmp_path)
    assert not [pid for pid in children(tmp_path) if alive(pid)]
    assert not answers_200(web)
    assert not answers_200(wsgi)


def test_the_runner_killed_leaves_no_child(tmp_path: Path, database: Path) -> None:
    web, wsgi = project(tmp_path, database)
    with fleet(tmp_path, "--all") as process:
        wait_for(
            lambda: process.poll() is not None or (answers_200(web) and answers_200(wsgi)),
            "both servers",
            60,
            lambda: output(tmp_path) + port_state(web) + port_state(wsgi),
        )
        started = children(tmp_path)
        process.kill()
        process.wait()
        wait_for(lambda: not [pid for pid in started if alive(pid)], "every child to stop", EXIT_TIMEOUT * 2)
    assert not answers_200(web)
    assert not answers_200(wsgi)


def test_one_invalid_process_starts_nothing(tmp_path: Path, database: Path) -> None:
    web, wsgi = project(tmp_path, database)
    fleet_with_typo = {**processes(web, wsgi), "bad": {"BACKEND": GRANIAN, "ARGS": {"workers": "many"}}}
    write(tmp_path, fleet_with_typo)
    with fleet(tmp_path, "--all") as process:
        assert process.wait(60) == 1
    text = output(tmp_path)
    assert "?: (prodserver.E022) PRODUCTION_PROCESSES['bad']['ARGS']['workers'] is 'many'; expected an integer." in text
    assert "Nothing started: 1 invalid process(es)." in text
    assert "started (pid" not in text


def test_what_processes_started_together_share_is_said(tmp_path: Path, database: Path) -> None:
    """Each process is validated alone as it starts; together two gunicorns share the default control socket."""
    web, wsgi = project(tmp_path, database)
    second = free_port()
    gunicorn = {"BACKEND": GUNICORN, "ARGS": {"address": "127.0.0.1", "port": second, "graceful-timeout": 5}}
    write(tmp_path, {**processes(web, wsgi), "wsgi2": gunicorn})
    with fleet(tmp_path, "--all") as process:
        wait_for(
            lambda: process.poll() is not None or (answers_200(wsgi) and answers_200(second)),
            "both gunicorns",
            60,
            lambda: output(tmp_path),
        )
        process.send_signal(signal.SIGTERM)
        assert process.wait(EXIT_TIMEOUT * 2) == 0, output(tmp_path)
    text = output(tmp_path)
    shared = "PRODUCTION_PROCESSES['wsgi2']['ARGS']['control-socket'] (not set, so its default) binds unix:"
    assert f"?: (prodserver.W047) {shared}" in text, text
    assert set(children(tmp_path).values()) == {"web", "wsgi", "wsgi2", "tasks"}
