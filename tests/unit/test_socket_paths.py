"""One rule for every server's Unix socket path: a file that is not a socket is refused (W050, E050 at start).

Servers replace a stale socket only: gunicorn raises "is not a socket", uvicorn, waitress and Flower
fail the bind with EADDRINUSE, gunicorn's control socket would delete the file.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from django_prodserver.validation import validate_process

APP = "django_prodserver.backends.celery.catalogue.app"
SERVERS = [
    ("django_prodserver.backends.gunicorn.GunicornServer", "bind", "unix:{}", "['bind'][0] names the socket"),
    ("django_prodserver.backends.gunicorn.GunicornServer", "control-socket", "{}", "['control-socket'] names"),
    ("django_prodserver.backends.uvicorn.UvicornServer", "uds", "{}", "['uds'] names"),
    ("django_prodserver.backends.waitress.WaitressServer", "unix-socket", "{}", "['unix-socket'] names"),
    ("django_prodserver.backends.celery.CeleryFlower", "unix-socket", "{}", "['unix-socket'] names"),
]


def socket_problems(backend: str, key: str, value: str, *, starting: bool) -> list[tuple[str, str, str | None]]:
    config: dict[str, Any] = {"BACKEND": backend, "APP": APP, "ARGS": {key: value}} if "Flower" in backend else {}
    config = config or {"BACKEND": backend, "ARGS": {key: value}}
    report = validate_process("web", config, starting=starting)
    return [(p.id, p.message, p.hint) for p in report.problems if p.id in ("prodserver.W050", "prodserver.E050")]


@pytest.mark.parametrize(("backend", "key", "form", "where"), SERVERS)
def test_a_regular_file_at_the_socket_path_is_refused(
    backend: str, key: str, form: str, where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    taken = Path("web.sock")
    taken.write_text("")
    message = (
        f"PRODUCTION_PROCESSES['web']['ARGS']{where} '{taken}', which is a file, not a socket "
        "(a server replaces only a stale socket)."
    )

    assert socket_problems(backend, key, form.format(taken), starting=False) == [
        ("prodserver.W050", message, "Fix the path; prodserver refuses to start without it.")
    ]
    assert socket_problems(backend, key, form.format(taken), starting=True) == [
        ("prodserver.E050", message, "Fix the path.")
    ]


@pytest.mark.parametrize(("backend", "key", "form", "where"), SERVERS)
def test_a_stale_socket_or_a_new_path_is_accepted(
    backend: str, key: str, form: str, where: str, tmp_path: Path
) -> None:
    stale = tmp_path / "stale.sock"
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(stale))
    assert stale.is_socket()

    assert socket_problems(backend, key, form.format(stale), starting=True) == []
    assert socket_problems(backend, key, form.format(tmp_path / "new.sock"), starting=True) == []


REPLACES_STALE = [server for server in SERVERS if "uvicorn" not in server[0]]
FAILS_ON_STALE = [
    ("django_prodserver.backends.uvicorn.UvicornServer", "uds", "uvicorn"),
    ("django_prodserver.backends.granian.GranianASGIServer", "uds", "Granian"),
]
HELD = ("prodserver.E054", "prodserver.E055", "prodserver.W056")


def held_problems(backend: str, key: str, value: str, *, starting: bool) -> list[tuple[str, str, str | None]]:
    config: dict[str, Any] = {"BACKEND": backend, "ARGS": {key: value}}
    if "Flower" in backend:
        config["APP"] = APP
    report = validate_process("web", config, starting=starting)
    return [(p.id, p.message, p.hint) for p in report.problems if p.id in HELD]


@pytest.fixture
def stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind("stale.sock")
    return Path("stale.sock")


@pytest.mark.parametrize(("backend", "key", "tool"), FAILS_ON_STALE)
def test_a_stale_socket_the_tool_does_not_replace_is_refused(backend: str, key: str, tool: str, stale: Path) -> None:
    message = (
        f"PRODUCTION_PROCESSES['web']['ARGS']['{key}'] names 'stale.sock', a stale socket (nobody listens on it), "
        f"which {tool} does not replace: its bind fails."
    )
    fix = "Remove the socket file (left by a server that did not stop), or name another path"

    assert held_problems(backend, key, str(stale), starting=False) == [
        ("prodserver.W056", message, f"{fix}; prodserver refuses to start.")
    ]
    assert held_problems(backend, key, str(stale), starting=True) == [("prodserver.E055", message, f"{fix}.")]


@pytest.mark.parametrize(("backend", "key", "form", "where"), REPLACES_STALE)
def test_a_stale_socket_the_tool_replaces_is_accepted(
    backend: str, key: str, form: str, where: str, stale: Path
) -> None:
    assert held_problems(backend, key, form.format(stale), starting=True) == []


@pytest.mark.parametrize(
    ("backend", "key", "form", "where"), SERVERS + [(b, k, "{}", f"['{k}'] names") for b, k, _ in FAILS_ON_STALE[1:]]
)
def test_a_socket_a_server_listens_on_is_refused_at_start(
    backend: str, key: str, form: str, where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind("live.sock")
        listener.listen()
        outcome = (
            "the bind fails (address in use)"
            if key == "uds"
            else "starting removes it, and that server stops receiving connections"
        )
        message = (
            f"PRODUCTION_PROCESSES['web']['ARGS']{where} 'live.sock', a socket a running server listens on: {outcome}."
        )

        # In check, that server may be the one this setting runs.
        assert held_problems(backend, key, form.format("live.sock"), starting=False) == []
        assert held_problems(backend, key, form.format("live.sock"), starting=True) == [
            ("prodserver.E054", message, "Stop that server first, or name another path.")
        ]
