"""ARGS of daphne's ``runserver`` (Django's, serving ASGI with daphne), and 3.x's other daphne keys.

``tests/unit/devservers/test_drift.py`` pins the options against daphne's own parser.  The keys
django-prodserver 3.x passed to ``daphne.Server`` that daphne's runserver has no option for
(``ping_interval``, ``proxy_headers``...) are in the ``3.x`` group: accepted and ignored (W104).
"""

from __future__ import annotations

from typing import Annotated, Any

from ...args.base import option
from ...args.values import Int, Since, StrList
from ..django_runserver.options import RunserverArgs, legacy


def inherited(name: str) -> Any:
    """The option as Django's runserver declares it, for a field that annotates it again."""
    return RunserverArgs.model_fields[name]


class DaphneRunserverArgs(RunserverArgs):
    """``manage.py runserver`` with daphne in INSTALLED_APPS."""

    noasgi: bool = option(
        False,
        "Serve WSGI with Django's server instead of daphne",
        cli="noasgi",
        server="use_asgi",
        inverted=True,
        group="protocols",
    )
    http_timeout: Int | None = option(
        None, "Seconds before an HTTP request times out (daphne: none)", cli="http_timeout", ge=1, group="timeouts"
    )
    websocket_handshake_timeout: Int = option(
        5, "Seconds to wait for a websocket handshake", cli="websocket_handshake_timeout", ge=1, group="timeouts"
    )
    # daphne 4.2.2's options: on an older daphne, call_command refuses an option its parser lacks.
    websocket_max_message_size: Annotated[Int, Since("daphne", "4.2.2")] | None = option(
        None, "Largest websocket message, in bytes", cli="websocket-max-message-size", ge=1, group="protocols"
    )
    websocket_max_frame_size: Annotated[Int, Since("daphne", "4.2.2")] | None = option(
        None, "Largest websocket frame, in bytes", cli="websocket-max-frame-size", ge=1, group="protocols"
    )
    # Django's staticfiles options, which daphne's runserver (it replaces staticfiles') has since 4.2.
    nostatic: Annotated[bool, Since("daphne", "4.2")] = inherited("nostatic")
    insecure: Annotated[bool, Since("daphne", "4.2")] = inherited("insecure")

    # django-prodserver 3.x drove daphne.Server itself; its runserver has no option for these.
    unix_socket: str | None = legacy("unix_socket", None, "3.x: Unix socket to bind to")
    fd: Int | None = legacy("fd", None, "3.x: file descriptor to listen on")
    endpoints: StrList = legacy("endpoints", [], "3.x: Twisted endpoint descriptions")
    root_path: str = legacy("root_path", "", "3.x: ASGI root_path (Django's FORCE_SCRIPT_NAME is used)")
    proxy_headers: bool = legacy("proxy_headers", False, "3.x: trust X-Forwarded-For/-Port/-Proto")
    ping_interval: Int = legacy("ping_interval", 20, "3.x: seconds between websocket pings")
    ping_timeout: Int = legacy("ping_timeout", 30, "3.x: seconds before an unanswered ping closes the socket")
    application_close_timeout: Int = legacy(
        "application_close_timeout", 10, "3.x: seconds to wait for the application to close"
    )
    websocket_timeout: Int = legacy("websocket_timeout", 86400, "3.x: maximum websocket lifetime, in seconds")
    websocket_connect_timeout: Int = legacy(
        "websocket_connect_timeout", 20, "3.x: seconds to wait for a websocket connection"
    )
    request_buffer_size: Int = legacy("request_buffer_size", 8192, "3.x: request buffer size, in bytes")
    server_name: str = legacy("server_name", "daphne", "3.x: Server header")
    access_log: str | None = legacy("access_log", None, "3.x: access log file")
