"""Rendering a validated model: the ``granian`` argv, the ``Server`` keywords, the address."""

from __future__ import annotations

from pathlib import Path

import pytest
from granian.constants import HTTPModes, Interfaces
from granian.http import HTTP1Settings, HTTP2Settings
from granian.log import LogLevels

from django_prodserver.args.forwarding import forwarded
from django_prodserver.backends.granian import GranianASGIArgs, GranianWSGIArgs
from django_prodserver.backends.granian.rendering import (
    FORWARDING,
    Invocation,
    command_line,
    listeners,
    server_kwargs,
)
from django_prodserver.backends.listening import Listener

SEED_ARGV = [
    "--host", "127.0.0.1", "--port", "8000", "--backlog", "1024", "--http", "auto", "--workers", "1",
    "--log-level", "info", "--access-log",
]  # fmt: skip


def values(argv: list[str], flag: str) -> list[str]:
    """The values given to each occurrence of ``flag``."""
    return [argv[index + 1] for index, token in enumerate(argv) if token == flag]


def asgi(**raw: object) -> Invocation:
    return Invocation("demo.asgi:application", "asginl", GranianASGIArgs.model_validate(raw))


def wsgi(**raw: object) -> Invocation:
    return Invocation("demo.wsgi:application", "wsgi", GranianWSGIArgs.model_validate(raw))


def test_seed_defaults_are_always_passed_and_nothing_else() -> None:
    assert command_line(asgi()) == [
        "granian", "--interface", "asginl", *SEED_ARGV, "--blocking-threads", "1", "demo.asgi:application",
    ]  # fmt: skip


def test_wsgi_threads_are_granians_blocking_threads() -> None:
    assert command_line(wsgi(threads="4"))[-3:] == ["--blocking-threads", "4", "demo.wsgi:application"]


def test_asgi_threads_are_not_passed() -> None:
    assert command_line(asgi(threads="4")) == command_line(asgi())


def test_options_set_to_granians_default_are_still_passed() -> None:
    assert "--runtime-threads" in command_line(asgi(**{"runtime-threads": 1}))


def test_booleans_enums_and_durations() -> None:
    argv = command_line(
        asgi(**{"log-access": "False", "ws": False, "reload": True, "http": 2, "workers-lifetime": "1h"})
    )
    assert {"--no-access-log", "--no-ws", "--reload"} <= set(argv)
    assert values(argv, "--http") == ["2"]
    assert values(argv, "--workers-lifetime") == ["3600"]


def test_unix_socket_permissions_are_octal() -> None:
    assert values(command_line(asgi(**{"uds-permissions": "0660"})), "--uds-permissions") == ["0660"]


def test_repeatable_options_repeat_with_absolute_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    argv = command_line(asgi(**{"reload-paths": ["src", "/etc/app"], "reload-ignore-dirs": "node_modules"}))
    assert values(argv, "--reload-paths") == [str(tmp_path / "src"), "/etc/app"]
    assert values(argv, "--reload-ignore-dirs") == ["node_modules"]


def test_a_value_that_looks_like_a_flag_is_attached() -> None:
    assert "--access-log-fmt=-%(addr)s" in command_line(asgi(**{"access-log-fmt": "-%(addr)s"}))


def test_the_key_password_is_masked_unless_revealed() -> None:
    invocation = asgi(**{"ssl-keyfile-password": "hunter2"})
    assert values(command_line(invocation), "--ssl-keyfile-password") == ["********"]
    assert values(command_line(invocation, reveal_secrets=True), "--ssl-keyfile-password") == ["hunter2"]


def test_forwarded_leaves_unset_options_out() -> None:
    names = [option.meta.name for option in forwarded(asgi(metrics=True).args, FORWARDING)]
    assert names == [
        "address", "port", "backlog", "http", "workers", "log-level", "log-access", "metrics", "blocking-threads",
    ]  # fmt: skip


def test_server_kwargs_use_granians_types() -> None:
    kwargs = server_kwargs(wsgi(http="2", **{"log-level": "debug", "ssl-crl": ["a.crl"], "http1-keep-alive": False}))
    assert kwargs["interface"] is Interfaces.WSGI
    assert kwargs["http"] is HTTPModes.http2
    assert kwargs["log_level"] is LogLevels.debug
    assert kwargs["ssl_crl"] == (Path("a.crl").absolute(),)
    assert kwargs["http1_settings"] == HTTP1Settings(keep_alive=False)
    assert kwargs["http2_settings"] == HTTP2Settings()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({}, (Listener("port", "tcp", "127.0.0.1:8000"),)),
        ({"address": "::", "port": 9000}, (Listener("port", "tcp", "[::]:9000"),)),
        ({"uds": "/run/web.sock", "port": 9000}, (Listener("uds", "unix", "unix:/run/web.sock"),)),
        (
            {"metrics": True, "metrics-port": 9090},
            (
                Listener("port", "tcp", "127.0.0.1:8000"),
                Listener("metrics_port", "tcp", "127.0.0.1:9090", serves=False),
            ),
        ),
    ],
)
def test_listeners(raw: dict[str, object], expected: tuple[Listener, ...]) -> None:
    assert listeners(GranianASGIArgs.model_validate(raw)) == expected
