"""What ``manage.py prodserver`` hands over to a server's launcher (:mod:`django_prodserver.backends.handover`).

The launcher is the server's long-lived process: it must hold no more than the tool's own command
does, so neither it nor what it is handed imports Django, pydantic or the backends' models.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django_prodserver.backends.granian import GranianASGIArgs, GranianASGIServer, GranianWSGIArgs, GranianWSGIServer
from django_prodserver.backends.gunicorn import GunicornArgs, GunicornServer
from django_prodserver.backends.handover import VARIABLE, decoded, encoded, hand_over
from django_prodserver.backends.uvicorn import UvicornASGIArgs, UvicornServer, UvicornWSGIArgs, UvicornWSGIServer
from django_prodserver.backends.waitress import WaitressArgs, WaitressServer

LAUNCHERS = [f"django_prodserver.backends.{tool}.launch" for tool in ("gunicorn", "uvicorn", "granian", "waitress")]
HEAVY = ("django", "pydantic", "pydantic_core")


def heavy_imports(code: str, given: str = "") -> str:
    """What of :data:`HEAVY` running ``code`` in a fresh interpreter imports (``given`` on its stdin)."""
    report = f"import sys; print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r}))"
    done = subprocess.run(
        [sys.executable, "-c", f"{code}; {report}"], input=given, capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stderr) == (0, "")
    return done.stdout


def test_the_launchers_import_no_django_and_no_pydantic() -> None:
    assert heavy_imports("; ".join(f"import {module}" for module in LAUNCHERS)) == "[]\n"


@pytest.mark.parametrize(
    ("backend", "args"),
    [
        (GunicornServer(), GunicornArgs(workers=2, threads=4)),
        (UvicornServer(), UvicornASGIArgs.model_validate({"ssl-keyfile-password": "secret"})),
        (UvicornWSGIServer(), UvicornWSGIArgs(threads=4)),
        (GranianASGIServer(), GranianASGIArgs(http="2")),
        (GranianWSGIServer(), GranianWSGIArgs(threads=4)),
        (WaitressServer(), WaitressArgs(threads=8)),
    ],
    ids=lambda value: type(value).__name__,
)
def test_what_is_handed_over_needs_neither_to_be_read(backend: object, args: object) -> None:
    launch = backend.launch(args)  # type: ignore[attr-defined]
    read = "import sys; from django_prodserver.backends.handover import decoded; decoded(sys.stdin.read())"
    assert heavy_imports(read, encoded(launch)) == "[]\n"
    assert decoded(encoded(launch)) == launch


def test_without_exec_the_launcher_runs_in_this_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Windows' os.execve would end this process and start another: a service manager would see the server exit.
    (tmp_path / "recording_launcher.py").write_text(
        "from django_prodserver.backends.handover import launched, taken_over\n"
        "RECEIVED = []\n"
        "def main():\n"
        "    RECEIVED.append(taken_over())\n"
        "    launched(lambda: None)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "execve", lambda *args: pytest.fail("exec on Windows"))

    with pytest.raises(SystemExit) as exited:
        hand_over("recording_launcher", ("demo.wsgi:application", {"workers": 2}))

    assert exited.value.code == 0
    assert importlib.import_module("recording_launcher").RECEIVED == [("demo.wsgi:application", {"workers": 2})]
    assert VARIABLE not in os.environ


@pytest.mark.parametrize(("host", "port"), [("127.0.0.1", 8000), ("::1", 8000), ("0.0.0.0", 0), ("localhost", 65535)])
def test_the_launchers_show_an_address_as_the_checks_do(host: str, port: int) -> None:
    from django_prodserver.args.common import host_and_port as the_checks
    from django_prodserver.backends.handover import host_and_port as the_launchers

    assert the_launchers(host, port) == the_checks(host, port)


@pytest.mark.skipif(not os.path.exists("/proc/self/environ"), reason="the starting environment is read from /proc")
@pytest.mark.parametrize("started_with", [None, "Asia/Tokyo"])
def test_the_server_gets_tz_as_the_command_was_started_with(tmp_path: Path, started_with: str | None) -> None:
    # Django's settings set TZ to TIME_ZONE where they load; the bare server's master never loads them.
    (tmp_path / "tz_launcher.py").write_text("import os\nprint(os.environ.get('TZ'))\n")
    validating = (
        "import os; os.environ['TZ'] = 'Europe/Paris'; "
        "from django_prodserver.backends.handover import hand_over; hand_over('tz_launcher', None)"
    )
    environment = {name: value for name, value in os.environ.items() if name != "TZ"}
    environment["PYTHONPATH"] = os.pathsep.join([str(tmp_path), str(Path(__file__).resolve().parents[2])])
    if started_with is not None:
        environment["TZ"] = started_with
    done = subprocess.run(
        [sys.executable, "-c", validating], env=environment, capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{started_with}\n", "")
