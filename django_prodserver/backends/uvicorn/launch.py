"""uvicorn's launcher: the process ``manage.py prodserver`` becomes (:mod:`..handover`), starting uvicorn as
``uvicorn.main.run`` does, with faults reported in one line.

``uvicorn.main.run`` logs a taken port, an unloadable certificate or a missing module and exits with
status 3 (or a traceback); here each is a :class:`ServerStartError`, found before uvicorn starts:
the socket is bound first (and handed to uvicorn, as its supervisors do), the TLS files are loaded
once; the backend imported the application module before the hand-over.  It runs in a fresh
interpreter that imports uvicorn and no Django, pydantic nor project until a server process loads it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..handover import ServerStartError, host_and_port, launched, taken_over

if TYPE_CHECKING:
    from uvicorn import Config


def build_config(kwargs: dict[str, Any], threads: int | None) -> Config:
    """The ``uvicorn.Config`` of these keywords; it configures logging, as uvicorn's command does."""
    from uvicorn import Config

    from .threads import ThreadedWSGIConfig

    if threads is None:
        return Config(**kwargs)
    return ThreadedWSGIConfig(wsgi_threads=threads, **kwargs)


def serve(kwargs: dict[str, Any], threads: int | None, app_dir: str | None) -> None:
    """Run uvicorn in the foreground until SIGTERM or SIGINT; :class:`ServerStartError` if it cannot start."""
    from uvicorn import Server
    from uvicorn.supervisors import ChangeReload, Multiprocess

    if app_dir is not None:
        # As uvicorn's --app-dir does, so the target imports from that directory.
        sys.path.insert(0, app_dir)
    config = build_config(kwargs, threads)
    _check_tls(config)
    sock = _listen(config)
    server = Server(config=config)
    try:
        with _quiet_stop():
            if config.should_reload:
                ChangeReload(config, target=server.run, sockets=[sock]).run()  # type: ignore[list-item]
            elif config.workers > 1:
                Multiprocess(config, sockets=[sock]).run()  # type: ignore[list-item]
            else:
                server.run(sockets=None if sock is None else [sock])
    finally:
        if config.uds and os.path.exists(config.uds):
            os.remove(config.uds)


@contextlib.contextmanager
def _quiet_stop() -> Iterator[None]:
    """SIGTERM and SIGINT stop the server gracefully and this process with status 0.

    uvicorn's server raises the signal it stopped for again once it has drained, under the handler
    that was there before: a no-op for SIGTERM (the default one would kill this process with -15),
    and Python's KeyboardInterrupt for SIGINT, caught here.
    """
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        yield
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)


def check_tls(kwargs: dict[str, Any], threads: int | None) -> None:
    """Load the certificate and key as the launcher will: called before the hand-over, so a fault is one
    line of the command that validated (the launcher loads them again: the files may change meanwhile)."""
    if kwargs.get("ssl_certfile") is not None:
        _check_tls(build_config(kwargs, threads))


def _check_tls(config: Config) -> None:
    """Load the certificate and key as uvicorn will in each worker: a fault is one line here, not a traceback there."""
    if not config.is_ssl:
        return
    from uvicorn.config import create_ssl_context

    try:
        create_ssl_context(
            certfile=config.ssl_certfile or "",
            keyfile=config.ssl_keyfile,
            password=config.ssl_keyfile_password,
            ssl_version=config.ssl_version,
            cert_reqs=config.ssl_cert_reqs,
            ca_certs=config.ssl_ca_certs,
            ciphers=config.ssl_ciphers,
        )
    except (OSError, ValueError) as exc:
        raise ServerStartError(_tls_fault(config, exc)) from None


def _tls_fault(config: Config, exc: Exception) -> str:
    if getattr(exc, "reason", None) == "KEY_VALUES_MISMATCH":
        why = "the private key does not match the certificate"
    else:
        why = getattr(exc, "strerror", None) or str(exc)
    return f"Cannot load the TLS certificate {config.ssl_certfile} with the key {config.ssl_keyfile}: {why}."


def _listen(config: Config) -> socket.socket | None:
    """The listening socket, bound as ``Config.bind_socket`` binds it; None for ``fd`` (uvicorn opens it)."""
    if config.fd is not None:
        return None
    if config.uds is not None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        where: Any = config.uds
    else:
        sock = socket.socket(socket.AF_INET6 if ":" in config.host else socket.AF_INET)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        where = (config.host, config.port)
    try:
        sock.bind(where)
        if config.uds is not None:
            os.chmod(config.uds, 0o666)
    except OSError as exc:
        sock.close()
        address = f"unix:{config.uds}" if config.uds is not None else host_and_port(config.host, config.port)
        raise ServerStartError(f"Cannot listen on {address}: {_reason(exc)}.") from None
    sock.set_inheritable(True)
    _log_listening(config, sock)
    return sock


def _reason(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return reason[0].upper() + reason[1:] if reason else "error"


def _log_listening(config: Config, sock: socket.socket) -> None:
    # What Config.bind_socket logs; uvicorn's server does not log it for sockets it is handed.
    logger = logging.getLogger("uvicorn.error")
    if config.uds is not None:
        logger.info("Uvicorn running on unix socket %s (Press CTRL+C to quit)", config.uds)
        return
    scheme = "https" if config.is_ssl else "http"
    address = host_and_port(config.host, sock.getsockname()[1])
    logger.info("Uvicorn running on %s://%s (Press CTRL+C to quit)", scheme, address)


def main() -> None:
    """The launcher's entry: serve what ``manage.py prodserver`` validated and handed over."""
    kwargs, threads, app_dir = taken_over()
    launched(lambda: serve(kwargs, threads, app_dir))


if __name__ == "__main__":
    main()
