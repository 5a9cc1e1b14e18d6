"""A setting that shows each check ID of Django's runserver backend (see ``django_prodserver/catalogue.py``).

These rules are shared by the daphne and Werkzeug development servers; their own IDs are in
their catalogues.  Examples that depend on other Django settings pretend those settings.
"""

from __future__ import annotations

from ...catalogue import Example

RUNSERVER = "django_prodserver.backends.django_runserver.DjangoRunserver"
WAITRESS = "django_prodserver.backends.waitress.WaitressServer"
RULES = "django_prodserver.backends.django_runserver.rules"
DAPHNE = "django_prodserver.backends.daphne.DaphneRunserver"
DAPHNE_RULES = "django_prodserver.backends.daphne.rules"


def runserver(args: object) -> dict[str, object]:
    return {"dev": {"BACKEND": RUNSERVER, "ARGS": args}}


def daphne(args: object) -> dict[str, object]:
    return {"dev": {"BACKEND": DAPHNE, "ARGS": args}}


def _daphne_first() -> list[str]:
    return ["daphne", "django.contrib.staticfiles"]


def _asgi() -> str:
    return "demo.asgi.application"


def _refuses() -> bool:
    return True


EXAMPLES: tuple[Example, ...] = (
    Example(
        "prodserver.E107", runserver({"addrport": "localhost:http"}), twin=runserver({"addrport": "localhost:8000"})
    ),
    Example("prodserver.E108", runserver({}), pretend=((RULES, "refuses_to_start", _refuses),), twin=runserver({})),
    Example(
        "prodserver.W104",
        daphne({"ping_interval": 10}),
        pretend=((DAPHNE_RULES, "installed_apps", _daphne_first), (DAPHNE_RULES, "asgi_application", _asgi)),
    ),
    Example("prodserver.W105", runserver({"nostatic": True}), twin=runserver({"noreload": True})),
    Example(
        "prodserver.W106",
        runserver({}),
        deploy=True,
        twin={"web": {"BACKEND": WAITRESS, "ARGS": {}}},
    ),
)
