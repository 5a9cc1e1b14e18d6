"""One fuzzed configuration, started for real: ``manage.py prodserver web``, proved to work, stopped.

A server must answer a request (any HTTP response the server did not refuse: plain HTTP/1.1,
HTTP/2 with prior knowledge, or either over TLS with the CA's client certificate, on its port
or its Unix socket); a Celery worker, django-tasks' and django-q2's workers must run the task
waiting in their queue; beat must send its scheduled task.  Then SIGTERM: the process must exit
0 within the bound, and nothing it printed may hold a traceback or a Rust panic.
"""

from __future__ import annotations

import contextlib
import os
import signal
import ssl
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import httpx

from ..integration.servers import EXAMPLE_DIR, EXIT_TIMEOUT, manage_py, subprocess_env, write_settings

ROOT = Path(__file__).resolve().parents[2]
CELERY_APP = "tests.workers_project.celery.app"
DEV_APPS = """
INSTALLED_APPS = ["daphne", *INSTALLED_APPS, "django_extensions"]
ASGI_APPLICATION = "demo.asgi.application"
"""
PROOF_TIMEOUT = 20.0
PROBE_TIMEOUT = 2.0
# What a server answers when it refuses the request itself (limits, a malformed-by-its-rules request).
REFUSALS = frozenset({400, 408, 413, 414, 421, 431, 505})

Proof = Literal["request", "task", "beat"]


@dataclass(frozen=True)
class Family:
    """How a backend's process is set up and what proves it works."""

    project: Literal["example", "workers"]
    proof: Proof
    base: dict[str, Any] = field(default_factory=dict)
    """ARGS every run has (where it listens, what makes a worker quick); drawn ARGS win."""
    app: bool = False
    """Whether the process names the workers' Celery app (``APP``)."""
    extra_settings: str = ""


LISTEN = {"address": "127.0.0.1", "port": "@PORT@"}
QUIET_CELERY = {"concurrency": 1, "without-gossip": True, "without-mingle": True, "without-heartbeat": True}
_B = "django_prodserver.backends."
FAMILIES: dict[str, Family] = {
    f"{_B}granian.GranianASGIServer": Family("example", "request", LISTEN),
    f"{_B}granian.GranianWSGIServer": Family("example", "request", LISTEN),
    f"{_B}gunicorn.GunicornServer": Family("example", "request", LISTEN),
    f"{_B}uvicorn.UvicornServer": Family("example", "request", LISTEN),
    f"{_B}uvicorn.UvicornWSGIServer": Family("example", "request", LISTEN),
    f"{_B}waitress.WaitressServer": Family("example", "request", LISTEN),
    f"{_B}django_runserver.DjangoRunserver": Family(
        "example", "request", {"addrport": "127.0.0.1:@PORT@"}, extra_settings=DEV_APPS
    ),
    f"{_B}daphne.DaphneRunserver": Family(
        "example", "request", {"addrport": "127.0.0.1:@PORT@"}, extra_settings=DEV_APPS
    ),
    f"{_B}werkzeug.WerkzeugRunserver": Family(
        "example", "request", {"addrport": "127.0.0.1:@PORT@", "nopin": True}, extra_settings=DEV_APPS
    ),
    f"{_B}celery.CeleryFlower": Family("workers", "request", LISTEN, app=True),
    f"{_B}celery.CeleryWorker": Family("workers", "task", QUIET_CELERY, app=True),
    f"{_B}celery.CeleryBeat": Family(
        "workers", "beat", {"schedule": "@DIR@/beat-schedule", "max-interval": 1}, app=True
    ),
    f"{_B}django_tasks.DjangoTasksWorker": Family("workers", "task", {"interval": 0.1, "no-startup-delay": True}),
    f"{_B}django_q2.DjangoQ2Worker": Family("workers", "task"),
}


def process_setting(path: str, args: dict[str, Any]) -> dict[str, Any]:
    family = FAMILIES[path]
    return {"BACKEND": path, **({"APP": CELERY_APP} if family.app else {}), "ARGS": {**family.base, **args}}


def output_file(directory: Path) -> Path:
    """Where the process run in ``directory`` writes its output: beside it, not in it.

    The directory is the process's working directory, which a reloader watches (Granian's ``reload``
    watches every file there): output written inside it would reload the server at each line it logs.
    """
    return directory.with_name(f"{directory.name}.output.txt")


