"""runserver_plus rules: django-extensions in INSTALLED_APPS, and what it cannot serve."""

from __future__ import annotations

from django.conf import settings

from ...problems import Problem, Severity
from .options import WerkzeugRunserverArgs

E106 = "prodserver.E106"
E112 = "prodserver.E112"

EXTENSIONS_APP = "django_extensions"

E112_NOT_INSTALLED = Problem(
    E112,
    Severity.ERROR,
    ("BACKEND",),
    f"is WerkzeugRunserver, but {EXTENSIONS_APP!r} is not in INSTALLED_APPS: there is no runserver_plus.",
    f"pip install 'django-prodserver[werkzeug]' and add {EXTENSIONS_APP!r} to INSTALLED_APPS.",
)


def werkzeug_problems(args: WerkzeugRunserverArgs) -> list[Problem]:
    """Problems of runserver_plus' options and settings; paths are relative to the process."""
    problems = [] if EXTENSIONS_APP in settings.INSTALLED_APPS else [E112_NOT_INSTALLED]
    if args.processes > 1:
        threaded = args.threaded and not args.nothreading
        why = "and threaded: Werkzeug refuses both" if threaded else "but runserver_plus serves from one process"
        problems.append(
            Problem(
                E106,
                Severity.ERROR,
                ("ARGS", "processes"),
                f"is {args.processes}, {why}.",
                "Remove it: runserver_plus serves each request in a thread.",
            )
        )
    return problems
