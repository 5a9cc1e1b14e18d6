"""Suite 4: what the app adds to ``manage.py check``, and to a command that runs no check, on a fresh
``startproject`` site.

The same site runs ``check`` (and ``diffsettings``) with the app and a three-process setting, and
without the app, alternately; ``python -X importtime`` then says which imports the app brings in.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.environment import Venv
from benchmarks.results import Timing
from benchmarks.suites.common import Bench, rotated

PROJECT = "mysite"
SITES = {
    "with-app": "settings_with_app",
    "without-app": "settings_without_app",
    # The floor the issue names: the same site importing pydantic's BaseModel, without the app.
    "pydantic-only": "settings_pydantic_only",
}
IMPORTTIME_RUNS = 5  # at most: fewer when --check-runs asks for fewer
# "import time:       123 |        456 |     package.module"
IMPORTTIME_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)")

_PROCESSES = {
    "web": {
        "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
        "ARGS": {"address": "0.0.0.0", "port": "8000", "workers": "4", "log-access": "False"},
    },
    "api": {
        "BACKEND": "django_prodserver.backends.granian.GranianWSGIServer",
        "ARGS": {"address": "0.0.0.0", "port": "8001", "workers": "2", "threads": "4"},
    },
    "internal": {
        "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
        "ARGS": {"address": "127.0.0.1", "port": "8002", "workers": "1", "backlog": "2048"},
    },
}


def make_site(venv: Venv, work: Path) -> Path:
    """A fresh ``startproject`` plus one settings module per variant; returns the site's folder."""
    site = work / "checksite"
    if not (site / "manage.py").exists():
        site.mkdir(parents=True, exist_ok=True)
        subprocess.run([venv.bin("django-admin"), "startproject", PROJECT, str(site)], check=True)
    package = site / PROJECT
    common = f"from {PROJECT}.settings import *  # noqa: F403\n\nPRODUCTION_PROCESSES = {_PROCESSES!r}\n"
    (package / f"{SITES['without-app']}.py").write_text(common)
    with_app = 'INSTALLED_APPS = [*INSTALLED_APPS, "django_prodserver"]  # noqa: F405\n'
    (package / f"{SITES['with-app']}.py").write_text(f"{common}{with_app}")
    pydantic = "from pydantic import BaseModel  # noqa: F401\n"
    (package / f"{SITES['pydantic-only']}.py").write_text(f"{pydantic}{common}")
    return site


COMMANDS = ("check", "diffsettings")
"""``check`` runs the app's check; ``diffsettings`` runs none, so the app should cost it nothing."""


def _check(venv: Venv, site: Path, key: str, *flags: str, command: str = "check") -> subprocess.CompletedProcess[str]:
    argv = [venv.python, *flags, "manage.py", command, f"--settings={PROJECT}.{SITES[key]}"]
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH")}
    done = subprocess.run(argv, cwd=site, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {command} ({key}) failed: {done.stderr.strip()[-500:]}")
    return done


def _imports(stderr: str) -> dict[str, int]:
    """Module -> self time in microseconds, from ``-X importtime`` output."""
    return {match[4]: int(match[1]) for match in IMPORTTIME_LINE.finditer(stderr)}


def app_imports_ms(venv: Venv, site: Path, runs: int) -> dict[str, float]:
    """Top-level packages imported only with the app, by median self time (ms) over a few runs."""
    per_package: defaultdict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        without = _imports(_check(venv, site, "without-app", "-X", "importtime").stderr)
        with_app = _imports(_check(venv, site, "with-app", "-X", "importtime").stderr)
        totals: defaultdict[str, float] = defaultdict(float)
        for module, micros in with_app.items():
            if module not in without:
                totals[module.split(".")[0]] += micros / 1000
        for package, ms in totals.items():
            per_package[package].append(ms)
    medians = {package: statistics.median(values) for package, values in per_package.items()}
    return dict(sorted(medians.items(), key=lambda item: -item[1]))


def run(bench: Bench) -> None:
    venv = bench.venvs["prodserver"]
    site = make_site(venv, bench.config.work)
    print("bench: manage.py check", flush=True)
    for key in SITES:
        _check(venv, site, key)  # the first runs also write bytecode caches
    for turn in range(bench.config.check_runs):
        for command in COMMANDS:
            for key in rotated(list(SITES), turn):
                started = time.perf_counter()
                _check(venv, site, key, command=command)
                group = "startproject" if command == "check" else command
                bench.results.timings.append(Timing("check", group, key, turn, time.perf_counter() - started))
    runs = min(IMPORTTIME_RUNS, bench.config.check_runs)
    bench.results.context["importtime_runs"] = runs
    bench.results.importtime = app_imports_ms(venv, site, runs)
