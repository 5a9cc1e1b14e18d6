"""One :class:`~tests.contract.kit.Contract` per backend package: how a backend joins the contract tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from unittest import mock

from django_prodserver.args.base import BackendArgs

from ..unit.tls_files import write_tls_files
from .kit import Backend, Contract

# Objects a Granian server creates for itself at run time; equal configurations give unequal instances.
GRANIAN_RUNTIME = {"_metrics", "_metrics_exporter", "main_loop_interrupt", "_env_loader"}


def granian_flags(backend: type[Backend]) -> set[str]:
    from granian.cli import cli

    return {param.opts[0].removeprefix("--") for param in cli.params if param.name is not None}


def granian_configuration(server: Any) -> dict[str, Any]:
    return {name: value for name, value in vars(server).items() if name not in GRANIAN_RUNTIME}


def granian_launch(backend: Backend, args: BackendArgs) -> dict[str, Any]:
    from granian.server import Server

    from django_prodserver.backends.granian import rendering

    return granian_configuration(Server(**rendering.server_kwargs(backend.invocation(args))))  # type: ignore[attr-defined]


def granian_parse(argv: list[str]) -> dict[str, Any]:
    from granian import cli
    from granian.server import Server

    built: list[Any] = []
    with mock.patch.object(Server, "serve", lambda self, *args, **kwargs: built.append(self)):
        cli.cli.main(argv[1:], standalone_mode=False)
    [server] = built
    return granian_configuration(server)


def granian_files(directory: Path) -> None:
    write_tls_files(directory, "pa ss")
    (directory / "static").mkdir()
    (directory / "logging.json").write_text(json.dumps({"version": 1, "disable_existing_loggers": False}))


GRANIAN = Contract(
    package="django_prodserver.backends.granian",
    backends=(
        "django_prodserver.backends.granian.GranianASGIServer",
        "django_prodserver.backends.granian.GranianWSGIServer",
    ),
    tool_flags=granian_flags,
    decided=frozenset({"app", "interface", "version"}),
    launch=granian_launch,
    parse=granian_parse,
    samples=(
        {},
        {"address": "::1", "port": 0, "workers": 2, "http": "1", "log-access": False, "backlog": 2048},
        {"ssl-cert": "cert.pem", "ssl-key": "key.pem", "ssl-keyfile-password": "pa ss", "http": 2},
        {"static-path-mount": "static", "log-config": "logging.json", "workers-lifetime": "1h"},
    ),
    files=granian_files,
    changed=("--workers", "3"),
)

CONTRACTS: tuple[Contract, ...] = (GRANIAN,)
"""Every backend package's contract; a new backend adds its own here."""
