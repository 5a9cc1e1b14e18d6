"""Backend interfaces.

``BaseServerBackend`` is django-prodserver's original interface: ARGS become ``--key=value``
strings and ``start_server(*prep_server_args())`` runs the process.  Custom backends
written for it keep working, untyped.

``TypedServerBackend`` adds a pydantic ARGS model: the check and ``prodserver`` validate
ARGS with it, and the backend renders the validated model into its server call.  A new
typed backend is one ``ServerArgs`` model and one small subclass.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, ClassVar

from ..args.base import ServerArgs
from ..problems import Problem


class ServerStartError(Exception):
    """The server could not start; the message is one line for the user, no traceback."""


class BaseProcessBackend:
    """One configured process: ``{"BACKEND": "dotted.path", "ARGS": {...}}``."""

    def __init__(self, **server_args: Any) -> None:
        self.config = server_args
        self.args = self._format_server_args_from_dict(server_args.get("ARGS", {}))

    def start_server(self, *args: str) -> None:
        """Run the process in the foreground; subclasses implement it."""
        raise NotImplementedError

    def prep_server_args(self) -> list[str]:
        """The argument strings given to :meth:`start_server`."""
        return self.args

    def _format_server_args_from_dict(self, args: str | Mapping[str, str | Collection[str] | None]) -> list[str]:
        """``{"bind": "0.0.0.0:8111", "preload": None}`` -> ``["--bind=0.0.0.0:8111", "--preload"]``."""
        if isinstance(args, str):
            return [args]
        return [f"--{name}" if value is None else f"--{name}={value}" for name, value in args.items()]


class BaseServerBackend(BaseProcessBackend):
    """A web server process (WSGI / ASGI)."""


class BaseWorkerBackend(BaseProcessBackend):
    """A background worker process."""


class TypedServerBackend(BaseServerBackend):
    """A server whose ARGS are validated by :attr:`args_model`."""

    args_model: ClassVar[type[ServerArgs]]

    def __init__(self, **server_args: Any) -> None:
        # ARGS are validated by the model, not formatted as strings.
        self.config = server_args
        self.args = []

    def problems(self, args: ServerArgs, *, starting: bool) -> list[Problem]:
        """Problems the model's types cannot express: combinations, files, the environment.

        Paths in the returned problems are relative to the process (``("ARGS", "workers")``).
        ``starting`` is True when the process is about to start (missing files are errors).
        """
        return []

    def target(self) -> str:
        """The application this server serves, as the server names it."""
        raise NotImplementedError

    def command_line(self, args: ServerArgs, *, reveal_secrets: bool = False) -> list[str]:
        """An equivalent shell command, secrets masked unless revealed."""
        raise NotImplementedError

    def address(self, args: ServerArgs) -> str:
        """Where the server listens, for ``prodserver --list``."""
        return "-"

    def serve(self, args: ServerArgs) -> None:
        """Run the server in the foreground until it is stopped; :class:`ServerStartError` if it cannot start."""
        raise NotImplementedError

    def start_server(self, *args: str) -> None:
        # The original entry point: validate the configured ARGS, then serve.
        self.serve(self.args_model.model_validate(self.config.get("ARGS", {})))
