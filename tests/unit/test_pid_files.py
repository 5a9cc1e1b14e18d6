"""One rule for every server's pid file: what the tool refuses to start over, judged where it runs.

Granian reads an existing pid file and refuses one that holds no process id ("Unable to read existing
PID file") or a running process's id; gunicorn refuses only the latter ("Already running on PID").
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from django_prodserver.validation import validate_process

GRANIAN = ("django_prodserver.backends.granian.GranianWSGIServer", "pid-file", "Granian")
GUNICORN = ("django_prodserver.backends.gunicorn.GunicornServer", "pid", "gunicorn")
HELD = ("prodserver.E054", "prodserver.E055", "prodserver.W056")


def held(backend: str, key: str, *, starting: bool) -> list[tuple[str, str, str | None]]:
    report = validate_process("web", {"BACKEND": backend, "ARGS": {key: "web.pid"}}, starting=starting)
    return [(p.id, p.message, p.hint) for p in report.problems if p.id in HELD]


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("text", ["", "junk\n", "12.5"])
def test_granian_refuses_a_pid_file_without_a_process_id(text: str) -> None:
    Path("web.pid").write_text(text)
    backend, key, tool = GRANIAN
    message = (
        f"PRODUCTION_PROCESSES['web']['ARGS']['{key}'] names 'web.pid', which holds no process id: "
        f"{tool} refuses to start over it."
    )
    fix = "Remove the file (Granian writes it at start), or name another path"

    assert held(backend, key, starting=False) == [("prodserver.W056", message, f"{fix}; prodserver refuses to start.")]
    assert held(backend, key, starting=True) == [("prodserver.E055", message, f"{fix}.")]


def test_gunicorn_overwrites_a_pid_file_without_a_process_id() -> None:
    Path("web.pid").write_text("junk\n")
    backend, key, _ = GUNICORN

    assert held(backend, key, starting=True) == []


@pytest.mark.parametrize(("backend", "key", "tool"), [GRANIAN, GUNICORN])
def test_a_running_process_id_is_refused_at_start(backend: str, key: str, tool: str) -> None:
    # Process 1 (init) always runs; signal 0 to it is refused for other users, which still says it runs.
    Path("web.pid").write_text("1\n")

    assert held(backend, key, starting=False) == []
    assert held(backend, key, starting=True) == [
        (
            "prodserver.E054",
            f"PRODUCTION_PROCESSES['web']['ARGS']['{key}'] names 'web.pid', which holds the id of running process 1: "
            f"{tool} refuses to start.",
            f"Stop that process first (or remove the file if that process is not {tool}), or name another path.",
        )
    ]


@pytest.mark.parametrize(("backend", "key", "tool"), [GRANIAN, GUNICORN])
def test_this_process_id_or_a_dead_one_is_accepted(backend: str, key: str, tool: str) -> None:
    # The launcher keeps this process's id (exec): the tool finds its own id and carries on.
    Path("web.pid").write_text(f"{os.getpid()}\n")
    assert held(backend, key, starting=True) == []
    dead = max(int(Path("/proc/sys/kernel/pid_max").read_text()), 2**22) + 1
    Path("web.pid").write_text(f"{dead}\n")
    assert held(backend, key, starting=True) == []
