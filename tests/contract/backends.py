"""One :class:`~tests.contract.kit.Contract` per backend package: how a backend joins the contract tests."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from unittest import mock

from django_prodserver.args.base import BackendArgs

from ..unit.tls_files import write_tls_files
from .kit import Backend, Contract, handed_over

# Objects a Granian server creates for itself at run time; equal configurations give unequal instances.
GRANIAN_RUNTIME = {"_metrics", "_metrics_exporter", "main_loop_interrupt", "_env_loader"}


def granian_flags(backend: type[Backend]) -> set[str]:
    from granian.cli import cli

    return {param.opts[0].removeprefix("--") for param in cli.params if param.name is not None}


def granian_configuration(server: Any) -> dict[str, Any]:
    return {name: value for name, value in vars(server).items() if name not in GRANIAN_RUNTIME}


def granian_launch(backend: Backend, args: BackendArgs) -> dict[str, Any]:
    from granian.server import Server

    kwargs, _places = handed_over(backend, args)
    return granian_configuration(Server(**kwargs))


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


def gunicorn_files(directory: Path) -> None:
    write_tls_files(directory, "unused")
    (directory / "logging.ini").write_text(
        "[loggers]\nkeys=root\n[handlers]\nkeys=\n[formatters]\nkeys=\n[logger_root]\nhandlers=\n"
    )


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


def gunicorn_flags(backend: type[Backend]) -> set[str]:
    from gunicorn.config import KNOWN_SETTINGS  # type: ignore[import-untyped]

    return {
        next(flag for flag in setting.cli if flag.startswith("--"))[2:] for setting in KNOWN_SETTINGS if setting.cli
    }


def gunicorn_configuration(cfg: Any, target: str) -> dict[str, Any]:
    return {"APP_MODULE": target, **{name: setting.value for name, setting in cfg.settings.items()}}


def gunicorn_launch(backend: Backend, args: BackendArgs) -> dict[str, Any]:
    from django_prodserver.backends.gunicorn.launch import ProdserverApplication

    target, settings = handed_over(backend, args)
    return gunicorn_configuration(ProdserverApplication(target, settings).cfg, target)


def gunicorn_parse(argv: list[str]) -> dict[str, Any]:
    """As gunicorn's own command configures itself (``WSGIApplication``), without a config file or variable."""
    from gunicorn.config import Config

    cfg = Config()
    # As in a gunicorn started in this directory: its default chdir is where it was imported.
    cfg.set("chdir", os.getcwd())
    options = cfg.parser().parse_args(argv[1:])
    [target] = options.args
    cfg.set("default_proc_name", target)
    for name, value in vars(options).items():
        if value is not None and name != "args":
            cfg.set(name, value)
    return gunicorn_configuration(cfg, target)


GUNICORN = Contract(
    package="django_prodserver.backends.gunicorn",
    backends=("django_prodserver.backends.gunicorn.GunicornServer",),
    tool_flags=gunicorn_flags,
    decided=frozenset({"config", "paste", "paste-global", "print-config", "check-config", "daemon"}),
    launch=gunicorn_launch,
    parse=gunicorn_parse,
    samples=(
        {},
        {"address": "::1", "port": 0, "workers": 2, "threads": 4, "log-access": False, "backlog": 2048},
        {"bind": ["127.0.0.1:0", "unix:web.sock"], "access-logfile": "access.log", "sendfile": False},
        {
            "ssl-cert": "cert.pem",
            "ssl-key": "key.pem",
            "http-protocols": "h1,h2",
            "cert-reqs": 1,
            "ca-certs": "cert.pem",
        },
        {"worker-class": "asgi", "forwarded-allow-ips": "10.0.0.0/8,::1", "umask": "0022", "env": ["A=1", "B=2"]},
        {"preload_app": True, "keepalive": 5, "limit-request-field_size": 100, "log-config": "logging.ini"},
        {
            "pid": "web.pid",
            "worker-tmp-dir": ".",
            "no-control-socket": True,
            "max-requests": 100,
            "max-requests-jitter": 10,
        },
        {
            "proxy-protocol": "v2",
            "header-map": "refuse",
            "reload": True,
            "reload-extra-file": ["logging.ini"],
            "spew": False,
        },
    ),
    files=gunicorn_files,
    changed=("--workers", "3"),
)


from .servers_v3 import CONTRACTS as SERVERS_V3  # noqa: E402
from .uvicorn import UVICORN  # noqa: E402
from .workers import CELERY, DJANGO_Q2, DJANGO_TASKS, FLOWER  # noqa: E402

CONTRACTS: tuple[Contract, ...] = (GRANIAN, CELERY, FLOWER, DJANGO_TASKS, DJANGO_Q2, GUNICORN, UVICORN, *SERVERS_V3)
"""Every backend package's contract; a new backend adds its own here."""
