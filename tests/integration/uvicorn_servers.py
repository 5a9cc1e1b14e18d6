"""Starting the uvicorn backends in the integration tests: their dotted paths and a starter."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .servers import Launcher, ProdServer

UVICORN = "django_prodserver.backends.uvicorn.UvicornServer"
UVICORN_WSGI = "django_prodserver.backends.uvicorn.UvicornWSGIServer"


def start_uvicorn(
    launcher: Launcher, args: Mapping[str, Any] | None = None, *, backend: str = UVICORN, **kwargs: Any
) -> ProdServer:
    return launcher.start(backend, dict(args or {}), **kwargs)