@dataclass
class Run:
    """The process of one example, in ``directory``: its output is :func:`output_file`."""

    directory: Path
    family: Family
    process: subprocess.Popen[bytes] | None = None

    def start(self, setting: dict[str, Any], database: Path) -> None:
        processes = {"web": setting}
        env = {"PYTHONUNBUFFERED": "1"}
        if self.family.project == "example":
            write_settings(self.directory, database, processes, self.family.extra_settings)
            # Run from the example's directory, manage.py named by its path: a relative path the fuzz draws
            # (a log file "x") is written in this run's directory, not in the checkout.
            argv = [sys.executable, str(EXAMPLE_DIR / "manage.py"), *manage_py("prodserver", "web")[2:]]
            cwd, env = self.directory, subprocess_env(self.directory, env)
        else:
            source = (
                f"from tests.workers_project.settings import *  # noqa: F403\nPRODUCTION_PROCESSES = {processes!r}\n"
            )
            (self.directory / "fuzz_settings.py").write_text(source)
            argv, cwd = [sys.executable, "-m", "django", "prodserver", "web"], self.directory
            env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"} | env
            env |= {
                "DJANGO_SETTINGS_MODULE": "fuzz_settings",
                "WORKERS_DIR": str(self.directory),
                "PYTHONPATH": os.pathsep.join([str(self.directory), str(ROOT)]),
            }
        with output_file(self.directory).open("wb") as output:
            self.process = subprocess.Popen(
                argv, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
            )

    def output(self) -> str:
        path = output_file(self.directory)
        return path.read_text(errors="replace") if path.exists() else ""

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait_for(self, proved: Callable[[], bool]) -> bool:
        """Whether ``proved`` came true while the process ran, within the bound."""
        deadline = time.monotonic() + PROOF_TIMEOUT
        while time.monotonic() < deadline:
            if proved():
                return True
            if not self.running():
                return proved()
            time.sleep(0.2)
        return False

    def settle(self, quiet: float = 0.5, bound: float = 3.0) -> None:
        """Wait until the output has not grown for ``quiet`` seconds (at most ``bound``).

        A server answers once one worker runs; a SIGTERM while the others still start hits a
        known Granian race (a worker that never stops, docs/backends/granian.md), which would hide
        what the fuzz looks for.  A supervisor stops a server that has finished starting.
        """
        deadline, size, changed = time.monotonic() + bound, -1, time.monotonic()
        while time.monotonic() < deadline and time.monotonic() - changed < quiet and self.running():
            now = len(self.output())
            if now != size:
                size, changed = now, time.monotonic()
            time.sleep(0.1)

    def stop(self) -> int | None:
        """SIGTERM to the process (not its group, as a supervisor does); its exit code, or None if killed."""
        assert self.process is not None
        if self.running():
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(EXIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def kill(self) -> None:
        """The whole group, so that no worker of a stuck server keeps a port; never raises."""
        if self.process is None or (self.process.poll() is not None and not _group_alive(self.process.pid)):
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def answer(where: str, client_cert: Path) -> int | None:
    """The status the server at ``where`` (``host:port`` or ``unix:path``) answered ``GET /`` with, or None."""
    if where.startswith("unix:"):
        attempts: list[tuple[str, dict[str, Any]]] = [
            ("http://localhost/", {"transport": httpx.HTTPTransport(uds=where.removeprefix("unix:"))})
        ]
    else:
        port = where.rpartition(":")[2]
        tls = {"verify": _client_context(client_cert)}
        attempts = [
            (f"http://127.0.0.1:{port}/", {}),
            (f"http://127.0.0.1:{port}/", {"http1": False, "http2": True}),
            (f"https://127.0.0.1:{port}/", {"http2": True, **tls}),
        ]
    for url, options in attempts:
        try:
            with httpx.Client(timeout=PROBE_TIMEOUT, **options) as client:
                return client.get(url).status_code
        except (httpx.RemoteProtocolError, httpx.ReadError):
            # Closed or garbled: it may speak the next protocol.  Only then is the next one tried: an
            # HTTP/2 preface sent to an HTTP/1 server reads as a request without Host, which Django logs.
            continue
        except (httpx.HTTPError, OSError):
            return None
    return None


def _client_context(client_cert: Path) -> ssl.SSLContext:
    """No verification of the server (its certificate may be any the fuzz drew); the CA's client certificate."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.load_cert_chain(client_cert)
    return context


def served(status: int | None) -> bool:
    """Whether the server served the request (a 404 under a drawn path prefix included)."""
    return status is not None and status < 500 and status not in REFUSALS
