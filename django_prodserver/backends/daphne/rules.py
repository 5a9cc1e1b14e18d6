"""daphne's runserver rules: where ``manage.py runserver`` finds it, and what it needs to serve ASGI."""

from __future__ import annotations

from django.conf import settings

from ...problems import Problem, Severity
from ..django_runserver.rules import STATICFILES
from .options import DaphneRunserverArgs

E109 = "prodserver.E109"
E110 = "prodserver.E110"
E111 = "prodserver.E111"

DAPHNE_APP = "daphne"

E109_NOT_INSTALLED = Problem(
    E109,
    Severity.ERROR,
    ("BACKEND",),
    "is DaphneRunserver, but 'daphne' is not in INSTALLED_APPS: runserver is not daphne's.",
    "Add 'daphne' at the top of INSTALLED_APPS.",
)
E110_AFTER_STATICFILES = Problem(
    E110,
    Severity.ERROR,
    ("BACKEND",),
    f"is DaphneRunserver, but 'daphne' comes after {STATICFILES!r} in INSTALLED_APPS, whose runserver wins.",
    "Move 'daphne' to the top of INSTALLED_APPS.",
)
E111_NO_ASGI_APPLICATION = Problem(
    E111,
    Severity.ERROR,
    ("BACKEND",),
    "is DaphneRunserver, which serves ASGI_APPLICATION; that setting is missing.",
    "Set ASGI_APPLICATION = '<project>.asgi.application', or set noasgi to serve WSGI.",
)


def installed_apps() -> list[str]:
    return list(settings.INSTALLED_APPS)


def asgi_application() -> str | None:
    return getattr(settings, "ASGI_APPLICATION", None) or None


def daphne_problems(args: DaphneRunserverArgs) -> list[Problem]:
    """Problems of the settings daphne's runserver needs; paths are relative to the process."""
    apps = installed_apps()
    problems = []
    if DAPHNE_APP not in apps:
        problems.append(E109_NOT_INSTALLED)
    elif STATICFILES in apps and apps.index(STATICFILES) < apps.index(DAPHNE_APP):
        problems.append(E110_AFTER_STATICFILES)
    if not args.noasgi and asgi_application() is None:
        problems.append(E111_NO_ASGI_APPLICATION)
    return problems
