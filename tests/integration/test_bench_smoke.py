"""The benchmark harness runs end to end on a tiny load (``--quick``): a smoke test, not a benchmark.

It uses the harness's pure-Python load generator and this interpreter, so it needs neither wrk
nor the peers' virtualenvs, and it asserts on the report's structure only: nothing is timed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    scratch = tmp_path_factory.mktemp("bench")
    argv = [sys.executable, "-m", "benchmarks", "--quick", "--no-plot"]
    argv += ["--output", str(scratch / "benchmarks.md"), "--work", str(scratch / "work")]
    with subprocess.Popen(argv, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as harness:
        try:
            _, errors = harness.communicate(timeout=100)
        except subprocess.TimeoutExpired:
            harness.terminate()  # on SIGTERM the harness stops the servers it started
            harness.communicate(timeout=30)
            raise
    assert harness.returncode == 0, errors[-2000:]
    return scratch


def test_report_has_every_quick_section(quick_run: Path) -> None:
    report = (quick_run / "benchmarks.md").read_text()
    headings = [line for line in report.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Targets",
        "## Machine and software",
        "## Method",
        "## 1. Serving overhead: `manage.py prodserver` vs bare `granian`",
        "## 3. Start-up and memory",
        "## 4. What the app adds to `manage.py check`",
        "## Running it",
    ]
    assert "| ASGI 1w HTTP/1.1 |" in report
    assert "| WSGI 1w HTTP/1.1 |" in report
    assert "| WSGI 1w HTTP/1.1, A/A control: granian / granian |" in report


def test_bare_granian_runs_the_command_line_the_product_renders(quick_run: Path) -> None:
    results = json.loads((quick_run / "work" / "results.json").read_text())
    assert results["context"].get("failures", []) == []  # the harness reports failures and goes on
    commands = results["context"]["bare_commands"]
    assert sorted(commands) == ["asgi_w1", "wsgi_w1"]
    assert commands["asgi_w1"].startswith("granian --interface asginl ")
    assert commands["asgi_w1"].endswith(" demo.asgi:application")
    served = {(m["group"], m["contender"]) for m in results["measurements"]}
    pairs = {(group, contender) for group in ("ASGI 1w", "WSGI 1w") for contender in ("prodserver", "granian")}
    assert served == {*pairs, ("WSGI 1w", "granian-control")}
    assert all(m["result"]["requests"] > 0 for m in results["measurements"])
