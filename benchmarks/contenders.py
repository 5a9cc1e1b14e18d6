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
from benchmarks.processes import Command, free_port

INTERFACES = ("asgi", "wsgi")
WSGI_THREADS = 4  # the seed's "WSGI with Thread Pool" example, and gunicorn gthread alike
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


def process_name(interface: str, workers: int) -> str:
    return f"{interface}_w{workers}"


def granian_args(port: int, workers: int, interface: str) -> dict[str, Any]:
    """ARGS of one prodserver process: the seed's settings, HTTP version left to Granian ("auto")."""
    args: dict[str, Any] = {"address": "127.0.0.1", "port": str(port), "workers": str(workers), "log-access": "False"}
    if interface == "wsgi":
        args["threads"] = str(WSGI_THREADS)
    return args


def our_processes(workers: tuple[int, ...]) -> dict[str, dict[str, Any]]:
    """One process per interface and worker count, on ports chosen now."""
    backends = {"asgi": "GranianASGIServer", "wsgi": "GranianWSGIServer"}
    return {
        process_name(interface, count): {
            "BACKEND": f"django_prodserver.backends.granian.{backend}",
            "ARGS": granian_args(free_port(), count, interface),
        }
        for count in workers
        for interface, backend in backends.items()
    }


def original_processes(workers: int) -> dict[str, dict[str, Any]]:
    """django-prodserver 3.0's Granian ASGI backend, at its own module path."""
    args = granian_args(free_port(), workers, "asgi")
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


def bare_granian(venv: Venv, work: Path, names: list[str], processes: dict[str, Any]) -> dict[str, Contender]:
    """The ``granian`` command line that the product renders for each process, run directly."""
    env = settings.environment(work, settings.OURS)
    env["PYTHONPATH"] += os.pathsep + str(EXAMPLE)
    done = subprocess.run(
        [venv.python, str(PRODUCT_ARGV), *names],
        cwd=EXAMPLE,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    contenders = {}
    for name, argv in json.loads(done.stdout).items():
        rendered = Command((venv.bin("granian"), *argv[1:]), EXAMPLE, env, _port(processes[name]))
        command = on_own_port(rendered)
        setup = " ".join(["granian", *command.argv[1:]])
        contenders[name] = Contender("granian", "bare granian", setup, command)
    return contenders


def on_own_port(command: Command) -> Command:
    """``command`` on a port of its own.

    Granian binds with SO_REUSEPORT: a second server given the port of a running one starts
    without error and the kernel splits the connections between the two, so each contender
    of a round needs its own port (the rendered command has the prodserver process's port).
    """
    argv = list(command.argv)
    port = free_port()
    argv[argv.index("--port") + 1] = str(port)
    return Command(tuple(argv), command.cwd, command.env, port)


def control(bare: Contender) -> Contender:
    """A second copy of ``bare`` on another port: how far apart two identical servers measure (A/A)."""
    return Contender("granian-control", "bare granian, second copy", bare.setup, on_own_port(bare.command))


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
