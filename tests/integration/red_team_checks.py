"""Run ``manage.py`` commands of example/ on a whole PRODUCTION_PROCESSES, and read what ``check`` said.

Used by ``test_red_team.py``: many cases share one ``manage.py check`` (one process each, so
one run answers them all); a crashed shared run is bisected down to the case that crashes it,
so that one defect never hides the verdict on the others.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .servers import ASGI, EXAMPLE_DIR, SETTINGS_MODULE, manage_py, subprocess_env, write_settings

COMMAND_TIMEOUT = 60.0

_ENTRY = re.compile(r"^\?: \((?P<id>prodserver\.(?P<level>[EW])\d+)\) (?P<message>.*)$")
_PROCESS = re.compile(r"^PRODUCTION_PROCESSES\['(?P<name>[^']*)'\]")
_CRASHED = ("Traceback (most recent call last)", "panicked at")


@dataclass(frozen=True)
class Entry:
    """One message of Django's check output."""

    id: str
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.id.startswith("prodserver.E")

    @property
    def process(self) -> str | None:
        """The process the message is about (None for the setting itself or a command-line option)."""
        match = _PROCESS.match(self.message)
        return match["name"] if match else None

    def names(self, key: str) -> bool:
        """Whether the message is located at ARGS key ``key`` (or an item of it)."""
        return f"['ARGS'][{key!r}]" in self.message


def entries(output: str) -> list[Entry]:
    found: list[Entry] = []
    for line in output.splitlines():
        match = _ENTRY.match(line.strip())
        if match:
            found.append(Entry(match["id"], match["message"]))
        elif line.strip().startswith("HINT: ") and found and not found[-1].hint:
            found[-1] = Entry(found[-1].id, found[-1].message, line.strip().removeprefix("HINT: "))
    return found


def crashed(output: str) -> bool:
    return any(marker in output for marker in _CRASHED)


@dataclass(frozen=True)
class Run:
    """A finished ``manage.py`` command."""

    argv: Sequence[str]
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    @cached_property
    def entries(self) -> list[Entry]:
        return entries(self.output)

    def about(self, process: str) -> list[Entry]:
        return [entry for entry in self.entries if entry.process == process]

    def describe(self) -> str:
        command = " ".join(self.argv)
        return f"$ {command}\nexit {self.returncode}\n--- stdout ---\n{self.stdout}--- stderr ---\n{self.stderr}"


def run_manage(
    directory: Path,
    *argv: str,
    env: Mapping[str, str] | None = None,
    settings_option: bool = True,
) -> Run:
    """``python manage.py <argv>`` in example/, with the settings module written in ``directory``."""
    command = manage_py(*argv) if settings_option else [sys.executable, "manage.py", *argv]
    done = subprocess.run(
        command,
        cwd=EXAMPLE_DIR,
        env=subprocess_env(directory, env),
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
    )
    return Run(command[1:], done.returncode, done.stdout, done.stderr)


def process(args: Mapping[str, Any], backend: str = ASGI) -> dict[str, Any]:
    return {"BACKEND": backend, "ARGS": dict(args)}


@dataclass
class Cases:
    """Named groups of processes, checked together by one ``manage.py check`` (bisected if that crashes).

    Each group is usually one process named like the group; a group of several processes shows
    what only a whole setting shows (two processes sharing a port).  Every process gets its own
    port (and metrics port) unless its ARGS give one, so that groups never collide.
    """

    directory_factory: Any
    """A callable returning a fresh directory (``tmp_path_factory.mktemp``)."""
    database: Path
    groups: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    _ports: Any = field(default_factory=lambda: itertools.count(20000, 2))
    _runs: dict[tuple[str, ...], Run] = field(default_factory=dict)
    _shared_directory: Path | None = None

    def add(self, name: str, args: Mapping[str, Any], backend: str = ASGI) -> str:
        return self.add_group(name, {name: process(args, backend)})

    def add_group(self, name: str, processes: Mapping[str, Mapping[str, Any]]) -> str:
        assert name not in self.groups, f"two cases named {name!r}"
        self.groups[name] = {key: self._with_ports(dict(config)) for key, config in processes.items()}
        return name

    def _with_ports(self, config: dict[str, Any]) -> dict[str, Any]:
        args = config.get("ARGS")
        if not isinstance(args, dict):
            return config
        port = next(self._ports)
        args = {"address": "127.0.0.1", "port": port, **args}
        if args.get("metrics") is True and "metrics-port" not in args:
            args["metrics-port"] = port + 1
        return {**config, "ARGS": args}

    def all_processes(self) -> dict[str, dict[str, Any]]:
        return {key: config for group in self.groups.values() for key, config in group.items()}

    @property
    def shared_directory(self) -> Path:
        """The directory of the settings module holding every case (written once)."""
        if self._shared_directory is None:
            self._shared_directory = self.directory_factory()
            write_settings(self._shared_directory, self.database, self.all_processes())
        return self._shared_directory

    def check(self, name: str) -> Run:
        """``manage.py check``'s verdict on group ``name``: one run for every group, unless that crashes.

        A crashed run is bisected: the half holding ``name`` runs alone, and so on, so that one
        crashing case costs a few runs and never hides the verdict on the others.
        """
        batch = tuple(self.groups)
        while True:
            run = self._check(batch)
            if (not crashed(run.output) and _finished(run)) or len(batch) == 1:
                return run
            half = batch[: len(batch) // 2]
            batch = half if name in half else batch[len(batch) // 2 :]

    def _check(self, batch: tuple[str, ...]) -> Run:
        if batch not in self._runs:
            if batch == tuple(self.groups):
                directory = self.shared_directory
            else:
                directory = self.directory_factory()
                processes = {key: config for group in batch for key, config in self.groups[group].items()}
                write_settings(directory, self.database, processes)
            self._runs[batch] = run_manage(directory, "check")
        return self._runs[batch]

    def prodserver(self, name: str, *argv: str) -> Run:
        """``manage.py prodserver <name> <argv>`` on the settings module of every case."""
        return run_manage(self.shared_directory, "prodserver", name, *argv)


def _finished(run: Run) -> bool:
    """Whether Django's check ran to its summary (it did not die half-way)."""
    return "System check identified" in run.output


__all__ = ["SETTINGS_MODULE", "Cases", "Entry", "Run", "crashed", "entries", "process", "run_manage"]
