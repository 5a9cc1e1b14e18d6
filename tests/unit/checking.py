"""The ``prodserver`` check run on a setting, as the check tests run it; Granian is the example backend."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from django.core.checks import CheckMessage
from django.test import override_settings

from django_prodserver.checks import check_production_processes, check_production_processes_deploy, reporting
from django_prodserver.validation import validated_setting

ASGI = "django_prodserver.backends.granian.GranianASGIServer"


WSGI = "django_prodserver.backends.granian.GranianWSGIServer"


WEB = "PRODUCTION_PROCESSES['web']"


ARGS = "PRODUCTION_PROCESSES['web']['ARGS']"


MISSING_HINT = "Create it where prodserver runs, or fix the path; prodserver refuses to start without it."


# Something of the wrong kind is there: creating it is not the fix.
WRONG_KIND_HINT = "Fix the path; prodserver refuses to start without it."


def web(args: object, backend: str = ASGI) -> dict[str, object]:
    return {"web": {"BACKEND": backend, "ARGS": args}}


def check(setting: object) -> list[CheckMessage]:
    with override_settings(PRODUCTION_PROCESSES=setting):
        return check_production_processes()


def deploy_check(setting: object) -> list[CheckMessage]:
    with override_settings(PRODUCTION_PROCESSES=setting):
        return check_production_processes_deploy()


@contextmanager
def starting(name: str, setting: object, overrides: Mapping[str, object] | None = None) -> Iterator[None]:
    """The checks as ``prodserver NAME`` runs them: the process validated as it starts (with ``overrides``),
    then reported by the checks called inside."""
    with reporting(validated_setting(setting, only=name, overrides=overrides, starting=True)):
        yield
