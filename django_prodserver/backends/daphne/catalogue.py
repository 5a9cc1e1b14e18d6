"""A setting that shows each check ID of the daphne development server (see ``django_prodserver/catalogue.py``).

The test settings do not install daphne: the examples pretend INSTALLED_APPS and ASGI_APPLICATION.
"""

from __future__ import annotations

from ...catalogue import Example

DAPHNE = "django_prodserver.backends.daphne.DaphneRunserver"
RULES = "django_prodserver.backends.daphne.rules"


def daphne(args: object) -> dict[str, object]:
    return {"dev": {"BACKEND": DAPHNE, "ARGS": args}}


def _without_daphne() -> list[str]:
    return ["django.contrib.staticfiles", "django_prodserver"]


def _daphne_last() -> list[str]:
    return ["django.contrib.staticfiles", "daphne"]


def _daphne_first() -> list[str]:
    return ["daphne", "django.contrib.staticfiles"]


def _asgi() -> str:
    return "demo.asgi.application"


def _no_asgi() -> None:
    return None


EXAMPLES: tuple[Example, ...] = (
    Example(
        "prodserver.E109",
        daphne({}),
        pretend=((RULES, "installed_apps", _without_daphne), (RULES, "asgi_application", _asgi)),
    ),
    Example(
        "prodserver.E110",
        daphne({}),
        pretend=((RULES, "installed_apps", _daphne_last), (RULES, "asgi_application", _asgi)),
    ),
    Example(
        "prodserver.E111",
        daphne({}),
        pretend=((RULES, "installed_apps", _daphne_first), (RULES, "asgi_application", _no_asgi)),
    ),
)
