"""Granian's own rules (``backends/granian/rules.py`` and ``machine.py``), by their exact messages,
each with a passing case: what Granian refuses together, ignores or changes, and production advice."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.checks import CheckMessage, Error, Warning

from django_prodserver.backends.granian import machine
from django_prodserver.rules import packages
from tests.unit.checking import ARGS, WRONG_KIND_HINT, WSGI, check, deploy_check, web

TLS = {"ssl-cert": "tls/cert.pem", "ssl-key": "tls/key.pem"}

RELOAD_HINT = "Disable reload (it is for development), or remove this option."


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        pytest.param(
            web({"blocking-threads": 2}),
            Error(
                f"{ARGS}['blocking-threads'] is 2; Granian refuses more than 1 blocking thread for ASGI.",
                hint="Remove it (or set 1) and scale with 'workers'.",
                id="prodserver.E040",
            ),
            id="E040",
        ),
        pytest.param(
            web({"static-path-mount": ["static", "static"], "static-path-route": "/static"}),
            Error(
                f"{ARGS}['static-path-mount'] has 2 mount(s) for 1 static-path-route(s); Granian refuses that.",
                hint="Give static-path-route one route per mount, in the same order.",
                id="prodserver.E041",
            ),
            id="E041",
        ),
        pytest.param(
            web({"factory": True}),
            Error(
                f"{ARGS}['factory'] is True; Django's application is not a factory, so serving would fail.",
                hint="Remove factory.",
                id="prodserver.E042",
            ),
            id="E042",
        ),
        pytest.param(
            web({"ssl-cert": "tls/cert.pem"}),
            Error(
                f"{ARGS}['ssl-cert'] is set without ssl-key: Granian would silently serve plain HTTP.",
                hint="Set ssl-key to the certificate's private key file.",
                id="prodserver.E043",
            ),
            id="E043",
        ),
        pytest.param(
            web({"ssl_key": "tls/key.pem"}),
            Error(
                f"{ARGS}['ssl_key'] is set without ssl-cert: Granian would silently serve plain HTTP.",
                hint="Set ssl-cert to the certificate file that goes with this key.",
                id="prodserver.E044",
            ),
            id="E044",
        ),
        pytest.param(
            web({"address": "0.0.0.0", "metrics": True, "metrics-address": "127.0.0.1", "metrics-port": 8000}),
            Error(
                f"{ARGS}['metrics-port'] is 8000, the server's port too: one of them cannot bind it.",
                hint="Give the metrics exporter another port, e.g. 9090.",
                id="prodserver.E045",
            ),
            id="E045",
        ),
        pytest.param(
            web({"ws": "true"}, WSGI),
            Warning(
                f"{ARGS}['ws'] is True, but WSGI has no websockets: Granian turns them off.",
                hint="Remove it, or serve websockets with the ASGI backend.",
                id="prodserver.W040",
            ),
            id="W040",
        ),
        pytest.param(
            web({**TLS, "ssl-client-verify": True}),
            Warning(
                f"{ARGS}['ssl-client-verify'] is True without ssl-ca: Granian ignores it and accepts every client.",
                hint="Set ssl-ca to the CA certificate that signs your clients' certificates.",
                id="prodserver.W041",
            ),
            id="W041",
        ),
        pytest.param(
            web({"threads": 4}),
            Warning(
                f"{ARGS}['threads'] is ignored by the ASGI backend: each worker runs one event loop.",
                hint="Remove it and scale with 'workers'; 'threads' applies to the WSGI backend.",
                id="prodserver.W042",
            ),
            id="W042",
        ),
        pytest.param(
            web({"http": 2}),
            Warning(
                f"{ARGS}['http'] is '2' without TLS: Granian then refuses every HTTP/1.1 client, browsers included.",
                hint="Use 'auto' to serve HTTP/1.1 and HTTP/2, or set ssl-cert and ssl-key.",
                id="prodserver.W043",
            ),
            id="W043",
        ),
        pytest.param(
            web({**TLS, "http": "2", "websockets": True}),
            Warning(
                f"{ARGS}['websockets'] is True, but http is '2': websocket handshakes need HTTP/1.1, so none succeeds.",
                hint="Use http 'auto' to serve websockets.",
                id="prodserver.W044",
            ),
            id="W044",
        ),
        pytest.param(
            web({"reload": True, "workers-max-rss": 512}),
            Warning(
                f"{ARGS}['workers-max-rss'] is ignored while reload is enabled: Granian turns it off.",
                hint=RELOAD_HINT,
                id="prodserver.W045",
            ),
            id="W045",
        ),
        pytest.param(
            web({"static-path-route": "/static"}),
            Warning(
                f"{ARGS}['static-path-route'] has no effect without static-path-mount.",
                hint="Set static-path-mount too, or remove it.",
                id="prodserver.W046",
            ),
            id="W046",
        ),
    ],
)
def test_granian_rules(in_tmp: Path, setting: object, expected: CheckMessage) -> None:
    assert check(setting) == [expected]


@pytest.mark.parametrize(
    "setting",
    [
        pytest.param(web({"blocking-threads": 1}), id="E040"),
        pytest.param(web({"threads": 8}, WSGI), id="E040-wsgi-threads"),
        pytest.param(web({"static-path-mount": "static"}), id="E041-one-mount-no-route"),
        pytest.param(web({"static-path-mount": ["static"], "static-path-route": ["/assets"]}), id="E041"),
        pytest.param(web({"factory": False}), id="E042"),
        pytest.param(web(TLS), id="E043-E044"),
        pytest.param(web({"metrics": True, "metrics-port": 9090}), id="E045"),
        pytest.param(web({"metrics": True, "metrics-port": 8000, "metrics-address": "::1"}), id="E045-addresses"),
        pytest.param(web({"ws": True}), id="W040-asgi"),
        pytest.param(web({"ws": False}, WSGI), id="W040"),
        pytest.param(web({**TLS, "ssl-client-verify": True, "ssl-ca": "tls/cert.pem"}), id="W041"),
        pytest.param(web({**TLS, "http": "2"}), id="W043-W044"),
        pytest.param(web({"reload": False, "workers-lifetime": "1h", "workers-max-rss": 512}), id="W045"),
        pytest.param(web({"reload": True, "reload-tick": 100}), id="W046"),
    ],
)
def test_granian_rules_pass(in_tmp: Path, setting: object) -> None:
    assert check(setting) == []


def test_options_ignored_with_reload_are_each_reported() -> None:
    messages = check(web({"reload": True, "workers-lifetime": 3600, "metrics": True}))
    assert messages == [
        Warning(
            f"{ARGS}['workers-lifetime'] is ignored while reload is enabled: Granian turns it off.",
            hint=RELOAD_HINT,
            id="prodserver.W045",
        ),
        Warning(
            f"{ARGS}['metrics'] is ignored while reload is enabled: Granian turns it off.",
            hint=RELOAD_HINT,
            id="prodserver.W045",
        ),
    ]


@pytest.mark.parametrize(
    ("args", "key", "other"),
    [
        ({"http": "1", "http2-max-concurrent-streams": 100}, "http2-max-concurrent-streams", "HTTP/2"),
        ({"http": 1, "http2-keep-alive-interval": 1000}, "http2-keep-alive-interval", "HTTP/2"),
        ({"http": "2", "http1-keep-alive": False, **TLS}, "http1-keep-alive", "HTTP/1"),
    ],
)
def test_options_of_the_http_version_not_served_are_w052(
    in_tmp: Path, args: dict[str, object], key: str, other: str
) -> None:
    http = str(args["http"])
    assert check(web(args)) == [
        Warning(
            f"{ARGS}[{key!r}] has no effect: http is {http!r}, so Granian serves no {other} connection.",
            hint=f"Remove it, or set http to 'auto' to serve {other} too.",
            id="prodserver.W052",
        )
    ]


def test_http2_options_with_http_auto_pass() -> None:
    assert check(web({"http": "auto", "http2-max-concurrent-streams": 100, "http1-keep-alive": False})) == []


def test_granian_variables_that_prodserver_ignores_are_w055(monkeypatch: pytest.MonkeyPatch) -> None:
    # granian's command (click, auto_envvar_prefix GRANIAN) reads them; the printed line would differ.
    monkeypatch.setenv("GRANIAN_WORKERS", "8")
    monkeypatch.setenv("GRANIAN_WEBSOCKETS", "false")
    monkeypatch.setenv("GRANIANX", "not granian's")
    assert check(web({})) == [
        Warning(
            f"{ARGS} are the whole configuration: prodserver ignores {name}, which granian's command would read.",
            hint="Move its value into ARGS and unset the variable, so that granian run by hand agrees.",
            id="prodserver.W055",
        )
        for name in ("GRANIAN_WEBSOCKETS", "GRANIAN_WORKERS")
    ]
    monkeypatch.delenv("GRANIAN_WORKERS")
    monkeypatch.delenv("GRANIAN_WEBSOCKETS")
    assert check(web({})) == []


def test_a_file_at_the_socket_path_is_a_file_problem(in_tmp: Path) -> None:
    (in_tmp / "web.sock").write_text("not a socket")
    assert check(web({"uds": "web.sock"})) == [
        Warning(
            f"{ARGS}['uds'] names 'web.sock', which is a file, not a socket (a server replaces only a stale socket).",
            hint=WRONG_KIND_HINT,
            id="prodserver.W050",
        )
    ]


def test_winloop_off_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(machine, "on_windows", lambda: False)
    assert check(web({"loop": "winloop"})) == [
        Error(
            f"{ARGS}['loop'] is 'winloop', which exists only on Windows.",
            hint="Use 'auto' (the fastest loop installed), 'uvloop' or 'asyncio'.",
            id="prodserver.E061",
        )
    ]


def test_winloop_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(machine, "on_windows", lambda: True)
    monkeypatch.setattr(packages, "installed", lambda module: True)
    assert check(web({"loop": "winloop"})) == []


def test_uds_on_windows(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(machine, "on_windows", lambda: True)
    assert check(web({"uds": "app.sock"})) == [
        Error(
            f"{ARGS}['uds'] is set, but Granian has no Unix domain sockets on Windows.",
            hint="Bind an address and port instead.",
            id="prodserver.E062",
        )
    ]
    monkeypatch.setattr(machine, "on_windows", lambda: False)
    assert check(web({"uds": "app.sock"})) == []


@pytest.mark.parametrize(("version", "expected"), [((3, 11), 0), ((3, 12), 1)])
def test_rust_tasks_fall_back_on_python_312(
    monkeypatch: pytest.MonkeyPatch, version: tuple[int, int], expected: int
) -> None:
    monkeypatch.setattr(machine, "python_version", lambda: version)
    assert (
        check(web({"task-impl": "rust"}))
        == [
            Warning(
                f"{ARGS}['task-impl'] is 'rust', which Python 3.12+ lacks: Granian falls back to asyncio.",
                hint="Remove task-impl (asyncio is the default).",
                id="prodserver.W060",
            )
        ][:expected]
    )


def test_deploy_advises_a_kill_timeout() -> None:
    assert deploy_check(web({"workers": 2})) == [
        Warning(
            f"{ARGS}['workers-kill-timeout'] is not set: a stop signal that lands while a worker starts can leave "
            "Granian waiting forever.",
            hint="Set workers-kill-timeout, e.g. '30s', so that Granian kills a worker that does not stop.",
            id="prodserver.W072",
        )
    ]
