"""The Django project's applications, as the servers import them (``"mysite.wsgi:application"``).

Shared by the backends: each serves ``WSGI_APPLICATION``, or ``ASGI_APPLICATION`` (the ``asgi``
module beside ``WSGI_APPLICATION``'s when the setting is absent, as in a fresh ``startproject``).
"""

from __future__ import annotations

import importlib

from django.conf import settings

from ..rules.text import first_line


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


def application_fault(target: str) -> str | None:
    """Why the server could not load ``target``, in one line, or None; imports it, as the server will.

    Called in the process that starts the server, before it forks workers: ``check`` only finds the
    module (importing the application there would set up the whole project for every command).
    """
    module_name, _, attribute = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except Exception as error:
        # The project's own module: anything it raises is the user's to see, in one line.
        return f"Cannot import the application module {module_name!r}: {first_line(error)}."
    if not hasattr(module, attribute):
        return f"The application module {module_name!r} has no {attribute!r}: fix ASGI_APPLICATION or WSGI_APPLICATION."
    return None
