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
