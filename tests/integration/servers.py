"""Run ``python manage.py prodserver web`` of example/ in a subprocess, as a user would.

Each server gets its own directory holding a settings module (``from demo.settings import *``
plus PRODUCTION_PROCESSES on a free port), given with ``--settings`` and PYTHONPATH, and its
stdout and stderr, so that a failing test can show what the server printed.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from benchmarks.processes import port_is_free, run_ports

EXAMPLE_DIR = Path(__file__).resolve().parents[2] / "example"
ASGI = "django_prodserver.backends.granian.GranianASGIServer"
WSGI = "django_prodserver.backends.granian.GranianWSGIServer"
SETTINGS_MODULE = "prodserver_test_settings"

# Bounds, not expectations: a server is usually up in about a second.
READY_TIMEOUT = 20.0
EXIT_TIMEOUT = 10.0
POLL_INTERVAL = 0.05
REPLY_TIMEOUT = 2.0

# Settings for a test that must know when a request reached Django: request_started fires
# in the worker once Granian has accepted and parsed the request.
ANNOUNCE_REQUESTS = """
from django.core.signals import request_started


def _announce(sender, scope=None, environ=None, **kwargs):
    path = scope["path"] if scope is not None else environ["PATH_INFO"]
    print(f"request started: {path}", flush=True)


request_started.connect(_announce, weak=False)
"""


def _first_ephemeral_port() -> int:
    """The lowest port the kernel gives outgoing connections (and ``bind(0)``)."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def _ports_of_this_worker() -> Iterator[int]:
    """Ports below the ephemeral range, a block of its own for each pytest-xdist worker, in turn."""
    index = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    workers = max(int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")), index + 1)
    # PRODSERVER_TEST_PORTS="20000-24999": the range of this run, for several runs on one machine at once.
    first, end = run_ports() or (10000, _first_ephemeral_port() - 1)
    block = (end + 1 - first) // workers
    return itertools.cycle(range(first + index * block, first + (index + 1) * block))


_PORTS = _ports_of_this_worker()


def free_port() -> int:
    """A TCP port that nothing uses right now, and that no other test nor outgoing connection will take.

    ``bind(0)`` would pick an ephemeral port: between this probe and the server's own bind, another
    test's server (an xdist worker draws from the same range) or any client connection could take it,
    and a server that cannot bind its metrics port, say, never serves.
    """
    return next(port for port in _PORTS if port_is_free(port))


def wait_for(
    condition: Callable[[], bool],
    what: str,
    timeout: float = READY_TIMEOUT,
    explain: Callable[[], str] | None = None,
) -> None:
    """Poll ``condition`` until it holds; fail the test with ``what`` after ``timeout`` seconds.

    ``explain``: what the failure message adds (the server's output, the port's state), read at the timeout.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            details = f"\n{explain()}" if explain is not None else ""
            raise AssertionError(f"Timed out after {timeout:g} s waiting for {what}{details}")
        time.sleep(POLL_INTERVAL)


def shown(title: str, argv: Sequence[str]) -> str:
    """What ``argv`` prints, under a ``--- title ---`` line: a diagnostic quoted by a failure message."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"--- {title}: not available ({exc}) ---\n"
    return f"--- {title} ---\n{done.stdout}{done.stderr}"


def port_state(port: int) -> str:
    """What ``ss`` shows of TCP ``port``: who listens on it (on any address), and its connections.

    A wait for a server that never answers says why with it: another process listening on the port, a
    queue of connections nobody accepts (Recv-Q of the listener), or no listener at all.
    """
    filter_ = f"( sport = :{port} or dport = :{port} )"
    return shown(f"ss on port {port}", ["ss", "--tcp", "--all", "--numeric", "--processes", filter_])


def tail(text: str, lines: int = 40) -> str:
    """The last ``lines`` lines of ``text``: what a failure message quotes of a long log."""
    return "\n".join(text.splitlines()[-lines:]) + "\n"


def write_settings(
    directory: Path, database: Path, processes: Mapping[str, Any] | None = None, extra_settings: str = ""
) -> None:
    """The settings module of ``directory``: the demo's settings on the test database, ``processes``, extras."""
    database_setting = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(database)}}
    source = f"from demo.settings import *  # noqa: F403\n\nDATABASES = {database_setting!r}\n"
    if processes is not None:
        source += f"PRODUCTION_PROCESSES = {dict(processes)!r}\n"
    source += extra_settings
    (directory / f"{SETTINGS_MODULE}.py").write_text(source)


def manage_py(*argv: str) -> list[str]:
    """The argv of ``python manage.py ...`` with the settings module written by :func:`write_settings`."""
    return [sys.executable, "manage.py", *argv, "--settings", SETTINGS_MODULE]


