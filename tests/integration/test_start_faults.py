"""A server that cannot start says why on one line and exits with 1, without a traceback."""

from __future__ import annotations

import pytest

from .servers import Launcher, ProdServer
from .servers import assert_fails_with as assert_fails_alone
from .tls import write_server_certificate

pytestmark = pytest.mark.integration


def assert_fails_with(server: ProdServer, message: str) -> None:
    assert_fails_alone(server, message)
    # Granian's own log goes to stdout: stderr holds the one line and nothing else.
    assert server.stderr == f"CommandError: {message}\n"


def test_port_in_use(launcher: Launcher, occupied_port: int) -> None:
    # RUST_BACKTRACE makes Granian append a Rust backtrace to its error: it must not reach the user.
    server = launcher.start(port=occupied_port, env={"RUST_BACKTRACE": "1"}, wait=False)

    assert_fails_with(server, f"Cannot listen on 127.0.0.1:{occupied_port}: Address already in use.")


def test_metrics_port_in_use_stops_the_started_workers(launcher: Launcher, occupied_port: int) -> None:
    # The fault is found while a worker may still be starting: without a kill timeout, Granian's
    # start-up signal race (W072) can leave the master waiting for that worker forever.
    args = {"metrics": "true", "metrics-port": str(occupied_port), "workers-kill-timeout": "3"}
    server = launcher.start(args=args, wait=False)

    assert_fails_with(server, f"Cannot serve metrics on 127.0.0.1:{occupied_port}: Address already in use.")
    assert "Granian shutdown completed" in server.stdout


@pytest.fixture
def mismatched_tls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tls = write_server_certificate(tmp_path_factory.mktemp("tls"), key_of_another_certificate=True)
    return {"ssl-cert": str(tls.cert), "ssl-key": str(tls.key)}


def test_the_check_refuses_a_certificate_and_key_that_do_not_match(
    launcher: Launcher, mismatched_tls: dict[str, str]
) -> None:
    server = launcher.start(args=mismatched_tls, wait=False)

    assert server.wait_for_exit() == 1
    assert (
        "?: (prodserver.E052) PRODUCTION_PROCESSES['web']['ARGS']['ssl-cert'] and ssl-key do not match: "
        "the key is not this certificate's.\n" in server.stderr
    )
    assert "Traceback" not in server.stderr


def test_granian_refusing_them_is_one_line_too(launcher: Launcher, mismatched_tls: dict[str, str]) -> None:
    # With the check silenced, Granian itself meets the pair (ssl.SSLError when the server is built).
    silenced = 'SILENCED_SYSTEM_CHECKS = ["prodserver.E052"]\n'
    server = launcher.start(args=mismatched_tls, extra_settings=silenced, wait=False)

    assert_fails_with(
        server,
        f"Cannot load the TLS certificate {mismatched_tls['ssl-cert']} with the key {mismatched_tls['ssl-key']}: "
        "the private key does not match the certificate.",
    )


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            'ASGI_APPLICATION = "demo.asgi.app"',
            "The application module 'demo.asgi' has no 'app': fix ASGI_APPLICATION or WSGI_APPLICATION.",
        ),
        (
            'ASGI_APPLICATION = "demo.urls.application"',
            "The application module 'demo.urls' has no 'application': fix ASGI_APPLICATION or WSGI_APPLICATION.",
        ),
    ],
    ids=["missing-attribute", "module-without-application"],
)
def test_an_application_that_does_not_load_is_refused_before_forking(
    launcher: Launcher, setting: str, message: str
) -> None:
    # check only finds the module (demo.asgi exists); the start imports it and stops before Granian forks.
    server = launcher.start(extra_settings=f"{setting}\n", wait=False)

    assert_fails_with(server, message)
    assert "Spawning worker" not in server.stdout
