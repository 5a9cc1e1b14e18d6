"""Every server the suite runs, as a named command line at its documented production settings.

Each contender serves example/ on its own loopback port with the same Django, the same
settings module and access logs off (gunicorn's default; a production log pipeline would cost
every server alike).
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import settings
from benchmarks.config import EXAMPLE, REPO
from benchmarks.environment import Venv
from benchmarks.families import FAMILIES, GRANIAN, WSGI_THREADS, Family
from benchmarks.processes import Command, free_port

PRODUCT_ARGV = Path(__file__).with_name("product_argv.py")


@dataclass(frozen=True)
class Contender:
    """``key`` names it in results; ``setup`` says in words how it is configured."""

    key: str
    label: str
    setup: str
    command: Command

    def shell(self) -> str:
        """The command as typed in example/ (with its environment variables), paths made relative."""
        words = [*(f"{name}={value}" for name, value in self.command.env.items()), *self.command.argv]
        return " ".join(word.replace(f"{REPO}/", "../") for word in words)


@dataclass(frozen=True)
class Rendered:
    """What the product renders for each process (``argv``), and the processes it refused, with why."""

    argv: dict[str, list[str]]
    skipped: dict[str, str]


def our_processes(workers: tuple[int, ...]) -> dict[str, dict[str, Any]]:
    """One process per family, interface and worker count, on ports chosen now."""
    return {
        family.process_name(interface, count): {
            "BACKEND": family.backends[interface],
            "ARGS": family.args(free_port(), count, interface),
        }
        for family in FAMILIES
        for count in family.worker_counts(workers)
        for interface in family.interfaces
    }


def original_processes(workers: int) -> dict[str, dict[str, Any]]:
    """django-prodserver 3.0's Granian ASGI backend, at its own module path."""
    args = GRANIAN.args(free_port(), workers, "asgi")
    return {"web": {"BACKEND": "django_prodserver.backends.servers.granian.GranianASGIServer", "ARGS": args}}


def _port(process: dict[str, Any]) -> int:
    return int(process["ARGS"]["port"])


def prodserver(
    venv: Venv, work: Path, name: str, process: dict[str, Any], key: str = "prodserver", label: str = "prodserver"
) -> Contender:
    """``manage.py prodserver NAME`` of this repository."""
    argv = (venv.python, "manage.py", "prodserver", name)
    env = settings.environment(work, settings.OURS)
    setup = f"`manage.py prodserver {name}`, {process['BACKEND'].rsplit('.', 1)[1]}, ARGS {process['ARGS']}"
    return Contender(key, label, setup, Command(argv, EXAMPLE, env, _port(process)))


def _bare_environment(work: Path) -> dict[str, str]:
    env = settings.environment(work, settings.OURS)
    env["PYTHONPATH"] += os.pathsep + str(EXAMPLE)
    return env


def render(venv: Venv, work: Path, names: list[str]) -> Rendered:
    """Ask the product, in ``venv`` with the bench settings, for each process's command line."""
    done = subprocess.run(
        [venv.python, str(PRODUCT_ARGV), *names],
        cwd=EXAMPLE,
        env={**os.environ, **_bare_environment(work)},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"product_argv.py failed: {done.stderr.strip()[-1000:]}")
    data = json.loads(done.stdout)
    return Rendered(data["argv"], data["skipped"])


def bare(venv: Venv, work: Path, family: Family, name: str, rendered: list[str], process: dict[str, Any]) -> Contender:
    """The command line the product renders for process ``name``, run directly on a port of its own."""
    program = venv.bin(family.command)
    command = on_own_port(Command((program, *rendered[1:]), EXAMPLE, _bare_environment(work), _port(process)))
    setup = " ".join([family.command, *command.argv[1:]])
    return Contender(family.key, f"bare {family.key}", setup, command)


def _moved(word: str, old: str, new: str) -> str:
    """``word`` with the port ``old`` replaced: ``8000``, ``--port=8000`` and ``--bind 127.0.0.1:8000`` alike."""
    for separator in ("", "=", ":"):
        if word.endswith(separator + old) and (separator or word == old):
            return word[: len(word) - len(old)] + new
    return word


def on_own_port(command: Command) -> Command:
    """``command`` on a port of its own.

    Granian binds with SO_REUSEPORT: a second server given the port of a running one starts
    without error and the kernel splits the connections between the two; gunicorn and uvicorn
    would fail to bind.  So each contender of a round needs its own port (the rendered command
    has the prodserver process's port, as ``--port N`` or ``--bind HOST:N``).
    """
    port = free_port()
    old, new = str(command.port), str(port)
    argv = tuple(_moved(word, old, new) for word in command.argv)
    if argv == command.argv:
        raise RuntimeError(f"port {old} not found in {' '.join(command.argv)}")
    return Command(argv, command.cwd, command.env, port)


def control(bare: Contender) -> Contender:
    """A second copy of ``bare`` on another port: how far apart two identical servers measure (A/A)."""
    label = f"{bare.label}, second copy"
    return Contender(f"{bare.key}-control", label, bare.setup, on_own_port(bare.command))


def peers(venvs: dict[str, Venv], work: Path, workers: int) -> list[Contender]:
    """The servers a Django user would otherwise pick, each with ``workers`` worker processes."""
    env = settings.environment(work, settings.BASE)
    gunicorn_port, gthread_port, uvicorn_port = free_port(), free_port(), free_port()
    gunicorn = (venvs["gunicorn"].bin("gunicorn"), "demo.wsgi:application", "--workers", str(workers))
    gthread = ("--worker-class", "gthread", "--threads", str(WSGI_THREADS))
    uvicorn = (venvs["uvicorn"].bin("uvicorn"), "demo.asgi:application", "--workers", str(workers))
    uvicorn_flags = ("--no-access-log", "--lifespan", "off", "--log-level", "warning")
    return [
        Contender(
            "gunicorn-sync",
            "gunicorn sync",
            "`gunicorn demo.wsgi:application --workers N` (sync workers, the default)",
            Command((*gunicorn, "--bind", f"127.0.0.1:{gunicorn_port}"), EXAMPLE, env, gunicorn_port),
        ),
        Contender(
            "gunicorn-gthread",
            "gunicorn gthread",
            f"`gunicorn demo.wsgi:application --workers N --worker-class gthread --threads {WSGI_THREADS}`",
            Command((*gunicorn, *gthread, "--bind", f"127.0.0.1:{gthread_port}"), EXAMPLE, env, gthread_port),
        ),
        Contender(
            "uvicorn",
            "uvicorn",
            "`uvicorn demo.asgi:application --workers N --no-access-log --lifespan off` with uvicorn[standard]"
            " (uvloop, httptools)",
            Command(
                (*uvicorn, *uvicorn_flags, "--host", "127.0.0.1", "--port", str(uvicorn_port)),
                EXAMPLE,
                env,
                uvicorn_port,
            ),
        ),
    ]


def original(venv: Venv, work: Path, processes: dict[str, Any]) -> Contender:
    """django-prodserver 3.0: ``manage.py server web`` with its Granian ASGI backend."""
    argv = (venv.python, "manage.py", "server", "web")
    env = settings.environment(work, settings.ORIGINAL)
    setup = f"`manage.py server web`, django-prodserver 3.0 GranianASGIServer, ARGS {processes['web']['ARGS']}"
    return Contender(
        "prodserver3", "django-prodserver 3.0", setup, Command(argv, EXAMPLE, env, _port(processes["web"]))
    )
