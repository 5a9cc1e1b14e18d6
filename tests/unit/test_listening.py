"""Where a server listens: each backend's ``listeners()``, decided once with its tool's precedence, and
what the shared code reads from it (W047 over every listener, the address the proxy rules judge)."""

from __future__ import annotations

import pytest

from django_prodserver.backends.gunicorn import GunicornArgs, GunicornServer
from django_prodserver.backends.listening import Listener, serving
from django_prodserver.backends.uvicorn import UvicornASGIArgs, UvicornServer
from django_prodserver.validation import validate_setting

GUNICORN = "django_prodserver.backends.gunicorn.GunicornServer"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({}, (Listener("port", "tcp", "127.0.0.1:8000"),)),
        ({"address": "::1", "port": 9000}, (Listener("port", "tcp", "[::1]:9000"),)),
        (
            {"port": 9000, "bind": ["unix:///run/web.sock", "fd://3", "[::]:8001", "localhost"]},
            (
                Listener("bind", "unix", "unix:/run/web.sock"),
                Listener("bind", "fd", "fd://3"),
                Listener("bind", "tcp", "[::]:8001"),
                Listener("bind", "tcp", "localhost"),
            ),
        ),
    ],
)
def test_gunicorn_listens_on_each_bind_else_address_and_port(
    args: dict[str, object], expected: tuple[Listener, ...]
) -> None:
    server = GunicornServer()
    assert server.listeners(GunicornArgs.model_validate({**args, "no-control-socket": True})) == expected
    # Then on its control socket, which serves no request.
    control = Listener("control_socket", "unix", "unix:/run/gunicorn.ctl", serves=False)
    with_control = GunicornArgs.model_validate({**args, "control-socket": "/run/gunicorn.ctl"})
    assert server.listeners(with_control) == (*expected, control)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({"uds": "/run/web.sock", "fd": 3, "port": 9000}, Listener("uds", "unix", "unix:/run/web.sock")),
        ({"fd": 3, "port": 9000}, Listener("fd", "fd", "fd:3")),
        ({"port": 9000}, Listener("port", "tcp", "127.0.0.1:9000")),
    ],
)
def test_uvicorns_precedence_a_socket_then_a_descriptor_then_a_port(
    args: dict[str, object], expected: Listener
) -> None:
    assert UvicornServer().listeners(UvicornASGIArgs.model_validate(args)) == (expected,)


def test_a_listeners_host_and_port() -> None:
    assert (Listener("port", "tcp", "[::1]:8000").host, Listener("port", "tcp", "[::1]:8000").port) == ("::1", 8000)
    assert (Listener("bind", "tcp", "localhost").host, Listener("bind", "tcp", "localhost").port) == ("", None)
    assert (Listener("uds", "unix", "unix:/a:1").host, Listener("uds", "unix", "unix:/a:1").port) == (None, None)


def test_the_served_listener_is_the_first_that_serves_the_application() -> None:
    metrics = Listener("metrics_port", "tcp", "127.0.0.1:9090", serves=False)
    web = Listener("port", "tcp", "127.0.0.1:8000")
    assert serving([metrics, web]) is web
    assert serving([metrics]) is None


def test_a_second_gunicorn_bind_shared_with_another_process_is_w047() -> None:
    setting = {
        "web": {"BACKEND": GUNICORN, "ARGS": {"bind": ["127.0.0.1:8000", "127.0.0.1:8001"], "no-control-socket": True}},
        "api": {"BACKEND": GUNICORN, "ARGS": {"port": 8001}},
    }
    shared = [problem for problem in validate_setting(setting) if problem.id == "prodserver.W047"]
    assert [(problem.id, problem.message) for problem in shared] == [
        (
            "prodserver.W047",
            "PRODUCTION_PROCESSES['api']['ARGS']['port'] binds 127.0.0.1:8001, as process 'web' does "
            "(127.0.0.1:8001): the one started second cannot bind it.",
        )
    ]
