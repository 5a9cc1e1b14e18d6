"""gunicorn's own rules, by their exact messages, and the rendering of the equivalent command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from django_prodserver.backends.gunicorn import GunicornArgs, GunicornServer, lookups
from django_prodserver.backends.gunicorn.rules import bind_fault
from django_prodserver.validation import validate_process, validate_setting

BACKEND = "django_prodserver.backends.gunicorn.GunicornServer"
QUIET = {"no-control-socket": True}


def messages(args: dict[str, Any], *, starting: bool = False) -> list[tuple[str, str]]:
    report = validate_process("web", {"BACKEND": BACKEND, "ARGS": {**QUIET, **args}}, starting=starting)
    return [(problem.id, problem.message) for problem in report.problems if not problem.deploy]


ARGS = "PRODUCTION_PROCESSES['web']['ARGS']"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            {"bind": ["0.0.0.0:80a"]},
            (
                "prodserver.E081",
                f"{ARGS}['bind'][0] is '0.0.0.0:80a', which has the port '80a', not a number; "
                "gunicorn would refuse to start.",
            ),
        ),
        (
            {"port": 8001, "bind": "0.0.0.0:8000"},
            ("prodserver.E082", f"{ARGS}['port'] and bind both say where to listen; only one of them can."),
        ),
        (
            {"log-access": False, "accesslog": "access.log"},
            (
                "prodserver.E082",
                f"{ARGS}['log-access'] and access-logfile both say where the access log goes; only one of them can.",
            ),
        ),
        (
            {"env": "DEBUG"},
            ("prodserver.E083", f"{ARGS}['env'][0] is 'DEBUG', without '='; gunicorn would refuse to start."),
        ),
        (
            {"workers": "0"},
            (
                "prodserver.E086",
                f"{ARGS}['workers'] is 0: gunicorn would start a master with no worker, serving nothing.",
            ),
        ),
        (
            {"threads": 4},
            (
                "prodserver.W081",
                f"{ARGS}['threads'] is more than 1 with the sync worker class: gunicorn silently "
                "runs the gthread worker instead.",
            ),
        ),
        (
            {"worker_class": "gevnt"},
            (
                "prodserver.E065",
                f"{ARGS}['worker_class'] is 'gevnt', which is neither a gunicorn worker class name nor a dotted "
                "path; the process would fail to start.",
            ),
        ),
        (
            {"logger-class": "nowhere.Logger"},
            (
                "prodserver.E065",
                f"{ARGS}['logger-class'] is 'nowhere.Logger', whose module 'nowhere' cannot be found; the process "
                "would fail to start.",
            ),
        ),
        (
            {"post_fork": "os.getcwd"},
            (
                "prodserver.E087",
                f"{ARGS}['post_fork'] is 'os.getcwd', which takes 0 positional argument(s), not 2 "
                "arguments; gunicorn would refuse to start.",
            ),
        ),
        (
            {"forwarded_allow_ips": "10.0.0.1/8,::1"},
            (
                "prodserver.E084",
                f"{ARGS}['forwarded_allow_ips'] holds '10.0.0.1/8', which gunicorn rejects "
                "(10.0.0.1/8 has host bits set).",
            ),
        ),
        (
            {"log-level": "verbose"},
            (
                "prodserver.E024",
                f"{ARGS}['log-level'] is 'verbose'; expected 'critical', 'error', 'warning', 'info' or 'debug'.",
            ),
        ),
        (
            {"limit-request-field_size": 100, "limit_request_field_size": 200},
            (
                "prodserver.E021",
                f"{ARGS}['limit-request-field_size'] gives limit-request-field_size again, already "
                "given as 'limit_request_field_size'.",
            ),
        ),
    ],
)
def test_each_rule_says_what_and_where(args: dict[str, Any], expected: tuple[str, str]) -> None:
    assert messages(args) == [expected]


def test_a_valid_setting_says_nothing() -> None:
    assert messages({"workers": 4, "threads": 4, "worker-class": "gthread", "preload": True}) == []


def test_what_the_line_cannot_carry_is_said_when_starting() -> None:
    assert messages({"post_fork": "os.rename", "suppress-ragged-eofs": False}, starting=True) == [
        (
            "prodserver.W046",
            f"{ARGS}['suppress-ragged-eofs'] has no effect without ssl-cert: gunicorn reads it only to build "
            "its TLS context.",
        ),
        (
            "prodserver.W084",
            f"{ARGS}['suppress-ragged-eofs'] cannot be given on gunicorn's command line: prodserver passes it, "
            "the equivalent line omits it.",
        ),
        (
            "prodserver.W084",
            f"{ARGS}['post_fork'] cannot be given on gunicorn's command line: prodserver passes it, "
            "the equivalent line omits it.",
        ),
    ]


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1:8000", "[::1]:8000", "unix:/run/web.sock", "unix:///run/web.sock", "fd://3", "tcp://h:1", "h"],
)
def test_bind_fault_accepts_what_gunicorn_parses(address: str) -> None:
    from gunicorn.util import parse_address  # type: ignore[import-untyped]

    parse_address(address)
    assert bind_fault(address) is None


@pytest.mark.parametrize("address", ["127.0.0.1:http", "[::1]:x", "fd://x"])
def test_bind_fault_refuses_what_gunicorn_refuses(address: str) -> None:
    from gunicorn.util import parse_address

    with pytest.raises(RuntimeError, match="is not a valid"):
        parse_address(address)
    assert bind_fault(address) is not None


def test_the_command_line_of_an_asgi_worker_serves_the_asgi_application() -> None:
    args = GunicornArgs.model_validate({"worker-class": "asgi", "umask": "0022", "forwarded-allow-ips": ["10.0.0.0/8"]})

    assert GunicornServer().command_line(args) == [
        "gunicorn", "--bind", "127.0.0.1:8000", "--access-logfile", "-", "--backlog", "1024", "--workers", "1",
        "--threads", "1", "--log-level", "info", "--worker-class", "asgi", "--umask", "022",
        "--forwarded-allow-ips", "10.0.0.0/8", "demo.asgi:application",
    ]  # fmt: skip


def test_sendfile_true_leaves_gunicorn_its_default() -> None:
    # gunicorn turns sendfile off for any value of its setting, True included.
    on = GunicornArgs.model_validate({"sendfile": True})
    off = GunicornArgs.model_validate({"sendfile": "false"})

    assert "--no-sendfile" not in GunicornServer().command_line(on)
    assert "--no-sendfile" in GunicornServer().command_line(off)


def test_a_builtin_worker_class_without_its_extra_is_e080(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lookups, "installed", lambda module: module != "gevent")

    assert messages({"worker-class": "gevent"}) == [
        (
            "prodserver.E080",
            f"{ARGS}['worker-class'] is 'gevent', which needs the gevent package; gunicorn would fail to start.",
        )
    ]
    assert messages({"worker-class": "gthread"}) == []


def test_two_gunicorns_share_the_default_control_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # gunicorn 27's default is one path per user: the second removes the first's socket and takes the path.

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    web = {"BACKEND": BACKEND, "ARGS": {"port": 8001}}

    def shared(api_args: dict[str, Any]) -> list[tuple[str, str | None]]:
        setting = {"web": web, "api": {"BACKEND": BACKEND, "ARGS": {"port": 8002, **api_args}}}
        return [(p.message, p.hint) for p in validate_setting(setting) if p.id == "prodserver.W047"]

    path = tmp_path / ".gunicorn" / "gunicorn.ctl"
    assert shared({}) == [
        (
            f"PRODUCTION_PROCESSES['api']['ARGS']['control-socket'] (not set, so its default) binds unix:{path}, "
            f"as process 'web' does (unix:{path}): the one started second takes the path over from the other, "
            "or cannot bind it.",
            "Give each process its own socket path.",
        )
    ]
    assert shared({"control-socket": str(tmp_path / "api.ctl")}) == []
    assert shared({"no-control-socket": True}) == []
    runtime = tmp_path / "run"
    runtime.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert [message.split(" binds ")[1].split(",")[0] for message, _ in shared({})] == [f"unix:{runtime}/gunicorn.ctl"]