def django_code(code: str) -> list[str]:
    """The argv of ``python -c`` running ``code`` after ``django.setup()``, in the environment's settings."""
    return [sys.executable, "-c", f"import django\ndjango.setup()\n{code}"]


def run_ok(
    argv: Sequence[str], env: Mapping[str, str], cwd: Path = EXAMPLE_DIR, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` (``manage.py``, ``python -c``) to its end; the test fails, showing its output, unless it exits 0."""
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, (
        f"$ {' '.join(argv)}\nexit {done.returncode}\n--- stdout ---\n{done.stdout}--- stderr ---\n{done.stderr}"
    )
    return done


def migrated_demo_database(directory: Path) -> Path:
    """The demo's database, migrated, in ``directory`` (with the settings module naming it)."""
    database = directory / "demo.sqlite3"
    write_settings(directory, database)
    run_ok(manage_py("migrate", "--verbosity", "0"), subprocess_env(directory))
    return database


@contextlib.contextmanager
def in_own_session(
    argv: Sequence[str], output: Path, env: Mapping[str, str], cwd: Path = EXAMPLE_DIR
) -> Iterator[subprocess.Popen[bytes]]:
    """``argv`` started in a session of its own, its stdout and stderr in ``output``; the session killed at the end.

    The whole session, even once ``argv`` has exited: a child it left behind (a pool process, a worker
    whose master died) would otherwise outlive the test and keep its port or its files.
    """
    with output.open("wb") as out:
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def subprocess_env(directory: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This environment, importing the settings module of ``directory`` (and no other settings)."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    # The repository root too: a checkout that is not the installed one (a git worktree) tests its own code.
    env["PYTHONPATH"] = os.pathsep.join([str(directory), str(EXAMPLE_DIR.parent)])
    env.update(extra or {})
    return env


def answers_200(port: int) -> bool:
    """Whether ``http://127.0.0.1:port/`` answers 200 now (refused, reset or timed out: not yet)."""
    try:
        return httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def printed_line(env: Mapping[str, str]) -> str:
    """The command line ``manage.py prodserver --dry-run`` prints (its last line), in ``env``'s settings."""
    return run_ok(manage_py("prodserver", "--dry-run"), env).stdout.strip().splitlines()[-1]


def serve_in_shell(line: str, env: Mapping[str, str], port: int) -> bytes:
    """Run ``line`` with ``/bin/sh``, as a user pasting it would; once it serves the demo's page on ``port``,
    stop it with SIGTERM. The test fails unless it served and then exited 0; its stderr."""
    shell = subprocess.Popen(
        ["/bin/sh", "-c", line],
        cwd=EXAMPLE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        wait_for(lambda: answers_200(port) or shell.poll() is not None, line, explain=lambda: port_state(port))
        response = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert (response.status_code, response.text) == (200, "Hello from Django\n")
    finally:
        shell.send_signal(signal.SIGTERM)
        _, errors = shell.communicate(timeout=EXIT_TIMEOUT)
    assert shell.returncode == 0, errors.decode(errors="replace")
    return errors


@dataclass
class ProdServer:
    """One ``manage.py prodserver web`` process and the files it wrote."""

    directory: Path
    port: int
    scheme: str = "http"
    command: tuple[str, ...] = ("prodserver", "web")
    """What ``manage.py`` runs: ``prodserver web``, or 3.x's ``server web``."""
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def stdout(self) -> str:
        return _read(self.directory / "stdout.txt")

    @property
    def stderr(self) -> str:
        return _read(self.directory / "stderr.txt")

    def url(self, path: str) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}{path}"

    def start(self, env: Mapping[str, str] | None = None) -> None:
        with (self.directory / "stdout.txt").open("wb") as out, (self.directory / "stderr.txt").open("wb") as err:
            self.process = subprocess.Popen(
                manage_py(*self.command),
                cwd=EXAMPLE_DIR,
                env=subprocess_env(self.directory, env),
                stdout=out,
                stderr=err,
                # Its own process group, so that a server that ignores SIGTERM is killed with its workers.
                start_new_session=True,
            )

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait_until_listening(self, timeout: float = READY_TIMEOUT) -> None:
        """Return once a worker answers connections; fail with the output if the server exits first."""
        wait_for(lambda: self._accepts() or not self.running(), f"a server on port {self.port}", timeout, self.explain)
        assert self.running(), f"The server exited with {self.returncode()} before listening:\n{self.output()}"

    def wait_for_output(self, text: str) -> None:
        wait_for(lambda: text in self.stdout + self.stderr, f"{text!r} in the server's output", explain=self.explain)

    def explain(self) -> str:
        """For a wait that timed out: the tail of what the server printed, its processes, and its port's state."""
        return f"{self.output(tail)}{self.processes()}{port_state(self.port)}"

    def processes(self) -> str:
        """The server's session as ``ps`` shows it: a worker missing, dead, or stuck (its WCHAN) shows here."""
        if self.process is None:
            return ""
        columns = "pid,ppid,stat,wchan:24,nlwp,etime,time,args"
        return shown(f"processes of session {self.process.pid}", ["ps", "-o", columns, "--sid", str(self.process.pid)])

    def wait_for_exit(self) -> int:
        """The exit code of a server expected to stop by itself; killed (and the test failed) if it does not."""
        assert self.process is not None
        try:
            return self.process.wait(EXIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"The server did not exit within {EXIT_TIMEOUT:g} s:\n{self.output()}") from None

    def stop(self, signum: int = signal.SIGTERM) -> int:
        """Send ``signum`` and return the exit code; the test fails if the server does not exit."""
        assert self.process is not None
        if self.running():
            self.process.send_signal(signum)
        return self.wait_for_exit()

    def shut_down(self) -> None:
        """Teardown: SIGTERM, then SIGKILL to the whole group if the server is still there; never raises.

        The group goes in any case: a process the server started and left behind (gunicorn's USR2 master,
        an orphaned worker) would otherwise keep running, and keep its port, after the test.
        """
        if self.process is None:
            return
        if self.running():
            self.process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(EXIT_TIMEOUT)
        self.kill()

    def kill(self) -> None:
        assert self.process is not None
        # The group goes too: workers orphaned by a killed main process would keep the port.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def returncode(self) -> int | None:
        return None if self.process is None else self.process.poll()

    def output(self, shorten: Callable[[str], str] = str) -> str:
        return f"--- stdout ---\n{shorten(self.stdout)}--- stderr ---\n{shorten(self.stderr)}"

    def _accepts(self) -> bool:
        """Whether a worker answers: any reply, or a close, to a request on a new connection.

        A bare connect is not enough: the main process binds the socket before it spawns the
        workers, so the kernel accepts connections before any worker serves them.  Any
        protocol works here (plain, HTTP/2 only or TLS): only a running worker reads and
        answers or closes, and a signal sent to a server still starting its workers can hit
        a Granian race (a worker that never stops, see docs/backends/granian.md).
        """
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=POLL_INTERVAL) as connection:
                connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                # Django's first response takes a while; a worker not running yet never answers.
                connection.settimeout(REPLY_TIMEOUT)
                connection.recv(1)
        except OSError:
            # Refused, reset or timed out (nobody read it yet): not ready.
            return False
        return True


def _read(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


@dataclass
class Launcher:
    """Starts servers, each in a fresh directory, and shuts every one of them down at the end."""

    make_directory: Callable[[], Path]
    database: Path
    servers: list[ProdServer] = field(default_factory=list)

    def start(
        self,
        backend: str = ASGI,
        args: Mapping[str, Any] | None = None,
        *,
        port: int | None = None,
        env: Mapping[str, str] | None = None,
        extra_settings: str = "",
        wait: bool = True,
        command: str = "prodserver",
    ) -> ProdServer:
        """Serve PRODUCTION_PROCESSES = {"web": {backend, ARGS: 127.0.0.1, a free port, args}}.

        ``wait``: return once it accepts connections (else right after starting it).
        ``command``: what ``manage.py`` runs the process with (``prodserver``, or 3.x's ``server``).
        """
        port = port or free_port()
        args = {**self.listen_args(port), **(args or {})}
        scheme = "https" if "ssl-cert" in args else "http"
        server = ProdServer(self.make_directory(), int(args.get("port", port)), scheme, (command, "web"))
        processes = {"web": {"BACKEND": backend, "ARGS": args}}
        write_settings(server.directory, self.database, processes, extra_settings)
        self.servers.append(server)
        server.start(env)
        if wait:
            server.wait_until_listening()
        return server

    def listen_args(self, port: int) -> dict[str, Any]:
        """The ARGS that make the server listen on 127.0.0.1:``port``, as the production servers take them."""
        return {"address": "127.0.0.1", "port": str(port)}

    def shut_down(self) -> None:
        for server in self.servers:
            server.shut_down()


def assert_fails_with(server: ProdServer, message: str) -> None:
    """The server stopped at start with ``message`` as its one line, exit 1, and no traceback."""
    assert server.wait_for_exit() == 1
    assert server.stderr.endswith(f"CommandError: {message}\n"), server.output()
    assert "Traceback" not in server.stdout + server.stderr
    assert "backtrace" not in server.stdout.lower()


def stop_with_a_request_in_flight(server: ProdServer, signum: int) -> tuple[int, httpx.Response]:
    """Stop ``server`` with ``signum`` while a 2-second request runs: its exit code, and that reply."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        in_flight = pool.submit(httpx.get, server.url("/slow/?seconds=2"), timeout=15)
        server.wait_for_output("request started: /slow/")
        returncode = server.stop(signum)
        return returncode, in_flight.result()
