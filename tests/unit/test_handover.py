"""What ``manage.py prodserver`` hands over to a server's launcher (:mod:`django_prodserver.backends.handover`).

The launcher is the server's long-lived process: it must hold no more than the tool's own command
does, so neither it nor what it is handed imports Django, pydantic or the backends' models.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from django_prodserver.backends.granian import GranianASGIArgs, GranianASGIServer, GranianWSGIArgs, GranianWSGIServer
from django_prodserver.backends.gunicorn import GunicornArgs, GunicornServer
from django_prodserver.backends.handover import decoded, encoded
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
