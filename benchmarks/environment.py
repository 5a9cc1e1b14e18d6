"""Set up what the suite needs: wrk and h2load from Debian, and one virtualenv per contender.

Each virtualenv is rebuilt only when its requirement list changes (a stamp file holds it).
Every venv gets the Django (and Granian, gunicorn, uvicorn) version of the project's own
``.venv``, so the servers differ and the application does not.  This repository's package is installed from a
copy of its sources, like a release: an editable install adds its own import hook to every
``manage.py`` run, which a user's install does not have.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from benchmarks.config import REPO

APT_TOOLS = {"wrk": "wrk", "h2load": "nghttp2-client"}


@dataclass(frozen=True)
class Venv:
    """A Python environment: ``root`` is its prefix."""

    root: Path

    @property
    def python(self) -> str:
        return str(self.root / "bin" / "python")

    def bin(self, name: str) -> str:
        return str(self.root / "bin" / name)

    def versions(self, *distributions: str) -> dict[str, str]:
        """Installed versions of the given distributions, read inside the venv."""
        code = "import sys, importlib.metadata as m; print(*(m.version(d) for d in sys.argv[1:]))"
        # -I: the repository's own *.egg-info in the working directory must not answer for the venv.
        argv = [self.python, "-I", "-c", code, *distributions]
        out = subprocess.run(argv, capture_output=True, text=True, check=True)
        return dict(zip(distributions, out.stdout.split(), strict=True))


def current() -> Venv:
    """The interpreter running the harness (``--quick`` serves from it instead of building venvs)."""
    return Venv(Path(sys.prefix))


PLOT_REQUIREMENTS = ["matplotlib"]
SOURCES = ("django_prodserver", "pyproject.toml", "README.md", "LICENSE")


def _source_files() -> list[Path]:
    files: list[Path] = []
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            files += sorted(f for f in path.rglob("*") if f.is_file() and "__pycache__" not in f.parts)
        elif path.exists():
            files.append(path)
    return files


def source_snapshot(work: Path) -> Path:
    """Copy the package's sources under ``work``; the folder's name is their digest, so edits reinstall."""
    files = _source_files()
    digest = hashlib.sha256()
    for file in files:
        digest.update(str(file.relative_to(REPO)).encode() + b"\0" + file.read_bytes())
    target = work / "src" / digest.hexdigest()[:16]
    if not target.exists():
        shutil.rmtree(target.parent, ignore_errors=True)
        for file in files:
            copy = target / file.relative_to(REPO)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, copy)
    return target


def requirements(work: Path) -> dict[str, list[str]]:
    """Each venv's requirements, pinned to the Django, Granian, gunicorn, uvicorn and waitress of this interpreter."""
    django = f"Django=={version('django')}"
    granian = f"granian[uvloop]=={version('granian')}"
    # The same gunicorn and uvicorn through prodserver as bare: the layer differs, not the server.
    gunicorn = f"gunicorn=={version('gunicorn')}"
    uvicorn = f"uvicorn[standard]=={version('uvicorn')}"
    waitress = f"waitress=={version('waitress')}"
    product = f"{source_snapshot(work)}[granian,gunicorn,uvicorn,waitress]"
    return {
        "prodserver": [django, granian, gunicorn, uvicorn, waitress, product],
        "prodserver3": [django, granian, "django-prodserver[granian]==3.0.0"],
        "gunicorn": [django, gunicorn],
        "uvicorn": [django, uvicorn],
        "plot": PLOT_REQUIREMENTS,
    }


def ensure_venv(root: Path, packages: list[str]) -> Venv:
    venv = Venv(root)
    stamp = root / ".bench-requirements"
    wanted = "\n".join(packages)
    if stamp.exists() and stamp.read_text() == wanted:
        return venv
    print(f"bench: building {root.name} venv: {' '.join(packages)}", flush=True)
    shutil.rmtree(root, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(root)], check=True)
    pip = [venv.python, "-m", "pip", "--disable-pip-version-check", "-q", "install"]
    subprocess.run([*pip, *packages], check=True)
    stamp.write_text(wanted)
    return venv


def plot_venv(work: Path) -> Venv:
    return ensure_venv(work / "venvs" / "plot", PLOT_REQUIREMENTS)


def ensure_venvs(work: Path) -> dict[str, Venv]:
    return {name: ensure_venv(work / "venvs" / name, packages) for name, packages in requirements(work).items()}


def ensure_tools() -> None:
    """Install wrk and h2load from Debian when missing (``make bench`` runs as root here)."""
    missing = [package for tool, package in APT_TOOLS.items() if shutil.which(tool) is None]
    if not missing:
        return
    if os.geteuid() != 0:
        raise SystemExit(f"bench: missing {', '.join(missing)}; install them (apt-get install {' '.join(missing)})")
    print(f"bench: installing {' '.join(missing)} from Debian", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True)
