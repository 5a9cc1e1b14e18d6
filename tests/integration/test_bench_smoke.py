"""The benchmark harness runs end to end on a tiny load (``--quick``): a smoke test, not a benchmark.

It uses the harness's pure-Python load generator and this interpreter, so it needs neither wrk
nor the peers' virtualenvs, and it asserts on the report's structure only: nothing is timed.
Every server prodserver runs is paired with its own bare command (granian, gunicorn, uvicorn, waitress-serve);
a backend that does not import here is reported as not measured, never as a crash.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from benchmarks.contenders import on_own_port
from benchmarks.processes import Command
from benchmarks.suites.pairs import pairs

pytestmark = [pytest.mark.integration, pytest.mark.main_run, pytest.mark.timeout(300)]

REPO = Path(__file__).resolve().parents[2]
SKIPPED_UVICORN = (
    "uvicorn_asgi_w1 (django_prodserver.backends.uvicorn.UvicornServer): prodserver.E007: ",
    "uvicorn_wsgi_w1 (django_prodserver.backends.uvicorn.UvicornWSGIServer): prodserver.E007: ",
)


def _uvicorn_backend_imports() -> bool:
    try:
        return hasattr(importlib.import_module("django_prodserver.backends.uvicorn"), "UvicornServer")
    except ImportError:
        return False


UVICORN = _uvicorn_backend_imports()
UVICORN_GROUPS = ["uvicorn ASGI 1w", "uvicorn WSGI 1w"] if UVICORN else []
GROUPS = ["granian ASGI 1w", "granian WSGI 1w", "gunicorn SYNC 1w", "gunicorn GTHREAD 1w", *UVICORN_GROUPS]
GROUPS.append("waitress WSGI 1w")


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    scratch = tmp_path_factory.mktemp("bench")
    argv = [sys.executable, "-m", "benchmarks", "--quick", "--no-plot"]
    argv += ["--output", str(scratch / "benchmarks.md"), "--work", str(scratch / "work")]
    with subprocess.Popen(argv, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as harness:
        try:
            _, errors = harness.communicate(timeout=240)
        except subprocess.TimeoutExpired:
            harness.terminate()  # on SIGTERM the harness stops the servers it started
            harness.communicate(timeout=30)
            raise
    assert harness.returncode == 0, errors[-2000:]
    return scratch


@pytest.fixture(scope="module")
def results(quick_run: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((quick_run / "work" / "results.json").read_text())
    return loaded


def test_report_has_every_quick_section(quick_run: Path) -> None:
    report = (quick_run / "benchmarks.md").read_text()
    headings = [line for line in report.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Targets",
        "## Machine and software",
        "## Method",
        "## 1. Serving overhead: `manage.py prodserver` vs the bare server command",
        "## 3. Start-up and memory",
        "## 4. What the app adds to `manage.py check`",
        "## Running it",
    ]
    for group in GROUPS:
        assert f"| {group} HTTP/1.1 |" in report  # overhead
        assert f"| {group} | " in report  # start-up
    assert "| granian WSGI 1w HTTP/1.1, A/A control: granian / granian |" in report
    targets = report.split("## Targets", 1)[1].split("## ", 1)[0]
    assert "| master RSS ≤ bare + 5 MiB; the group's PSS ≤ 1.05 x bare | " in targets
    assert "| a command that runs no check (`diffsettings`) ≤ 5 ms more with the app | " in targets
    assert ("**Not measured in this run**" in report) is not UVICORN


def test_nothing_failed_and_only_a_missing_backend_is_skipped(results: dict[str, Any]) -> None:
    context = results["context"]
    assert context.get("failures", []) == []  # the harness reports failures and goes on
    skipped = context.get("skipped", [])
    if UVICORN:
        assert skipped == []
    else:
        assert len(skipped) == 2
        assert all(message.startswith(start) for message, start in zip(skipped, SKIPPED_UVICORN, strict=True))


def test_bare_servers_run_the_command_lines_the_product_renders(results: dict[str, Any]) -> None:
    commands = results["context"]["bare_commands"]
    uvicorn = ["uvicorn_asgi_w1", "uvicorn_wsgi_w1"] if UVICORN else []
    names = [
        "granian_asgi_w1",
        "granian_wsgi_w1",
        "gunicorn_gthread_w1",
        "gunicorn_sync_w1",
        *uvicorn,
        "waitress_wsgi_w1",
    ]
    assert sorted(commands) == names
    assert commands["granian_asgi_w1"].startswith("granian --interface asginl ")
    assert commands["granian_asgi_w1"].endswith(" demo.asgi:application")
    gunicorn = commands["gunicorn_gthread_w1"].split()
    assert gunicorn[:2] == ["gunicorn", "--bind"]
    assert gunicorn[-1] == "demo.wsgi:application"
    assert " --worker-class gthread " in commands["gunicorn_gthread_w1"]
    assert " --threads 4 " in commands["gunicorn_gthread_w1"]
    assert " --worker-class " not in commands["gunicorn_sync_w1"]
    assert commands["waitress_wsgi_w1"].startswith("waitress-serve ")
    assert commands["waitress_wsgi_w1"].endswith(" demo.wsgi:application")
    if UVICORN:
        assert commands["uvicorn_asgi_w1"].startswith("uvicorn ")
        assert "demo.asgi:application" in commands["uvicorn_asgi_w1"].split()
        assert " --lifespan off" in commands["uvicorn_asgi_w1"]


def test_every_pair_is_served_measured_and_timed(results: dict[str, Any]) -> None:
    served = {(m["group"], m["contender"]) for m in results["measurements"]}
    pairs = {(group, side) for group in GROUPS for side in ("prodserver", group.split()[0])}
    assert served == {*pairs, ("granian WSGI 1w", "granian-control")}
    assert all(m["result"]["requests"] > 0 for m in results["measurements"])
    timed = {(t["group"], t["contender"]) for t in results["timings"] if t["suite"] == "startup"}
    assert timed == pairs


@pytest.mark.parametrize(
    ("argv", "moved"),
    [
        (("granian", "--port", "8123", "--workers", "8123x"), ("granian", "--port", "9", "--workers", "8123x")),
        (("gunicorn", "--bind", "127.0.0.1:8123", "app"), ("gunicorn", "--bind", "127.0.0.1:9", "app")),
        (("uvicorn", "--port=8123", "app"), ("uvicorn", "--port=9", "app")),
    ],
)
def test_a_bare_command_moves_to_a_port_of_its_own(
    argv: tuple[str, ...], moved: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("benchmarks.contenders.free_port", lambda: 9)
    command = on_own_port(Command(argv, REPO, {}, 8123))
    assert (command.argv, command.port) == (moved, 9)


def test_a_bare_command_without_its_port_is_refused() -> None:
    with pytest.raises(RuntimeError, match=r"^port 8123 not found in gunicorn --bind unix:/tmp/s app$"):
        on_own_port(Command(("gunicorn", "--bind", "unix:/tmp/s", "app"), REPO, {}, 8123))


def _bench(*flags: str) -> Any:
    """What ``pairs()`` reads of a run: its flags, and a process for every family's pair at 1 worker."""
    from benchmarks.config import parse
    from benchmarks.contenders import our_processes

    return SimpleNamespace(config=parse(list(flags)), ours=our_processes((1,)))


def test_every_pair_runs_unless_pairs_names_some() -> None:
    everyone = [pair.name for pair in pairs(_bench(), (1,))]
    assert len(everyone) == 7
    chosen = pairs(_bench("--pairs", "uvicorn_wsgi_w1,granian_asgi_w1"), (1,))
    assert [pair.name for pair in chosen] == ["granian_asgi_w1", "uvicorn_wsgi_w1"]


def test_the_a_a_control_runs_where_controls_says() -> None:
    assert _bench().config.controls == ("granian_wsgi_w1",)
    assert _bench("--controls", "uvicorn_asgi_w1,uvicorn_wsgi_w1").config.controls == (
        "uvicorn_asgi_w1",
        "uvicorn_wsgi_w1",
    )
