"""The waitress backend: its rules' exact messages (each with a passing twin), values, rendering, drift."""

from __future__ import annotations

from typing import Any

import pytest
from waitress.adjustments import Adjustments  # type: ignore[import-untyped]

from django_prodserver.backends.listening import Listener
from django_prodserver.backends.waitress import WaitressArgs, WaitressServer
from django_prodserver.backends.waitress.rendering import serve_kwargs
from django_prodserver.validation import validate_process

BACKEND = "django_prodserver.backends.waitress.WaitressServer"
ARGS = "PRODUCTION_PROCESSES['web']['ARGS']"


def problems(args: object) -> list[tuple[str, str, str | None]]:
    report = validate_process("web", {"BACKEND": BACKEND, "ARGS": args})
    return [(problem.id, problem.message, problem.hint) for problem in report.problems if not problem.deploy]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            {"listen": "*:8080", "address": "0.0.0.0"},
            (
                "prodserver.E101",
                f"{ARGS}['address'] is set with listen; waitress refuses both.",
                "Remove address, or put it in listen ('0.0.0.0:8080').",
            ),
        ),
        (
            {"unix_socket": "web.sock", "host": "127.0.0.1"},
            (
                "prodserver.E102",
                f"{ARGS}['host'] is set with unix-socket; waitress refuses both.",
                "Keep either the Unix socket or the TCP address.",
            ),
        ),
        (
            {"trusted_proxy_count": 2},
            (
                "prodserver.E103",
                f"{ARGS}['trusted_proxy_count'] has no meaning without trusted-proxy; waitress refuses it.",
                "Set trusted-proxy to your proxy's address ('*' for any), or remove it.",
            ),
        ),
        (
            {"trusted-proxy": "*", "trusted-proxy-headers": ["Forwarded", "X-Forwarded-Proto"]},
            (
                "prodserver.E104",
                f"{ARGS}['trusted-proxy-headers'] mixes Forwarded with X-Forwarded-* headers; "
                "waitress refuses to trust both.",
                "Keep 'forwarded' alone, or only the x-forwarded-* headers.",
            ),
        ),
        (
            {"listen": "127.0.0.1:8080 127.0.0.1:http"},
            (
                "prodserver.E105",
                f"{ARGS}['listen'] has '127.0.0.1:http'; expected host:port with a port between 0 and 65535.",
                "Write each entry as '127.0.0.1:8080', '[::1]:8080' or '*:8080'.",
            ),
        ),
        (
            {"listen": "[::1]:8080", "ipv6": False},
            (
                "prodserver.E114",
                f"{ARGS}['listen'] has the IPv6 address ::1, but ipv6 is False: it cannot be bound.",
                "Remove ipv6: False, or use an address of the other family.",
            ),
        ),
        (
            {"listen": "0.0.0.0:8080 127.0.0.1:8080"},
            (
                "prodserver.E115",
                f"{ARGS}['listen'] has '127.0.0.1:8080', which '0.0.0.0:8080' already takes: waitress' second bind "
                "of the port fails, and it would refuse to start.",
                "Give each address once; a wildcard (0.0.0.0, ::, *) takes the port on every interface.",
            ),
        ),
        (
            {"listen": "*:8080 [::1]:8080"},
            (
                "prodserver.E115",
                f"{ARGS}['listen'] has '[::1]:8080', which '*:8080' already takes: waitress' second bind "
                "of the port fails, and it would refuse to start.",
                "Give each address once; a wildcard (0.0.0.0, ::, *) takes the port on every interface.",
            ),
        ),
        (
            {"ipv4": "false", "ipv6": "no"},
            (
                "prodserver.W100",
                f"{ARGS}['ipv4'] is False, as is ipv6: waitress then binds both families, not neither.",
                "Turn off only the family you do not want.",
            ),
        ),
        (
            {"trusted-proxy": "10.0.0.1", "trusted-proxy-count": 1},
            (
                "prodserver.W102",
                f"{ARGS}['trusted-proxy'] is set without trusted-proxy-headers: "
                "waitress then trusts X-Forwarded-Proto only (deprecated).",
                "Set trusted-proxy-headers to the headers your proxy sets, e.g. 'x-forwarded-for x-forwarded-proto'.",
            ),
        ),
        (
            {"unix-socket-perms": "rw"},
            (
                "prodserver.E027",
                f"{ARGS}['unix-socket-perms'] is 'rw'; expected octal file permissions.",
                "Write the permissions as an octal string, e.g. '0660'.",
            ),
        ),
        (
            {"trusted_proxy_headers": "x-forwarded-server"},
            (
                "prodserver.E024",
                f"{ARGS}['trusted_proxy_headers'][0] is 'x-forwarded-server'; expected 'forwarded', 'x-forwarded-by', "
                "'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-port' or 'x-forwarded-proto'.",
                "Use 'forwarded', 'x-forwarded-by', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-port' or "
                "'x-forwarded-proto'.",
            ),
        ),
    ],
)
def test_rule_messages(args: dict[str, Any], expected: tuple[str, str, str]) -> None:
    assert problems(args) == [expected]


