"""A setting that shows each check ID of the Werkzeug development server (see ``django_prodserver/catalogue.py``).

The test settings do not install django-extensions: the examples pretend INSTALLED_APPS.
"""

from __future__ import annotations

from ...catalogue import Example

WERKZEUG = "django_prodserver.backends.werkzeug.WerkzeugRunserver"
RULES = "django_prodserver.backends.werkzeug.rules"


def werkzeug(args: object) -> dict[str, object]:
    return {"dev": {"BACKEND": WERKZEUG, "ARGS": args}}


def _with_extensions() -> list[str]:
    return ["django_extensions"]


def _fails() -> bool:
    return True


def _without_extensions() -> list[str]:
    return ["django_prodserver"]


EXAMPLES: tuple[Example, ...] = (
    Example(
        "prodserver.E052",
        werkzeug({"cert-file": "tls/cert.pem", "key-file": "tls/other-key.pem"}),
        pretend=((RULES, "installed_apps", _with_extensions),),
    ),
    Example(
        "prodserver.E106",
        werkzeug({"processes": 4, "nothreading": True}),
        pretend=((RULES, "installed_apps", _with_extensions),),
    ),
    Example(
        "prodserver.E113",
        werkzeug({"noreload": True}),
        pretend=((RULES, "installed_apps", _with_extensions), (RULES, "noreload_fails", _fails)),
    ),
    Example("prodserver.E112", werkzeug({}), pretend=((RULES, "installed_apps", _without_extensions),)),
)
