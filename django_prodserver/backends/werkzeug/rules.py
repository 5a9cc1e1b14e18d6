"""runserver_plus rules: django-extensions in INSTALLED_APPS, and what it cannot serve."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from ...problems import Problem, Severity
from .options import WerkzeugRunserverArgs

E106 = "prodserver.E106"
E112 = "prodserver.E112"
E113 = "prodserver.E113"

EXTENSIONS_APP = "django_extensions"

E112_NOT_INSTALLED = Problem(
    E112,
    Severity.ERROR,
    ("BACKEND",),
    f"is WerkzeugRunserver, but {EXTENSIONS_APP!r} is not in INSTALLED_APPS: there is no runserver_plus.",
    f"pip install 'django-prodserver[werkzeug]' and add {EXTENSIONS_APP!r} to INSTALLED_APPS.",
)

E113_NORELOAD = Problem(
    E113,
    Severity.ERROR,
    ("ARGS", "noreload"),
    "is True; runserver_plus then fails at start with Werkzeug 2.1+ (KeyError 'WERKZEUG_SERVER_FD').",
    "Remove noreload (django-extensions issue #1886), or use DjangoRunserver.",
)
FIXED_AFTER = (4, 1)
"""The last django-extensions release known to fail without its reloader (issue #1886, open)."""


def installed_apps() -> list[str]:
    return list(settings.INSTALLED_APPS)


def noreload_fails() -> bool:
    """Whether the installed django-extensions sets WERKZEUG_RUN_MAIN without a server socket for Werkzeug."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = tuple(int(part) for part in version("django-extensions").split(".")[:2] if part.isdecimal())
    except PackageNotFoundError:
        return False
    return release <= FIXED_AFTER


def werkzeug_problems(args: WerkzeugRunserverArgs) -> list[Problem]:
    """Problems of runserver_plus' options and settings; paths are relative to the process."""
    problems = [] if EXTENSIONS_APP in installed_apps() else [E112_NOT_INSTALLED]
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
    if args.noreload and noreload_fails():
        problems.append(E113_NORELOAD)
    return [*problems, *tls_problems(args)]


def tls_problems(args: WerkzeugRunserverArgs) -> list[Problem]:
    """The shared TLS rules on the pair runserver_plus loads (E052, W053): Werkzeug loads it at start,
    and a key that is not the certificate's was a traceback.  A pair that does not exist yet is
    created by runserver_plus (a development certificate): nothing to judge."""
    if args.cert_file is None and args.key_file is None:
        return []
    cert, key = certificate_files(args.cert_file, args.key_file)
    if not (cert.is_file() and key.is_file()):
        return []
    # Imported here: it loads ssl, which a setting without TLS never needs.
    from ...rules.tls import certificate_problems

    field = "cert_file" if args.cert_file is not None else "key_file"
    return certificate_problems(cert, key, "", cert_field=field, key_name="key-file", password_name="key-file")


def certificate_files(cert_file: str | None, key_file: str | None) -> tuple[Path, Path]:
    """The certificate and key runserver_plus uses (its determine_ssl_files_paths): a missing one is the
    other's directory and name with .crt or .key."""
    cert = _with_suffix(cert_file, ".crt")
    key = _with_suffix(key_file, ".key")
    given = cert or key
    assert given is not None
    return cert or given.with_suffix(".crt"), key or given.with_suffix(".key")


def _with_suffix(name: str | None, default: str) -> Path | None:
    if not name:
        return None
    path = Path(name).expanduser()
    return path if path.suffix else path.with_name(path.name + default)
