"""The common ARGS: the options every production server shares, declared once.

``address``, ``port``, ``workers``, ``threads`` (WSGI), ``backlog``, ``log-level``, ``log-access``,
``ssl-cert`` and ``ssl-key`` mean the same on Granian, gunicorn and uvicorn (and, for those it has,
waitress), so that switching servers is a change of ``BACKEND`` alone.  What each one *is* lives
here: its documented name, type, default, bounds, group and description (:class:`Common`).
A backend's options module declares the field with the constructor of the same name, giving only
what is its own: the tool's flag (``cli``), the keyword of its in-process call (``server``), its
native spellings (``also``), a note on its own default (``"uvicorn: 2048"``), its ``Literal`` of
log levels; a bound or a default that differs (waitress keeps 3.x's ``0.0.0.0:8080``) is given
explicitly.  ``tests/unit/test_common_args.py`` compares every built-in server with this module.

Pure pydantic, like the rest of :mod:`django_prodserver.args`: the check imports every backend's
options on every management command.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, get_args

from .base import PathRole, option, underscored
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
        ge: int | None = None,
        le: int | None = None,
    ) -> Any:
        """The pydantic field of this option on one server (``default`` None: the common default)."""
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


def address(
    *,
    cli: str | None,
    server: str | None = None,
    also: tuple[str, ...] = (),
    note: str | None = None,
    default: str | None = None,
) -> Any:
    """``address``: the IP address to bind to (127.0.0.1)."""
    return ADDRESS.declare(cli=cli, server=server, also=also, note=note, default=default)


def port(
    *,
    cli: str | None,
    server: str | None = None,
    also: tuple[str, ...] = (),
    note: str | None = None,
    default: int | None = None,
) -> Any:
    """``port``: the TCP port to bind to (8000), 0 to 65535."""
    return PORT.declare(cli=cli, server=server, also=also, note=note, default=default)


def backlog(
    *,
    cli: str | None,
    server: str | None = None,
    also: tuple[str, ...] = (),
    note: str | None = None,
    ge: int | None = None,
) -> Any:
    """``backlog``: pending connections the listening socket holds (1024), 0 to the C int's maximum."""
    return BACKLOG.declare(cli=cli, server=server, also=also, note=note, ge=ge)


def workers(
    *,
    cli: str | None,
    server: str | None = None,
    also: tuple[str, ...] = (),
    note: str | None = None,
    ge: int | None = None,
) -> Any:
    """``workers``: worker processes (1)."""
    return WORKERS.declare(cli=cli, server=server, also=also, note=note, ge=ge)


def threads(
    *,
    cli: str | None,
    server: str | None = None,
    also: tuple[str, ...] = (),
    note: str | None = None,
    default: int | None = None,
    ge: int | None = None,
    le: int | None = None,
) -> Any:
    """``threads`` on a WSGI server: threads per worker running the Django app (1)."""
    return THREADS.declare(cli=cli, server=server, also=also, note=note, default=default, ge=ge, le=le)


def asgi_threads() -> Any:
    """``threads`` on an ASGI server: accepted, never passed on (the backend's rules warn)."""
    return ASGI_THREADS.declare(cli=None, server=None)


def log_level(
    levels: Any, *, cli: str | None, server: str | None = None, also: tuple[str, ...] = (), native: str | None = None
) -> Any:
    """``log-level`` (info): ``levels`` is the server's own ``Literal``, which must have the common ones."""
    missing = [level for level in get_args(LogLevel) if level not in get_args(levels)]
    if missing:
        raise TypeError(f"log-level: the server's levels lack the common {missing}")
    return LOG_LEVEL.declare(cli=cli, server=server, also=also, native=native)


def log_access(
    *, cli: str | None, server: str | None = None, also: tuple[str, ...] = (), note: str | None = None
) -> Any:
    """``log-access``: the access log (on)."""
    return LOG_ACCESS.declare(cli=cli, server=server, also=also, note=note)


def ssl_cert(*, cli: str | None, server: str | None = None, also: tuple[str, ...] = (), note: str | None = None) -> Any:
    """``ssl-cert``: the TLS certificate file."""
    return SSL_CERT.declare(cli=cli, server=server, also=also, note=note)


def ssl_key(*, cli: str | None, server: str | None = None, also: tuple[str, ...] = (), note: str | None = None) -> Any:
    """``ssl-key``: the TLS private key file."""
    return SSL_KEY.declare(cli=cli, server=server, also=also, note=note)


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
    "address",
    "asgi_threads",
    "backlog",
    "described",
    "host_and_port",
    "log_access",
    "log_level",
    "port",
    "ssl_cert",
    "ssl_key",
    "threads",
    "workers",
]
