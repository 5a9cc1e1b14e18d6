"""gunicorn's launcher: the process ``manage.py prodserver`` becomes (:mod:`..handover`), running gunicorn's
``Application`` (a ``BaseApplication``) from the validated settings only.

gunicorn's own command reads ``gunicorn.conf.py`` and ``GUNICORN_CMD_ARGS`` on top of its
arguments; this application reads neither (the check warns when they exist, W080), so the
validated settings are the whole truth.  It runs in a fresh interpreter that imports gunicorn and
no Django, pydantic nor project (unless ``preload``): workers forked after a ``HUP`` import the new code.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import socket
import sys
import sysconfig
import traceback
from typing import Any

from gunicorn import debug, systemd, util  # type: ignore[import-untyped]
from gunicorn.app.base import Application  # type: ignore[import-untyped]
from gunicorn.arbiter import Arbiter  # type: ignore[import-untyped]
from gunicorn.sock import BaseSocket, _sock_type, ssl_context  # type: ignore[import-untyped]

from ..handover import ServerStartError, freeze_before_fork, host_and_port, launched, taken_over

LAUNCHER = "django_prodserver.backends.gunicorn.launch"
"""What :func:`..handover.hand_over` runs (not ``__name__``: under ``python -m`` that is ``__main__``)."""


class DrainingArbiter(Arbiter):  # type: ignore[misc]  # gunicorn is untyped
    """gunicorn's arbiter, except that SIGINT drains in-flight requests as SIGTERM does (gunicorn: quick exit)."""

    def handle_int(self) -> None:
        self.handle_term()


class ProdserverApplication(Application):  # type: ignore[misc]  # gunicorn is untyped
    """gunicorn configured from validated ARGS: no command line, no config file, no environment variable."""

    def __init__(self, target: str, settings: dict[str, Any]) -> None:
        self.target = target
        self.settings = settings
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
        for name, value in self.settings.items():
            self.cfg.set(name, value)
        # As gunicorn's command does: work and import from chdir (the current directory by default).
        self.chdir()

    def load(self) -> Any:
        return util.import_app(self.target)

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
        freeze_before_fork()
        arbiter.run()


def check_tls(target: str, settings: dict[str, Any]) -> None:
    """Load the certificate and key as the launcher will: called before the hand-over, so a fault is one
    line of the command that validated (the launcher loads them again: the files may change meanwhile)."""
    if settings.get("certfile") is not None:
        _load_tls(ProdserverApplication(target, settings).cfg)


def _load_tls(cfg: Any) -> None:
    """Build the TLS context now: gunicorn would fail in each worker, at its first connection."""
    if not cfg.is_ssl:
        return
    try:
        ssl_context(cfg)
    except Exception as error:
        # The ssl-context hook is the project's code: it may raise anything.
        reason = getattr(error, "reason", None)
        why = "the private key does not match the certificate" if reason == "KEY_VALUES_MISMATCH" else _why(error)
        hook = cfg.settings["ssl_context"].value
        if getattr(hook, "__module__", "gunicorn.config") != "gunicorn.config":
            built = f"gunicorn's ssl-context hook {hook.__module__}.{hook.__qualname__} failed"
        else:
            built = f"Cannot load the TLS certificate {cfg.certfile} with the key {cfg.keyfile}"
        raise ServerStartError(f"{built}: {why}.") from None


def _why(error: BaseException) -> str:
    """An exception as one line: its type, its text and, for the project's code, where it was raised."""
    text = str(error.args[0]) if isinstance(error.args, tuple) and len(error.args) == 1 else str(error)
    frames = traceback.extract_tb(error.__traceback__)
    # The project's own code only: not gunicorn's, ours, the standard library's nor an installed package's.
    library = (sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"])
    outside = [
        frame
        for frame in frames
        if "/django_prodserver/" not in frame.filename and not frame.filename.startswith(library)
    ]
    where = f" (at {outside[-1].filename}:{outside[-1].lineno})" if outside else ""
    said = f"{type(error).__name__}: {text.rstrip('.')}{where}" if text else f"{type(error).__name__}{where}"
    # What logging.config and others wrap ("Unable to configure handler 'file'"): the first cause says why.
    root, seen = error, {id(error)}
    while (cause := root.__cause__ or root.__context__) is not None and id(cause) not in seen:
        root = cause
        seen.add(id(cause))
    return said if root is error else f"{said}, from {type(root).__name__}: {str(root).rstrip('.')}"


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


def serve(target: str, settings: dict[str, Any]) -> None:
    """Run gunicorn in the foreground until it is stopped."""
    try:
        ProdserverApplication(target, settings).run()
    except SystemExit as exit:
        # gunicorn's arbiter exits with sys.exit: 0 after a graceful stop, non-zero after logging why.
        if exit.code not in (0, None):
            raise
    except (ServerStartError, KeyboardInterrupt):
        raise
    except Exception as error:
        # Before its main loop, gunicorn lets an exception out with a traceback: its logger's files and
        # syslog, the pid file, the hooks that run at start (on_starting, when_ready): one line instead.
        _forget_unconnected_syslog()
        raise ServerStartError(f"gunicorn could not start: {_why(error)}.") from None


def _forget_unconnected_syslog() -> None:
    """Drop a SysLogHandler whose connection failed in its constructor: it has no socket, and on Python
    3.10 logging's exit hook would print a traceback closing it.  No logger holds it."""
    with logging._lock:  # type: ignore[attr-defined]  # logging's registry of handlers, closed at exit
        for reference in list(logging._handlerList):  # type: ignore[attr-defined]
            handler = reference()
            if isinstance(handler, logging.handlers.SysLogHandler) and not hasattr(handler, "socket"):
                logging._handlerList.remove(reference)  # type: ignore[attr-defined]


def main() -> None:
    """The launcher's entry: serve what ``manage.py prodserver`` validated and handed over."""
    # gunicorn's USR2 re-executes sys.argv with the same environment: keep both naming this launcher.
    target, settings = taken_over(keep=True)
    sys.argv[:] = ["-m", LAUNCHER]
    launched(lambda: serve(target, settings))


if __name__ == "__main__":
    main()
