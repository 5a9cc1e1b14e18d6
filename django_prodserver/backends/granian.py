"""Granian backends: serve the Django project's ASGI or WSGI application with Granian.

``GranianASGIArgs`` and ``GranianWSGIArgs`` are re-exported here, beside the backends
they configure.  This module imports neither Django settings nor granian at import
time: the check imports it on every management command.
"""

from __future__ import annotations

import ssl
from typing import ClassVar

from django.conf import settings

from ..args.base import ServerArgs
from ..args.granian import GranianArgs, GranianASGIArgs, GranianWSGIArgs
from ..problems import Problem
from ..rendering.granian import Invocation, bind_address, command_line, server_kwargs
from .base import ServerStartError, TypedServerBackend

__all__ = [
    "GranianASGIArgs",
    "GranianASGIServer",
    "GranianServer",
    "GranianWSGIArgs",
    "GranianWSGIServer",
    "ServerStartError",
]


def import_target(dotted: str) -> str:
    """Django's ``"project.asgi.application"`` -> Granian's ``"project.asgi:application"``."""
    module, _, attribute = dotted.rpartition(".")
    return f"{module}:{attribute}"


class GranianServer(TypedServerBackend):
    """Common part of the Granian backends; subclasses pick the model, interface and target."""

    args_model: ClassVar[type[ServerArgs]] = GranianArgs
    interface: ClassVar[str]

    def invocation(self, args: ServerArgs) -> Invocation:
        assert isinstance(args, GranianArgs)
        return Invocation(target=self.target(), interface=self.interface, args=args)

    def problems(self, args: ServerArgs, *, starting: bool) -> list[Problem]:
        from ..rules.granian import granian_problems

        assert isinstance(args, GranianArgs)
        return granian_problems(args, interface=self.interface, starting=starting)

    def command_line(self, args: ServerArgs, *, reveal_secrets: bool = False) -> list[str]:
        return command_line(self.invocation(args), reveal_secrets=reveal_secrets)

    def address(self, args: ServerArgs) -> str:
        assert isinstance(args, GranianArgs)
        return bind_address(args)

    def serve(self, args: ServerArgs) -> None:
        from granian.errors import FatalError
        from granian.server import Server

        invocation = self.invocation(args)
        kwargs = server_kwargs(invocation)
        if invocation.args.working_dir is not None:
            # As Granian's CLI does, so the target imports from the working directory.
            from granian._internal import patch_pypath

            patch_pypath(invocation.args.working_dir)
        try:
            server = Server(**kwargs)
        except ssl.SSLError as exc:
            raise ServerStartError(f"Cannot load the TLS certificate and key: {exc.reason or exc}.") from None
        except OSError as exc:
            raise ServerStartError(f"Cannot start Granian: {exc}") from None
        try:
            server.serve()
        except FatalError:
            # Granian logged the reason on its own line already.
            raise ServerStartError("Granian refused to start (see the error above).") from None
        except RuntimeError as exc:
            first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if "os error" not in first_line:
                raise
            address = f"{invocation.args.address}:{invocation.args.port}"
            raise ServerStartError(f"Cannot listen on {address}: {first_line}.") from None


class GranianASGIServer(GranianServer):
    """Serve ``ASGI_APPLICATION`` (or the ``asgi`` module beside ``WSGI_APPLICATION``)."""

    args_model = GranianASGIArgs
    # Django's ASGIHandler refuses the lifespan protocol; "asginl" is Granian's ASGI
    # without lifespan, so no "Lifespan errored" warning at every start.
    interface = "asginl"

    def target(self) -> str:
        dotted = getattr(settings, "ASGI_APPLICATION", None)
        if not dotted:
            # A fresh startproject has asgi.py beside wsgi.py but no ASGI_APPLICATION.
            package = str(settings.WSGI_APPLICATION).rsplit(".", 2)[0]
            dotted = f"{package}.asgi.application"
        return import_target(str(dotted))


class GranianWSGIServer(GranianServer):
    """Serve ``WSGI_APPLICATION``."""

    args_model = GranianWSGIArgs
    interface = "wsgi"

    def target(self) -> str:
        return import_target(str(settings.WSGI_APPLICATION))
