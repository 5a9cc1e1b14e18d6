"""Run ``manage.py prodserver`` in-process, as from a shell, for the command's tests."""

from __future__ import annotations

from io import StringIO

from django_prodserver.management.commands.prodserver import Command

ASGI = "django_prodserver.backends.granian.GranianASGIServer"
WSGI = "django_prodserver.backends.granian.GranianWSGIServer"


def run(*argv: str) -> tuple[int, str, str]:
    """``manage.py prodserver *argv``: exit code, stdout, stderr (argparse's own output aside)."""
    stdout, stderr = StringIO(), StringIO()
    try:
        Command(stdout=stdout, stderr=stderr).run_from_argv(["manage.py", "prodserver", *argv])
    except SystemExit as exit_:
        code = exit_.code
    else:
        code = 0
    assert isinstance(code, int)
    return code, stdout.getvalue(), stderr.getvalue()
