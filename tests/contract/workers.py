"""The contracts of the worker backends: Celery (worker, beat), django-tasks' db_worker, django-q2's qcluster.

Each of these backends starts its tool by handing the rendered argv to the tool's own parser
(``app.start(argv)``, ``call_command(name, *argv)``), so ``launch`` parses the in-process argv and
``parse`` the copyable one, both with the tool's parser: the samples prove the tool accepts them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from django_prodserver.args.base import BackendArgs

from .kit import Backend, Contract

ROOT = Path(__file__).resolve().parents[2]
CELERY_APP = "django_prodserver.backends.celery.catalogue.app"
# Options that are not ARGS: the app (the process's APP key), the version, and prodserver's own flags.
CELERY_DECIDED = frozenset({"app", "version", "no-color", "skip-checks"})
DJANGO_OPTIONS = frozenset(
    {"version", "verbosity", "settings", "pythonpath", "traceback", "no-color", "force-color", "skip-checks", "help"}
)


def _click_flags(command: Any) -> set[str]:
    return {next(o for o in param.opts if o.startswith("--")).removeprefix("--") for param in command.params}


def celery_flags(backend: type[Backend]) -> set[str]:
    from celery.bin.beat import beat  # type: ignore[import-untyped]
    from celery.bin.celery import celery  # type: ignore[import-untyped]
    from celery.bin.worker import worker  # type: ignore[import-untyped]

    command = worker if backend.subcommand == "worker" else beat  # type: ignore[attr-defined]
    return _click_flags(celery) | _click_flags(command)


def celery_parse(argv: list[str]) -> dict[str, Any]:
    """Celery's click parameters for ``celery -A app [global] sub [options]``, without running anything."""
    from celery.bin.celery import celery

    index = next(i for i, token in enumerate(argv) if token in {"worker", "beat"})
    with celery.make_context("celery", argv[1:index], resilient_parsing=True) as top:
        command = celery.commands[argv[index]]
        with command.make_context(argv[index], argv[index + 1 :], parent=top, resilient_parsing=True) as sub:
            return {"global": dict(top.params), argv[index]: dict(sub.params)}


def celery_launch(backend: Backend, args: BackendArgs) -> dict[str, Any]:
    return celery_parse(["celery", *backend.command_line(args, reveal_secrets=True)[1:]])


# db_worker and qcluster load only in a project that installs their apps: they are read in a
# subprocess of the workers' test project, by the command's own argparse parser.
_READ_COMMAND = """
import json, sys, django
django.setup()
from django.core.management import load_command_class
command, options = sys.argv[1], sys.argv[2:]
app = {"db_worker": "django_tasks_db", "qcluster": "django_q"}[command]
parser = load_command_class(app, command).create_parser("manage.py", command)
flags = [next(o for o in a.option_strings if o.startswith("--"))[2:] for a in parser._actions if a.option_strings]
parsed = vars(parser.parse_args(options))
if "--worker-id" not in options:
    parsed.pop("worker_id", None)  # a random default
print(json.dumps({"flags": flags, "parsed": parsed}))
"""


