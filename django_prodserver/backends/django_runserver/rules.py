"""Rules of the development servers: what their commands refuse, ignore, and production advice.

Django's ``runserver`` raises ``CommandError`` at start for an ``addrport`` that does not parse and
for ``DEBUG = False`` without ``ALLOWED_HOSTS``; the check says so first.  Shared by the three
development-server backends (their commands extend runserver); each adds its own.
"""

from __future__ import annotations

import re

from django.conf import settings

from ...problems import Problem, Severity
from ...rules.text import shown
from .options import LEGACY, STATICFILES_OPTIONS, RunserverArgs

E107 = "prodserver.E107"
E108 = "prodserver.E108"
W104 = "prodserver.W104"
W105 = "prodserver.W105"
W106 = "prodserver.W106"

STATICFILES = "django.contrib.staticfiles"

E108_NO_ALLOWED_HOSTS = Problem(
    E108,
    Severity.ERROR,
    (),
    "is a development server, which refuses to start with DEBUG off and ALLOWED_HOSTS empty.",
    "Set ALLOWED_HOSTS (e.g. ['127.0.0.1', 'localhost']), or DEBUG = True.",
)
W106_DEVELOPMENT_SERVER = Problem(
    W106,
    Severity.WARNING,
    ("BACKEND",),
    "is a development server: it is neither secure nor fast enough for production.",
    "Use a production server (granian, gunicorn, uvicorn, waitress) in the production settings.",
    deploy=True,
)


def runserver_problems(args: RunserverArgs, command: str) -> list[Problem]:
    """Problems of the options every development server shares; paths are relative to the process."""
    return [
        *addrport_problems(args),
        *settings_problems(),
        *staticfiles_problems(args),
        *legacy_problems(args, command),
        W106_DEVELOPMENT_SERVER,
    ]


def addrport_problems(args: RunserverArgs) -> list[Problem]:
    if args.addrport is None:
        return []
    from django.core.management.commands.runserver import naiveip_re

    match = re.match(naiveip_re, args.addrport)
    if match is None or int(match["port"]) > 65535:
        reason = "expected a port or address:port, e.g. '8000' or '0.0.0.0:8000'"
    elif args.ipv6 and match["addr"] and not (match["ipv6"] or match["fqdn"]):
        reason = "ipv6 is True, so the address must be IPv6 (in brackets: '[::1]:8000') or a host name"
    else:
        return []
    hint = "Write a port ('8000'), an address and port ('0.0.0.0:8000') or an IPv6 address ('[::]:8000')."
    return [Problem(E107, Severity.ERROR, ("ARGS", "addrport"), f"is {shown(args.addrport)}; {reason}.", hint)]


def refuses_to_start() -> bool:
    """Whether runserver refuses these settings: DEBUG off and no ALLOWED_HOSTS."""
    return not settings.DEBUG and not settings.ALLOWED_HOSTS


def settings_problems() -> list[Problem]:
    return [E108_NO_ALLOWED_HOSTS] if refuses_to_start() else []


def staticfiles_installed() -> bool:
    return STATICFILES in settings.INSTALLED_APPS


def staticfiles_problems(args: RunserverArgs) -> list[Problem]:
    if staticfiles_installed():
        return []
    return [
        Problem(
            W105,
            Severity.WARNING,
            ("ARGS", field),
            f"has no effect without {STATICFILES} in INSTALLED_APPS.",
            "Remove it, or add the app to INSTALLED_APPS.",
        )
        for field in STATICFILES_OPTIONS
        if getattr(args, field)
    ]


def legacy_problems(args: RunserverArgs, command: str) -> list[Problem]:
    """3.x keys the command has no option for: accepted, so that a 3.x setting validates, and ignored."""
    options = type(args).options()
    return [
        Problem(
            W104,
            Severity.WARNING,
            ("ARGS", field),
            f"is a django-prodserver 3.x option that {command} does not have; it is ignored.",
            "Remove it.",
        )
        for field, meta in options.items()
        if meta.group == LEGACY and field in args.model_fields_set
    ]
