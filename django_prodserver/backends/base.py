"""Backend interfaces: the untyped one django-prodserver 3.x backends implement, and the typed one.

``BaseProcessBackend`` is django-prodserver's original interface: ARGS become ``--key=value``
strings and ``start_server(*prep_server_args())`` runs the process.  Custom backends written
for it keep working: :mod:`.loading` wraps them in an adapter of the typed contract where a
setting's backend is loaded, so that the core reads one interface.

``TypedBackend[ArgsT]`` is the interface every built-in backend implements: an ARGS model, the
backend's own rules, the equivalent command line, where it listens (servers only, :mod:`.listening`),
how it drains and the start.  Servers (:class:`TypedServer`) and workers (:class:`TypedWorker`) are
separate kinds.  The shared core reads nothing else from a backend, and asks no backend which
class it is, so a new backend is one
package under ``django_prodserver/backends/`` (see ``docs/contributing.md``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Generic, Literal, TypeVar

from ..args.base import BackendArgs, Package
from ..problems import Problem
from ..rules.application import target_problems
from ..rules.args import args_input
from .drain import UNKNOWN, Drain

# Defined where the launchers, which import no pydantic, read them; re-exported for the backends.
from .handover import ServerStartError as ServerStartError
from .handover import freeze_before_fork as freeze_before_fork
from .listening import Listener


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


ArgsT = TypeVar("ArgsT", bound=BackendArgs)
Kind = Literal["server", "worker"]


class TypedBackend(BaseProcessBackend, Generic[ArgsT]):
    """A process whose ARGS are validated by :attr:`args_model` before anything runs."""

    args_model: type[ArgsT]
    kind: ClassVar[Kind | None] = None
    """``server`` (it listens) or ``worker``; None for a backend of neither kind."""
    program: ClassVar[str]
    """The tool's command, as the equivalent command line starts it (``gunicorn``)."""
    requires: ClassVar[Package | None] = None
    """The package that runs this backend (``gunicorn``), named by the extra that installs it."""
    reuses_port: ClassVar[bool] = False
    """A server that binds with ``SO_REUSEPORT``: a second one on a taken port starts and shares it."""
    process_keys: ClassVar[tuple[str, ...]] = ()
    """Top-level keys of the process this backend reads besides BACKEND and ARGS (a Celery app's ``APP``)."""

    def __init__(self, **config: Any) -> None:
        # ARGS are validated by the model, not formatted as strings.
        self.config = config
        self.args = []

    @classmethod
    def given_args(cls, value: object) -> dict[Any, Any] | Problem:
        """The settings' ARGS as the dict :attr:`args_model` validates, or why they cannot be one.

        3.x's conventions are read too: a string of flags, ``None`` for a flag without a value.
        """
        return args_input(value, cls.args_model, cls.__name__)

    def rules(self, args: ArgsT, *, starting: bool) -> list[Problem]:
        """Problems the model's types and its options' metadata cannot express: combinations, contents.

        Paths are relative to the process, by field (``("ARGS", "workers")``); validation shows the key
        the user wrote.  ``starting`` is True when the process is about to start.
        """
        return []

    def target(self) -> str | None:
        """The application this process loads (``"demo.asgi:application"``), or None."""
        return None

    def target_problems(self, args: ArgsT | None) -> list[Problem]:
        """Whether :meth:`target` can be found from here (``args`` is None when the ARGS are invalid)."""
        target = self.target()
        return [] if target is None else target_problems(target)

    def command_line(self, args: ArgsT, *, reveal_secrets: bool = False) -> list[str]:
        """The equivalent shell command, secrets masked unless revealed."""
        raise NotImplementedError

    def command_environment(self, settings_module: str | None) -> dict[str, str]:
        """Variables :meth:`command_line` needs: the settings module, so that it serves this configuration."""
        return {"DJANGO_SETTINGS_MODULE": settings_module} if settings_module else {}

    def listeners(self, args: ArgsT) -> tuple[Listener, ...]:
        """Every place the process listens, each with the option that sets it; none for a worker.

        The tool's precedence (a file descriptor, a Unix socket, an address and port) is decided here
        only; the first listener that serves the application is the process's address.
        """
        return ()

    def drain(self, args: ArgsT) -> Drain:
        """The signal this process stops gracefully on and the longest its drain takes with ``args``."""
        return UNKNOWN

    def health_command(self, args: ArgsT) -> str | None:
        """A shell command that exits 0 while this process is healthy (a worker's own ping), or None.

        Servers need none: the exports probe their port (or the ``health_path`` of their ``DEPLOY``).
        """
        return None

    def run(self, args: ArgsT) -> None:
        """Run in the foreground until stopped; :class:`ServerStartError` if it cannot start."""
        raise NotImplementedError

    def start_server(self, *args: str) -> None:
        # The original entry point: validate the configured ARGS, then run.
        self.run(self.args_model.model_validate(self.config.get("ARGS", {})))


class TypedServer(TypedBackend[ArgsT], BaseServerBackend):
    """A typed web server: it listens on an address."""

    kind: ClassVar[Kind | None] = "server"

    def listeners(self, args: ArgsT) -> tuple[Listener, ...]:
        raise NotImplementedError


class TypedWorker(TypedBackend[ArgsT], BaseWorkerBackend):
    """A typed background worker: it listens nowhere."""

    kind: ClassVar[Kind | None] = "worker"

    def start_worker(self, *args: str) -> None:
        # django-prodserver 3.x's name for a worker's entry point.
        self.start_server(*args)
