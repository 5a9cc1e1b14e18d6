"""Starting the gunicorn backend in the integration tests: its dotted path and the ARGS every test shares."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .servers import Launcher, ProdServer

GUNICORN = "django_prodserver.backends.gunicorn.GunicornServer"
# Each server its own control socket, none: gunicorn 27's default is one path per user, shared.
QUIET = {"no-control-socket": "true"}


def start_gunicorn(launcher: Launcher, args: Mapping[str, Any] | None = None, **kwargs: Any) -> ProdServer:
    return launcher.start(GUNICORN, {**QUIET, **(args or {})}, **kwargs)
