"""The Django project's applications, as the servers import them (``"mysite.wsgi:application"``).

Shared by the backends: each serves ``WSGI_APPLICATION``, or ``ASGI_APPLICATION`` (the ``asgi``
module beside ``WSGI_APPLICATION``'s when the setting is absent, as in a fresh ``startproject``).
"""

from __future__ import annotations

from django.conf import settings


def import_target(dotted: str) -> str:
    """Django's ``"project.asgi.application"`` -> the servers' ``"project.asgi:application"``."""
    module, _, attribute = dotted.rpartition(".")
    return f"{module}:{attribute}"


def wsgi_target() -> str:
    return import_target(str(settings.WSGI_APPLICATION))


def asgi_target() -> str:
    dotted = getattr(settings, "ASGI_APPLICATION", None)
    if not dotted:
        package = str(settings.WSGI_APPLICATION).rsplit(".", 2)[0]
        dotted = f"{package}.asgi.application"
    return import_target(str(dotted))
