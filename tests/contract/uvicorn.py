"""The contract of the uvicorn backends: uvicorn's registry and parser are its click command (``uvicorn.main.main``).

The command line is parsed by that command, run up to ``uvicorn.main.run``'s last step: the ``Config`` it
builds is kept, and nothing serves (the server, its supervisors, the socket and the app import are stubbed).
The launch builds its ``Config`` with :func:`django_prodserver.backends.uvicorn.launch.build_config`.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any
from unittest import mock

from django_prodserver.args.base import BackendArgs

from ..unit.tls_files import write_tls_files
from .kit import Backend, Contract, handed_over


def uvicorn_flags(backend: type[Backend]) -> set[str]:
    from uvicorn.main import main

    return {param.opts[0].removeprefix("--") for param in main.params}


def uvicorn_configuration(config: Any) -> dict[str, Any]:
    configuration = dict(vars(config))
    # uvicorn 0.54's command hands each header as a list, 0.55's as a tuple (0.55 needs Python 3.11, so the
    # matrix runs both); Config unpacks either as a (name, value) pair.
    configuration["headers"] = [tuple(header) for header in configuration["headers"]]
    return configuration


def uvicorn_launch(backend: Backend, args: BackendArgs) -> dict[str, Any]:
    from django_prodserver.backends.uvicorn.launch import build_config

    kwargs, threads, _app_dir = handed_over(backend, args)
    return uvicorn_configuration(build_config(kwargs, threads))


class _Stub:
    """Stands for uvicorn's Server, Multiprocess and ChangeReload: keeps the config, serves nothing."""

    built: list[Any] = []
    started = True

    def __init__(self, config: Any, *args: Any, **kwargs: Any) -> None:
        self.built.append(config)

    def run(self, *args: Any, **kwargs: Any) -> None:
        return None


def uvicorn_parse(argv: list[str]) -> dict[str, Any]:
    from uvicorn.config import Config

    # The module: ``uvicorn.main`` is also the command's name in the package.
    main = importlib.import_module("uvicorn.main")
    _Stub.built = []
    with (
        mock.patch.object(main, "Server", _Stub),
        mock.patch.object(main, "Multiprocess", _Stub),
        mock.patch.object(main, "ChangeReload", _Stub),
        mock.patch.object(Config, "load_app", return_value=None),
        mock.patch.object(Config, "bind_socket", return_value=None),
    ):
        main.main.main(argv[1:], standalone_mode=False)
    config = _Stub.built[0]
    return uvicorn_configuration(config)


def uvicorn_files(directory: Path) -> None:
    write_tls_files(directory, "pa ss")
    (directory / "logging.json").write_text(json.dumps({"version": 1, "disable_existing_loggers": False}))
    (directory / ".env").write_text("PRODSERVER_CONTRACT=1\n")
    (directory / "src").mkdir()


UVICORN = Contract(
    package="django_prodserver.backends.uvicorn",
    backends=(
        "django_prodserver.backends.uvicorn.UvicornServer",
        "django_prodserver.backends.uvicorn.UvicornWSGIServer",
    ),
    tool_flags=uvicorn_flags,
    decided=frozenset({"app", "interface", "factory", "version"}),
    launch=uvicorn_launch,
    parse=uvicorn_parse,
    samples=(
        {},
        {"address": "::1", "port": 0, "workers": 2, "log-access": False, "backlog": 2048, "log-level": "warning"},
        {"ssl-cert": "cert.pem", "ssl-key": "key.pem", "ssl-keyfile-password": "pa ss", "ssl-cert-reqs": 1},
        {"ssl-certfile": "cert.pem", "ssl-keyfile": "key.pem", "ssl-ca-certs": "cert.pem", "ssl-ciphers": "ECDHE"},
        {"http": "h11", "ws": "wsproto", "ws-max-size": 1024, "ws-ping-interval": 5, "ws-per-message-deflate": False},
        {"header": ["X-A:1", "X-B: two"], "forwarded-allow-ips": "10.0.0.0/8,::1", "root-path": "/app"},
        {"proxy-headers": False, "server-header": False, "date-header": False, "use-colors": False},
        {"limit-concurrency": 100, "limit-max-requests": 1000, "limit-max-requests-jitter": 10},
        {"timeout-keep-alive": "1m", "timeout-graceful-shutdown": 30, "timeout-worker-healthcheck": 10},
        {"log-config": "logging.json", "env-file": ".env", "app-dir": "src", "lifespan": "auto", "loop": "asyncio"},
        {"reload": True, "reload-dir": ["src"], "reload-include": "*.html", "reload-exclude": ["*.tmp"]},
        {"reload": True, "reload-delay": 1.5, "h11-max-incomplete-event-size": 65536, "reset-contextvars": True},
        {"uds": "web.sock", "host": "127.0.0.1", "access-log": True, "fd": 3},
    ),
    files=uvicorn_files,
    changed=("--workers", "3"),
)