def _read_command(command: str, options: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as directory:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.workers_project.settings",
            "WORKERS_DIR": directory,
            "PYTHONPATH": str(ROOT),
        }
        done = subprocess.run(
            [sys.executable, "-c", _READ_COMMAND, command, *options],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def argparse_flags(command: str) -> set[str]:
    return set(_read_command(command, [])["flags"]) - DJANGO_OPTIONS


def manage_parse(argv: list[str]) -> dict[str, Any]:
    """``python manage.py <command> [options]``, parsed by the command's own parser (the command found anywhere)."""
    command = next(token for token in argv if token in {"db_worker", "qcluster"})
    parsed: dict[str, Any] = _read_command(command, [token for token in argv[2:] if token != command])["parsed"]
    return parsed


def manage_launch(backend: Backend, args: BackendArgs) -> dict[str, Any]:
    return manage_parse(backend.command_line(args, reveal_secrets=True))


CELERY = Contract(
    package="django_prodserver.backends.celery",
    backends=("django_prodserver.backends.celery.CeleryWorker", "django_prodserver.backends.celery.CeleryBeat"),
    tool_flags=celery_flags,
    decided=CELERY_DECIDED,
    launch=celery_launch,
    parse=celery_parse,
    samples=({}, {"broker": "memory://", "loglevel": "INFO", "pidfile": "x.pid"}, {"quiet": True, "uid": "-1"}),
    changed=("--broker", "memory://changed"),
)
DJANGO_TASKS = Contract(
    package="django_prodserver.backends.django_tasks",
    backends=("django_prodserver.backends.django_tasks.DjangoTasksWorker",),
    tool_flags=lambda backend: argparse_flags("db_worker"),
    decided=frozenset(),
    launch=manage_launch,
    parse=manage_parse,
    samples=(
        {},
        {"queue-name": "*", "exclude-queues": ["a", "b"], "interval": 0.5, "batch": True, "reload": False},
        {"no-startup-delay": True, "max-tasks": 3, "worker-id": "w1", "backend": "default"},
    ),
    changed=("--interval", "7"),
)
DJANGO_Q2 = Contract(
    package="django_prodserver.backends.django_q2",
    backends=("django_prodserver.backends.django_q2.DjangoQ2Worker",),
    tool_flags=lambda backend: argparse_flags("qcluster"),
    decided=frozenset(),
    launch=manage_launch,
    parse=manage_parse,
    samples=({}, {"run-once": True, "name": "emails"}),
    changed=("--name", "other"),
)


# Flower: Celery's global options (click), then Flower's own (tornado's parser, ``--name=value``).
FLOWER_DECIDED = CELERY_DECIDED | {"help", "format-task"}
"""Besides Celery's: tornado's ``--help``, and ``format_task`` (a function, set in a configuration file)."""


def _tornado_options() -> Any:
    import flower.options  # type: ignore[import-untyped]  # noqa: F401  # defines Flower's options
    from tornado.options import options

    return options


def flower_flags(backend: type[Backend]) -> set[str]:
    from celery.bin.celery import celery

    return _click_flags(celery) | set(_tornado_options()._options)


def flower_parse(argv: list[str]) -> dict[str, Any]:
    """``celery -A app [global] flower [options]``: the global options by click, Flower's by a fresh tornado parser."""
    from celery.bin.celery import celery
    from tornado.options import OptionParser

    index = argv.index("flower")
    with celery.make_context("celery", argv[1:index], resilient_parsing=True) as top:
        parser = OptionParser()
        for known in _tornado_options()._options.values():
            if known.name == "help":
                continue  # every OptionParser defines it
            parser.define(
                known.name, default=known.default, type=known.type, multiple=known.multiple, group=known.group_name
            )
        parser.parse_command_line(["flower", *argv[index + 1 :]], final=False)
        return {"global": dict(top.params), "flower": parser.as_dict()}


def flower_launch(backend: Backend, args: BackendArgs) -> dict[str, Any]:
    return flower_parse(["celery", *backend.command_line(args, reveal_secrets=True)[1:]])


def flower_files(directory: Path) -> None:
    # The samples name these paths; the contract compares configurations and reads no file.
    for name in ("cert.pem", "key.pem"):
        (directory / name).write_text("")
    (directory / "flowerconfig.py").write_text("port = 5555\n")


FLOWER = Contract(
    package="django_prodserver.backends.celery",
    backends=("django_prodserver.backends.celery.CeleryFlower",),
    tool_flags=flower_flags,
    decided=FLOWER_DECIDED,
    launch=flower_launch,
    parse=flower_parse,
    samples=(
        {},
        {"address": "::1", "port": 0, "basic-auth": ["a:b", "c:d"], "debug": False, "xheaders": True},
        {"broker": "memory://", "certfile": "cert.pem", "keyfile": "key.pem", "logging": "DEBUG", "persistent": True},
        {"task-runtime-metric-buckets": "0.5,1,inf", "tasks-columns": "name,uuid", "inspect-timeout": 500.5},
        {"url-prefix": "-flower", "conf": "flowerconfig.py", "cookie-secret": "s e,cret", "log-rotate-when": "W0"},
    ),
    files=flower_files,
    changed=("--broker", "memory://changed"),
)
