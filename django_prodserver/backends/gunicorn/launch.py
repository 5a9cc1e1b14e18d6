"""Start gunicorn in this process, through its ``Application`` (a ``BaseApplication``), from our settings only.

gunicorn's own command reads ``gunicorn.conf.py`` and ``GUNICORN_CMD_ARGS`` on top of its
arguments; this application reads neither (the check warns when they exist, W080), so the
validated settings are the whole truth.  Imported only when a server starts: it imports gunicorn.
"""

from __future__ import annotations

import os
import socket
import sys
from typing import Any

from gunicorn import debug, systemd, util  # type: ignore[import-untyped]
from gunicorn.app.base import Application  # type: ignore[import-untyped]
from gunicorn.arbiter import Arbiter  # type: ignore[import-untyped]
from gunicorn.sock import BaseSocket, _sock_type, ssl_context  # type: ignore[import-untyped]

from ...args.common import host_and_port
from ..base import ServerStartError
from .rendering import Invocation, settings


class DrainingArbiter(Arbiter):  # type: ignore[misc]  # gunicorn is untyped
    """gunicorn's arbiter, except that SIGINT drains in-flight requests as SIGTERM does (gunicorn: quick exit)."""

    def handle_int(self) -> None:
        self.handle_term()


class ProdserverApplication(Application):  # type: ignore[misc]  # gunicorn is untyped
    """gunicorn configured from validated ARGS: no command line, no config file, no environment variable."""

    def __init__(self, invocation: Invocation) -> None:
        self.invocation = invocation
        super().__init__(usage=None, prog="gunicorn")

    def do_load_config(self) -> None:
        # gunicorn prints the error and exits; the check has refused what gunicorn would refuse.
        try:
            self.load_default_config()
            self.load_config()
            self.cfg.validate()
        except Exception as error:
            raise ServerStartError(f"gunicorn refused the configuration: {error}") from None

    def init(self, parser: Any, opts: Any, args: Any) -> None:
        return None

    def load_config(self) -> None:
        # gunicorn's default chdir is the directory it was imported in; its command is started here.
        self.cfg.set("chdir", os.getcwd())
        for name, value in settings(self.invocation).items():
            self.cfg.set(name, value)
        # As gunicorn's command does: work and import from chdir (the current directory by default).
        self.chdir()

    def load(self) -> Any:
        return util.import_app(self.invocation.target)

    def run(self) -> None:
        # gunicorn's Application.run, without what the backend decides (print-config, check-config, daemon).
        if self.cfg.spew:
            debug.spew()
        for path in self.cfg.pythonpath.split(",") if self.cfg.pythonpath else ():
            if os.path.abspath(path) not in sys.path:
                sys.path.insert(0, os.path.abspath(path))
        arbiter = DrainingArbiter(self)
        _load_tls(self.cfg)
        arbiter.LISTENERS = _listeners(arbiter)
        arbiter.run()


def _load_tls(cfg: Any) -> None:
    """Load the certificate and key now: gunicorn would fail in each worker, at its first connection."""
    if not cfg.is_ssl:
        return
    try:
        ssl_context(cfg)
    except (OSError, ValueError) as error:
        reason = getattr(error, "reason", None)
        why = "the private key does not match the certificate" if reason == "KEY_VALUES_MISMATCH" else str(error)
        message = f"Cannot load the TLS certificate {cfg.certfile} with the key {cfg.keyfile}: {why}."
        raise ServerStartError(message) from None


def _listeners(arbiter: Any) -> list[BaseSocket]:
    """Bind every address once, as gunicorn would, but fail at once with one line (gunicorn retries 5 s)."""
    cfg = arbiter.cfg
    if (cfg.reuse_port and hasattr(socket, "SO_REUSEPORT")) or systemd.listen_fds(False) or "GUNICORN_FD" in os.environ:
        # Each worker binds its own socket (reuse-port), or systemd or a re-exec passes them: gunicorn's own path.
        return []
    listeners: list[BaseSocket] = []
    for address in cfg.address:
        if isinstance(address, int):
            return []
        try:
            listeners.append(_sock_type(address)(address, cfg, arbiter.log))
        except OSError as error:
            for listener in listeners:
                listener.close()
            shown = address if isinstance(address, str) else host_and_port(*address)
            raise ServerStartError(f"Cannot listen on {shown}: {error.strerror or error}.") from None
    return listeners


def serve(invocation: Invocation) -> None:
    """Run gunicorn in the foreground until it is stopped."""
    try:
        ProdserverApplication(invocation).run()
    except SystemExit as exit:
        # gunicorn's arbiter exits with sys.exit: 0 after a graceful stop, non-zero after logging why.
        if exit.code not in (0, None):
            raise
