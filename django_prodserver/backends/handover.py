"""The hand-over: ``manage.py prodserver`` validates, then replaces itself with a fresh interpreter running the tool.

The process that validated holds Django, the project (the checks import its URLconf and views),
pydantic and the models.  A server that forks its workers from there gives them that old code
after a ``HUP`` and keeps it all in its master.  So the backend's ``run()`` computes the tool's
configuration and calls :func:`hand_over`, which replaces the process with ``python -m <launcher>``
(``exec``: same pid, same signals, same file descriptors 0-2): the launcher module reads the
configuration back with :func:`taken_over`, imports only the tool, and starts it as the tool's
own command does.  Start faults it finds are one line, as the command's were (:func:`launched`).

Standard library only, like every launcher: nothing here may import Django or pydantic.
"""

from __future__ import annotations

import base64
import gc
import importlib
import json
import os
import pickle
import sys
from collections.abc import Callable
from typing import Any, NoReturn

VARIABLE = "PRODSERVER_LAUNCH"
"""The environment variable that carries the configuration across ``exec``."""

STARTING_ENVIRONMENT = "/proc/self/environ"
"""Where Linux keeps the environment this process was started with (``os.environ`` is changed since)."""


class ServerStartError(Exception):
    """The process could not start; the message is one line for the user, no traceback."""


def freeze_before_fork() -> None:
    """Call right before a server forks its workers from this process.

    What this process holds (the tool, and the project when it preloads it) is frozen: those
    objects are skipped by every garbage collection in the forked workers, and their pages stay
    shared.  Without it, each full collection in a worker scans that heap (4-7% of Granian's ASGI
    throughput when it ran in the validating process).
    """
    gc.freeze()


def host_and_port(host: str, port: int) -> str:
    """Where a server listens, as users read it (``[::1]:8000``): ``args.common.host_and_port``, which
    the launchers cannot import (``args`` imports pydantic).  tests/unit/test_handover.py keeps them equal."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def encoded(configuration: object) -> str:
    """The configuration as the variable's value: the sys.path to read it with, and the pickled object.

    Pickle, not JSON: Granian's keywords hold enums and settings objects, gunicorn's may hold the
    project's hooks.  Only this package writes it, for the process it becomes.
    """
    pickled = base64.b64encode(pickle.dumps(configuration)).decode("ascii")
    return json.dumps({"path": sys.path, "configuration": pickled})


def decoded(value: str) -> Any:
    """The configuration :func:`encoded` wrote; sys.path is the validating process's first, as the hooks need it."""
    carried = json.loads(value)
    sys.path[:] = carried["path"]
    return pickle.loads(base64.b64decode(carried["configuration"]))  # written by encoded()


def hand_over(launcher: str, configuration: object) -> NoReturn:
    """Replace this process with ``python -m launcher``, which reads ``configuration`` (:func:`taken_over`)."""
    if sys.platform == "win32":
        # Windows has no exec: os.execve starts another process and ends this one, which a service
        # manager reads as the server exiting.  The launcher runs here instead (waitress, there).
        os.environ[VARIABLE] = encoded(configuration)
        importlib.import_module(launcher).main()
        sys.exit(0)  # main() exits; a launcher without one must not return into the command
    environment = {**server_environment(), VARIABLE: encoded(configuration)}
    # What the checks printed is still in the buffers, which exec discards.
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable, "-m", launcher], environment)


def server_environment() -> dict[str, str]:
    """This process's environment for the server, with ``TZ`` as the command was started with.

    Django's settings set ``TZ`` to ``TIME_ZONE`` in every process that loads them.  The bare
    server's master never does: it logs in the machine's time zone, its workers (which load the
    settings) in ``TIME_ZONE``; so must ours.  The starting environment is read where the system
    keeps it (Linux's ``/proc``); elsewhere ``TZ`` stays as Django left it.
    """
    environment = dict(os.environ)
    try:
        with open(STARTING_ENVIRONMENT, "rb") as initial:
            entries = initial.read().split(b"\0")
    except OSError:
        return environment
    start = dict(entry.split(b"=", 1) for entry in entries if b"=" in entry)
    environment.pop("TZ", None)
    if b"TZ" in start:
        environment["TZ"] = os.fsdecode(start[b"TZ"])
    return environment


def taken_over(*, keep: bool = False) -> Any:
    """The configuration handed over; the variable is removed unless ``keep`` (gunicorn re-executes itself)."""
    value = os.environ[VARIABLE] if keep else os.environ.pop(VARIABLE)
    return decoded(value)


def launched(serve: Callable[[], None]) -> NoReturn:
    """Run a launcher's ``serve``: a start fault is one line and status 1, as ``manage.py`` reports a CommandError."""
    try:
        serve()
    except ServerStartError as error:
        print(f"CommandError: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
    except KeyboardInterrupt:
        # Ctrl-C before the tool took over the signals.
        print("Interrupted.", file=sys.stderr, flush=True)
        sys.exit(130)
    sys.exit(0)
