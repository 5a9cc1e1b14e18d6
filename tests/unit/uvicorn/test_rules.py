"""uvicorn's own rules, by their exact messages, each with a passing twin; and what the models accept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from django_prodserver.backends.uvicorn import rules
from django_prodserver.rules import packages
from django_prodserver.validation import validate_process

from ..tls_files import write_tls_files

ASGI = "django_prodserver.backends.uvicorn.UvicornServer"
WSGI = "django_prodserver.backends.uvicorn.UvicornWSGIServer"
ARGS = "PRODUCTION_PROCESSES['web']['ARGS']"


def messages(args: dict[str, Any], backend: str = ASGI, *, starting: bool = False) -> list[tuple[str, str]]:
    report = validate_process("web", {"BACKEND": backend, "ARGS": args}, starting=starting)
    return [(problem.id, problem.message) for problem in report.problems if not problem.deploy]


@pytest.mark.parametrize(
    ("args", "backend", "expected"),
    [
        (
            {"http2": True},
            ASGI,
            (
                "prodserver.E090",
                f"{ARGS}['http2'] is True without http 'zttp': uvicorn refuses to start "
                "(HTTP/2 needs its zttp implementation).",
            ),
        ),
        (
            {"lifespan": "on"},
            WSGI,
            (
                "prodserver.E092",
                f"{ARGS}['lifespan'] is 'on', but a WSGI application has no lifespan: uvicorn's startup fails.",
            ),
        ),
        (
            {"header": ["X-A:1", "X-Frame-Options DENY"]},
            ASGI,
            (
                "prodserver.E093",
                f"{ARGS}['header'] has 'X-Frame-Options DENY', not 'Name:Value': uvicorn fails at start.",
            ),
        ),
        (
            {"reload": True, "workers": 2},
            ASGI,
            (
                "prodserver.W090",
                f"{ARGS}['workers'] is more than 1 with reload: uvicorn ignores workers when reloading and runs one.",
            ),
        ),
        ({"workers": "0"}, ASGI, ("prodserver.W091", f"{ARGS}['workers'] is 0: uvicorn runs 1 worker instead.")),
        (
            {"fd": 3, "host": "127.0.0.1"},
            ASGI,
            ("prodserver.W092", f"{ARGS}['host'] is ignored: uvicorn listens on fd (3) instead."),
        ),
        (
            {"uds": "web.sock", "fd": 3},
            ASGI,
            ("prodserver.W092", f"{ARGS}['fd'] is ignored: uvicorn listens on uds ('web.sock') instead."),
        ),
        (
            {"ws_ping_interval": 5},
            WSGI,
            (
                "prodserver.W093",
                f"{ARGS}['ws_ping_interval'] is ignored: uvicorn serves no websockets to a WSGI application.",
            ),
        ),
        (
            {"threads": 4},
            ASGI,
            (
                "prodserver.W094",
                f"{ARGS}['threads'] is ignored by the ASGI backend: each worker runs one event loop.",
            ),
        ),
        (
            {"reload-include": "*.html"},
            ASGI,
            ("prodserver.W046", f"{ARGS}['reload-include'] has no effect without reload."),
        ),
    ],
    ids=lambda value: value[0] if isinstance(value, tuple) else None,
)
def test_a_rule_reports_its_problem(args: dict[str, Any], backend: str, expected: tuple[str, str]) -> None:
    assert messages(args, backend) == [expected]


@pytest.mark.parametrize(
    ("args", "backend"),
    [
        ({"http2": True, "http": "zttp"}, ASGI),
        ({"lifespan": "auto"}, ASGI),
        ({"header": ["X-A:1", "X-Frame-Options: DENY"]}, ASGI),
        ({"reload": True}, ASGI),
        ({"workers": 4}, ASGI),
        ({"fd": 3}, ASGI),
        ({"ws_ping_interval": 5}, ASGI),
        ({"threads": 4}, WSGI),
        ({"reload-include": "*.html", "reload": True}, ASGI),
    ],
)
def test_the_twin_passes(args: dict[str, Any], backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "installed", lambda module: True)
    # HTTP/2 passes on a uvicorn that answers it (Python 3.10 installs 0.54, which hangs: W098).
    monkeypatch.setattr(rules, "uvicorn_version", lambda: "0.55.0")
    monkeypatch.setattr(packages, "installed", lambda module: True)
    assert messages(args, backend) == []


def test_a_key_without_its_certificate(tmp_path: Path) -> None:
    _, key = write_tls_files(tmp_path, "secret")

    assert messages({"ssl-key": str(key)}) == [
        (
            "prodserver.E091",
            f"{ARGS}['ssl-key'] is set without ssl-cert: uvicorn cannot serve TLS with a key alone and fails at start.",
        )
    ]


def test_a_certificate_without_its_key_must_hold_it(tmp_path: Path) -> None:
    cert, key = write_tls_files(tmp_path, "secret")
    both = tmp_path / "both.pem"
    both.write_bytes(cert.read_bytes() + key.read_bytes())

    assert messages({"ssl-cert": str(cert)}) == [
        (
            "prodserver.E052",
            f"{ARGS}['ssl-cert'] or ssl-key cannot be loaded (not PEM, or a wrong ssl-keyfile-password).",
        )
    ]
    assert messages({"ssl-cert": str(both), "ssl-keyfile-password": "secret"}) == []


def test_a_client_protocol_serves_nobody(tmp_path: Path) -> None:
    cert, key = write_tls_files(tmp_path, "secret")
    tls = {"ssl-cert": str(cert), "ssl-key": str(key), "ssl-keyfile-password": "secret"}

    assert messages({**tls, "ssl-version": 16}) == [
        ("prodserver.E094", f"{ARGS}['ssl-version'] is 16, a client-side protocol: no TLS connection is ever accepted.")
    ]
    assert messages({**tls, "ssl-version": 99}) == [
        ("prodserver.E094", f"{ARGS}['ssl-version'] is 99, not a protocol of Python's ssl module.")
    ]
    assert messages({**tls, "ssl-version": 17}) == []


def test_uvicorn_variables_are_reported_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UVICORN_PORT", "9000")
    monkeypatch.setenv("UVICORN_HTTP", "h11")

    assert messages({}) == [
        (
            "prodserver.W095",
            f"{ARGS} are the whole configuration: prodserver ignores {name}, which uvicorn's command would read.",
        )
        for name in ("UVICORN_HTTP", "UVICORN_PORT")
    ]


def test_wsgi_without_a2wsgi_uses_uvicorns_deprecated_adapter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "installed", lambda module: module != "a2wsgi")

    assert messages({}, WSGI) == [
        (
            "prodserver.W096",
            "PRODUCTION_PROCESSES['web']['BACKEND'] serves WSGI with uvicorn's own adapter, deprecated, "
            "as a2wsgi is not installed.",
        )
    ]


def test_threads_the_command_line_cannot_give_are_said_when_starting() -> None:
    expected = (
        "prodserver.W097",
        f"{ARGS}['threads'] has no uvicorn flag: prodserver applies it, the equivalent uvicorn line cannot.",
    )
    assert messages({"threads": 4}, WSGI, starting=True) == [expected]
    assert messages({"threads": 4}, WSGI) == []
    assert messages({"threads": 10}, WSGI, starting=True) == []


def test_a_yaml_log_config_needs_pyyaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "logging.yaml"
    config.write_text("version: 1\n")
    monkeypatch.setattr(rules, "installed", lambda module: module != "yaml")

    assert messages({"log-config": str(config)}) == [
        ("prodserver.E060", f"{ARGS}['log-config'] needs the yaml package, which is not installed.")
    ]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({"log-level": "verbose"}, ("prodserver.E024", "['log-level'] is 'verbose'; expected ")),
        ({"port": 70000}, ("prodserver.E023", "['port'] is 70000; expected between 0 and 65535.")),
        ({"host": "0.0.0.0", "address": "127.0.0.1"}, ("prodserver.E021", "gives address again")),
        ({"ssl-cert": "a.pem", "ssl-certfile": "b.pem"}, ("prodserver.E021", "gives ssl-cert again")),
        ({"interface": "asgi2"}, ("prodserver.E020", "['interface'] is not an option of UvicornServer")),
        ({"factory": True}, ("prodserver.E020", "['factory'] is not an option of UvicornServer")),
        ({"wokers": 2}, ("prodserver.E020", "did you mean 'workers'?")),
    ],
)
def test_the_model_refuses(args: dict[str, Any], expected: tuple[str, str]) -> None:
    [(check_id, message)] = [found for found in messages(args) if found[0] == expected[0]]
    assert (check_id, expected[1] in message) == (expected[0], True), message


def test_strings_are_coerced_and_native_spellings_work() -> None:
    from django_prodserver.backends.uvicorn import UvicornASGIArgs

    args = UvicornASGIArgs.model_validate(
        {
            "host": "::1",
            "port": "9000",
            "access_log": "false",
            "ws-per-message-deflate": "0",
            "timeout-keep-alive": "1m",
        }
    )
    assert (args.address, args.port, args.log_access, args.ws_per_message_deflate, args.timeout_keep_alive) == (
        "::1",
        9000,
        False,
        False,
        60,
    )


@pytest.mark.parametrize(
    ("version", "hangs"), [("0.54.0", True), ("0.53.2", True), ("0.55.0", False), ("0.55.0rc1", False), ("1.0", False)]
)
def test_http2_on_a_uvicorn_that_hangs_on_body_less_requests(
    version: str, hangs: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules, "uvicorn_version", lambda: version)
    monkeypatch.setattr(packages, "installed", lambda module: True)
    expected = (
        "prodserver.W098",
        f"{ARGS}['http2'] is True with uvicorn {version}, whose HTTP/2 never answers a request without a body: "
        "every GET hangs.",
    )

    assert messages({"http": "zttp", "http2": True}) == ([expected] if hangs else [])


@pytest.mark.parametrize(
    ("header", "why"),
    [
        ("X A:1", "whose name 'X A' is not an HTTP field name: every response then fails"),
        ("X-A :1", "whose name 'X-A ' is not an HTTP field name: every response then fails"),
        ("X-A:a\x07b", "whose value holds a control character: every response then fails"),
        ("X-A:\u20ac", "whose value is not Latin-1: uvicorn encodes its headers so, and fails at start"),
    ],
)
def test_a_header_uvicorn_cannot_send_is_e093(header: str, why: str) -> None:
    from django_prodserver.rules.text import shown

    assert messages({"header": ["X-Ok:1", header]}) == [
        ("prodserver.E093", f"{ARGS}['header'] has {shown(header)}, {why}.")
    ]


def test_header_values_lose_the_whitespace_around_them() -> None:
    # h11 refuses to send 'X-A: 1' (a value may not start with whitespace): every response would fail.
    from django_prodserver.backends.uvicorn import UvicornASGIArgs

    args = UvicornASGIArgs.model_validate({"header": ["X-A: 1 ", "X-B:\ttwo words\t", "X-C:\u00e9", "X-D:"]})

    assert args.header == ["X-A:1", "X-B:two words", "X-C:\u00e9", "X-D:"]
    assert messages({"header": args.header}) == []


def test_an_fd_that_is_not_an_open_socket_is_e096_at_start(tmp_path: Path) -> None:
    import os
    import socket

    with open(tmp_path / "file", "w") as file, socket.socket() as listener:
        closed = os.dup(file.fileno())
        os.close(closed)
        assert messages({"fd": closed}, starting=True) == [
            ("prodserver.E096", f"{ARGS}['fd'] is {closed}, which is not open in this process: uvicorn fails at start.")
        ]
        assert messages({"fd": file.fileno()}, starting=True) == [
            (
                "prodserver.E096",
                f"{ARGS}['fd'] is {file.fileno()}, which is open, but not a socket: uvicorn fails at start.",
            )
        ]
        assert messages({"fd": listener.fileno()}, starting=True) == []
        # `check` runs in another process than the one the socket is passed to: it cannot judge the fd.
        assert messages({"fd": closed}) == []