@pytest.mark.parametrize(
    "args",
    [
        {},
        {"listen": "*:8080 [::]:8080"},
        {"listen": "[::]:8080 0.0.0.0:8080 127.0.0.1:8081 127.0.0.1:8081"},
        {"unix_socket": "web.sock", "unix_socket_perms": "660", "threads": 8},
        {"trusted-proxy": "*", "trusted-proxy-count": 1, "trusted-proxy-headers": "forwarded"},
        {"address": "::1", "ipv4": False},
        {"address": "localhost", "port": "8080", "ipv6": False},
    ],
)
def test_valid_settings_say_nothing(args: dict[str, Any]) -> None:
    assert problems(args) == []


def test_permissions_are_octal_digits_as_waitress_reads_them() -> None:
    assert WaitressArgs.model_validate({"unix-socket-perms": "660"}).unix_socket_perms == 0o660
    assert WaitressArgs.model_validate({"unix-socket-perms": "0600"}).unix_socket_perms == 0o600


def test_expose_tracebacks_is_production_advice() -> None:
    report = validate_process("web", {"BACKEND": BACKEND, "ARGS": {"expose_tracebacks": True}})

    assert [(problem.id, problem.deploy) for problem in report.problems] == [("prodserver.W103", True)]


def test_only_the_options_set_reach_waitress() -> None:
    args = WaitressArgs.model_validate({"threads": "8", "listen": ["127.0.0.1:1", "[::1]:2"], "ipv4": True})

    assert serve_kwargs(args) == {"threads": 8, "listen": "127.0.0.1:1 [::1]:2", "ipv4": True}
    assert WaitressServer().command_line(args) == [
        "waitress-serve",
        "--listen=127.0.0.1:1",
        "--listen=[::1]:2",
        "--ipv4",
        "--threads=8",
        "demo.wsgi:application",
    ]


def test_defaults_are_waitress_own() -> None:
    """Unset options are not passed, so the model's defaults must be waitress' (3.x served 0.0.0.0:8080)."""
    defaults = WaitressArgs()
    for field, meta in WaitressArgs.options().items():
        assert meta.server is not None
        ours = getattr(defaults, field)
        theirs = getattr(Adjustments, meta.server)
        if field == "listen":
            assert (ours, theirs) == ([], ["0.0.0.0:8080"])
        elif isinstance(theirs, (set, frozenset)):
            assert set(ours) == theirs, field
        else:
            assert ours == (theirs if theirs is not None or field != "ident" else ""), field


def test_the_address_is_where_waitress_listens() -> None:
    server = WaitressServer()
    assert server.listeners(WaitressArgs()) == (Listener("port", "tcp", "0.0.0.0:8080"),)
    assert server.listeners(WaitressArgs.model_validate({"address": "::1", "port": 9000})) == (
        Listener("port", "tcp", "[::1]:9000"),
    )
    assert server.listeners(WaitressArgs.model_validate({"listen": "*:9000 [::1]:9001"})) == (
        Listener("listen", "tcp", "0.0.0.0:9000"),
        Listener("listen", "tcp", "[::1]:9001"),
    )
    assert server.listeners(WaitressArgs.model_validate({"listen": "*:9000", "unix-socket": "/run/web.sock"})) == (
        Listener("unix_socket", "unix", "unix:/run/web.sock"),
    )
