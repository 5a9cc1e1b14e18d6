"""The common ARGS: the options every production server shares, declared once.

``address``, ``port``, ``workers``, ``threads`` (WSGI), ``backlog``, ``log-level``, ``log-access``,
``ssl-cert`` and ``ssl-key`` mean the same on Granian, gunicorn and uvicorn (and, for those it has,
waitress), so that switching servers is a change of ``BACKEND`` alone.  What each one *is* lives
here: its documented name, type, default, bounds, group and description (:class:`Common`).
Each is one declaration (``PORT``, ``LOG_LEVEL``...); a backend's options module declares its field
with that declaration's :meth:`Common.declare`, giving only what is its own: the tool's flag
(``cli``), the keyword of its in-process call (``server``), its native spellings (``also``), a note
on its own default (``"uvicorn: 2048"``), its ``Literal`` of log levels (``choices``); a bound or
a default that differs (waitress keeps 3.x's ``0.0.0.0:8080``) is given
explicitly.  ``tests/unit/test_common_args.py`` compares every built-in server with this module.

Pure pydantic, like the rest of :mod:`django_prodserver.args`: the check imports every backend's
options on every management command.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, get_args

from .base import PathRole, option, underscored
from .describe import unwrapped
from .groups import Group
from .values import AnyPath, Choice, Int, IPAddress, ThreadCount

I32_MAX = 2**31 - 1
"""The listen backlog is a C int (``listen(2)``): a larger one passes the servers' own checks and fails at bind."""
PID_MAX_LIMIT = 2**22
"""Linux's ceiling on tasks: more worker processes than this can never start."""

LogLevel = Literal["critical", "error", "warning", "info", "debug"]
"""The levels every server has; a server's own ``Literal`` may add others (uvicorn's ``trace``)."""


@dataclass(frozen=True)
class Common:
    """What one common option is on every server; a backend adds only what is its own."""

    name: str
    """The documented name: the ARGS key that works on every server."""
    annotation: Any
    """The type the field is annotated with (for ``log-level``: the levels each server's ``Literal`` has)."""
    default: Any
    description: str
    group: Group
    bounds: Mapping[str, int] = field(default_factory=dict)
    """``ge`` and ``le``, unless a server has a reason for its own (given to the constructor)."""
    path: PathRole | None = None

    @property
    def field_name(self) -> str:
        return underscored(self.name)

    def declare(
        self,
        *,
        cli: str | None,
        server: str | None = None,
        also: tuple[str, ...] = (),
        note: str | None = None,
        default: Any = None,
        native: str | None = None,
        choices: Any = None,
        ge: int | None = None,
        le: int | None = None,
    ) -> Any:
        """The pydantic field of this option on one server (``default`` None: the common default).

        ``choices`` is the server's own ``Literal`` of a choice option (its log levels): it must
        hold every common value, and may add its own (uvicorn's ``trace``).
        """
        if choices is not None:
            missing = [value for value in get_args(unwrapped(self.annotation)[0]) if value not in get_args(choices)]
            if missing:
                raise TypeError(f"{self.name}: the server's choices lack the common {missing}")
        own = {name: value for name, value in (("ge", ge), ("le", le)) if value is not None}
        constraints: dict[str, Any] = {**self.bounds, **own}
        return option(
            self.default if default is None else default,
            described(self.description, note),
            cli=cli,
            documented=self.name,
            server=server,
            also=also,
            group=self.group,
            path=self.path,
            native=native,
            **constraints,
        )


def described(description: str, note: str | None) -> str:
    """The common description with a server's note: ``Number of worker processes (uvicorn: $WEB_CONCURRENCY or 1)``.

    A description that ends with a parenthesis takes the note inside it: ``(PEM; ...)``.
    """
    if note is None:
        return description
    if description.endswith(")"):
        return f"{description[:-1]}; {note})"
    return f"{description} ({note})"


ADDRESS = Common("address", IPAddress, "127.0.0.1", "IP address to bind to", "binding")
PORT = Common("port", Int, 8000, "TCP port to bind to", "binding", {"ge": 0, "le": 65535})
BACKLOG = Common(
    "backlog", Int, 1024, "Maximum number of connections to hold in backlog", "binding", {"ge": 0, "le": I32_MAX}
)
WORKERS = Common("workers", Int, 1, "Number of worker processes", "workers", {"ge": 1, "le": PID_MAX_LIMIT})
THREADS = Common("threads", ThreadCount, 1, "Threads per worker running the Django app", "workers", {"ge": 1})
ASGI_THREADS = Common(
    "threads", Int | None, None, "WSGI only: ignored by the ASGI backend (use workers)", "workers", {"ge": 1}
)
"""``threads`` on an ASGI server: accepted so that a WSGI setting validates, never passed on (a warning says so)."""
LOG_LEVEL = Common("log-level", Annotated[LogLevel, Choice], "info", "Log level", "logging")
LOG_ACCESS = Common("log-access", bool, True, "Access log", "logging")
SSL_CERT = Common("ssl-cert", AnyPath | None, None, "TLS certificate file (PEM)", "TLS", path="file")
SSL_KEY = Common("ssl-key", AnyPath | None, None, "TLS private key file (PEM)", "TLS", path="file")

COMMON = {
    spec.field_name: spec
    for spec in (ADDRESS, PORT, BACKLOG, WORKERS, THREADS, LOG_LEVEL, LOG_ACCESS, SSL_CERT, SSL_KEY)
}
"""Field name -> the common option (``threads`` as on a WSGI server; :data:`ASGI_THREADS` on an ASGI one)."""


def host_and_port(host: str, port: int | str) -> str:
    """Where a server listens, as its users read it: ``127.0.0.1:8000``, ``[::1]:8000``."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


__all__ = [
    "ADDRESS",
    "ASGI_THREADS",
    "BACKLOG",
    "COMMON",
    "I32_MAX",
    "LOG_ACCESS",
    "LOG_LEVEL",
    "PID_MAX_LIMIT",
    "PORT",
    "SSL_CERT",
    "SSL_KEY",
    "THREADS",
    "WORKERS",
    "Common",
    "LogLevel",
    "described",
    "host_and_port",
]
