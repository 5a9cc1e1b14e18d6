"""Describe the machine, the software versions and the run's settings, for the report's first section."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from benchmarks.config import Config
from benchmarks.environment import Venv

DISTRIBUTIONS = {
    "prodserver": ("Django", "granian", "gunicorn", "uvicorn", "httptools", "pydantic", "uvloop", "django-prodserver"),
    "prodserver3": ("django-prodserver", "granian"),
    "gunicorn": ("gunicorn",),
    "uvicorn": ("uvicorn", "uvloop", "httptools"),
    "plot": ("matplotlib",),
}


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _memory() -> str:
    """Total memory, as ``free -h`` would round it."""
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    return "unknown"


def _tool_version(argv: list[str]) -> str:
    if shutil.which(argv[0]) is None:
        return "not installed"
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    return (done.stdout or done.stderr).splitlines()[0].strip()


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def describe(config: Config, venvs: dict[str, Venv]) -> dict[str, Any]:
    settings = {
        key: str(value)
        for key, value in asdict(config).items()
        if key not in ("output", "plot", "work", "quick", "render_only", "setup")
    }
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _cpu_model(),
        "nproc": os.cpu_count(),
        "memory": _memory(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "tools": {"wrk": _tool_version(["wrk", "-v"]), "h2load": _tool_version(["h2load", "--version"])},
        "versions": {name: venv.versions(*DISTRIBUTIONS[name]) for name, venv in venvs.items()},
        "settings": settings,
        "load_average_start": load_average(),
    }
