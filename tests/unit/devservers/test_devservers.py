"""The development servers: rules' exact messages (each with a passing twin), rendering, 3.x keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from django_prodserver.backends.daphne import DaphneRunserver, DaphneRunserverArgs
from django_prodserver.backends.django_runserver import DjangoRunserver, RunserverArgs
from django_prodserver.backends.listening import Listener
from django_prodserver.backends.werkzeug import WerkzeugRunserver, WerkzeugRunserverArgs
from django_prodserver.backends.werkzeug import rules as werkzeug_rules
from django_prodserver.validation import validate_process
from tests.catalogue import write_self_signed

RUNSERVER = "django_prodserver.backends.django_runserver.DjangoRunserver"
DAPHNE = "django_prodserver.backends.daphne.DaphneRunserver"
WERKZEUG = "django_prodserver.backends.werkzeug.WerkzeugRunserver"
DEV = "PRODUCTION_PROCESSES['dev']"
ARGS = f"{DEV}['ARGS']"
APPS = [
    "daphne",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.staticfiles",
    "django_prodserver",
    "django_extensions",
]
IGNORED = "a django-prodserver 3.x option that runserver does not have; it is ignored."
ADDRPORT_HINT = "Write a port ('8000'), an address and port ('0.0.0.0:8000') or an IPv6 address ('[::]:8000')."


def problems(backend: str, args: object) -> list[tuple[str, str, str | None]]:
    report = validate_process("dev", {"BACKEND": backend, "ARGS": args})
    return [(problem.id, problem.message, problem.hint) for problem in report.problems if not problem.deploy]


@pytest.mark.parametrize(
    ("addrport", "reason"),
    [
        ("localhost:http", "expected a port or address:port, e.g. '8000' or '0.0.0.0:8000'"),
        ("127.0.0.1:70000", "expected a port or address:port, e.g. '8000' or '0.0.0.0:8000'"),
        ("::1:8000", "expected a port or address:port, e.g. '8000' or '0.0.0.0:8000'"),
    ],
)
def test_an_addrport_that_runserver_refuses(addrport: str, reason: str) -> None:
    assert problems(RUNSERVER, {"addrport": addrport}) == [
        ("prodserver.E107", f"{ARGS}['addrport'] is {addrport!r}; {reason}.", ADDRPORT_HINT)
    ]


def test_an_ipv4_address_with_ipv6() -> None:
    reason = "ipv6 is True, so the address must be IPv6 (in brackets: '[::1]:8000') or a host name"
    assert problems(RUNSERVER, {"addrport": "127.0.0.1:8000", "ipv6": True}) == [
        ("prodserver.E107", f"{ARGS}['addrport'] is '127.0.0.1:8000'; {reason}.", ADDRPORT_HINT)
    ]


@pytest.mark.parametrize(
    "args",
    [
        {},
        {"addrport": 8000},
        {"addrport": "0.0.0.0:8000"},
        {"addrport": "[::]:8000"},
        {"addrport": "localhost:8000", "ipv6": True},
    ],
)
def test_addrports_runserver_accepts(args: dict[str, Any]) -> None:
    assert problems(RUNSERVER, args) == []


def test_debug_off_without_allowed_hosts() -> None:
    with override_settings(DEBUG=False, ALLOWED_HOSTS=[]):
        assert problems(RUNSERVER, {}) == [
            (
                "prodserver.E108",
                f"{DEV} is a development server, which refuses to start with DEBUG off and ALLOWED_HOSTS empty.",
                "Set ALLOWED_HOSTS (e.g. ['127.0.0.1', 'localhost']), or DEBUG = True.",
            )
        ]
    with override_settings(DEBUG=True, ALLOWED_HOSTS=[]):
        assert problems(RUNSERVER, {}) == []


def test_static_options_need_staticfiles() -> None:
    assert problems(RUNSERVER, {"insecure": True}) == [
        (
            "prodserver.W105",
            f"{ARGS}['insecure'] has no effect without django.contrib.staticfiles in INSTALLED_APPS.",
            "Remove it, or add the app to INSTALLED_APPS.",
        )
    ]
    with override_settings(INSTALLED_APPS=APPS):
        assert problems(RUNSERVER, {"insecure": True}) == []


def test_a_dev_server_is_production_advice() -> None:
    report = validate_process("dev", {"BACKEND": RUNSERVER, "ARGS": {}})

    assert [(problem.id, problem.message, problem.deploy) for problem in report.problems] == [
        (
            "prodserver.W106",
            f"{DEV}['BACKEND'] is a development server: it is neither secure nor fast enough for production.",
            True,
        )
    ]


@pytest.mark.parametrize(
    ("apps", "asgi", "expected"),
    [
        (
            APPS[1:],
            "demo.asgi.application",
            (
                "prodserver.E109",
                "'daphne' is not in INSTALLED_APPS: runserver is not daphne's.",
                "Add 'daphne' at the top of INSTALLED_APPS.",
            ),
        ),
        (
            [*APPS[1:], "daphne"],
            "demo.asgi.application",
            (
                "prodserver.E110",
                "'daphne' comes after 'django.contrib.staticfiles' in INSTALLED_APPS, whose runserver wins.",
                "Move 'daphne' to the top of INSTALLED_APPS.",
            ),
        ),
        (
            APPS,
            None,
            (
                "prodserver.E111",
                "which serves ASGI_APPLICATION; that setting is missing.",
                "Set ASGI_APPLICATION = '<project>.asgi.application', or set noasgi to serve WSGI.",
            ),
        ),
    ],
)
def test_daphne_needs_its_app_first_and_an_asgi_application(
    apps: list[str], asgi: str | None, expected: tuple[str, str, str]
) -> None:
    code, tail, hint = expected
    with override_settings(INSTALLED_APPS=apps, ASGI_APPLICATION=asgi):
        assert problems(DAPHNE, {}) == [
            (code, f"{DEV}['BACKEND'] is DaphneRunserver, {'but ' if code != 'prodserver.E111' else ''}{tail}", hint)
        ]
    with override_settings(INSTALLED_APPS=APPS, ASGI_APPLICATION="demo.asgi.application"):
        assert problems(DAPHNE, {}) == []


def test_3x_daphne_keys_are_accepted_and_reported_ignored() -> None:
    with override_settings(INSTALLED_APPS=APPS, ASGI_APPLICATION="demo.asgi.application"):
        assert problems(DAPHNE, {"ping_interval": "10", "proxy_headers": None}) == [
            (
                "prodserver.W104",
                f"{ARGS}['proxy_headers'] is {IGNORED}",
                "Remove it.",
            ),
            (
                "prodserver.W104",
                f"{ARGS}['ping_interval'] is {IGNORED}",
                "Remove it.",
            ),
        ]
        assert problems(DAPHNE, {"ping_interval": "ten"})[0][0] == "prodserver.E022"


def test_werkzeug_needs_django_extensions() -> None:
    assert problems(WERKZEUG, {}) == [
        (
            "prodserver.E112",
            f"{DEV}['BACKEND'] is WerkzeugRunserver, but 'django_extensions' is not in INSTALLED_APPS: "
            "there is no runserver_plus.",
            "pip install 'django-prodserver[werkzeug]' and add 'django_extensions' to INSTALLED_APPS.",
        )
    ]


@pytest.mark.parametrize(
    ("args", "why"),
    [
        ({"processes": 4}, "and threaded: Werkzeug refuses both"),
        ({"processes": 4, "nothreading": None}, "but runserver_plus serves from one process"),
    ],
)
def test_werkzeug_processes(args: dict[str, Any], why: str) -> None:
    with override_settings(INSTALLED_APPS=APPS):
        assert problems(WERKZEUG, args) == [
            (
                "prodserver.E106",
                f"{ARGS}['processes'] is 4, {why}.",
                "Remove it: runserver_plus serves each request in a thread.",
            )
        ]
        assert problems(WERKZEUG, {"processes": 1, "threaded": True}) == []


def test_werkzeug_noreload_fails_with_the_known_django_extensions_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    with override_settings(INSTALLED_APPS=APPS):
        assert werkzeug_rules.noreload_fails()  # django-extensions 4.1, issue #1886 open
        assert problems(WERKZEUG, {"noreload": True}) == [
            (
                "prodserver.E113",
                f"{ARGS}['noreload'] is True; runserver_plus then fails at start with Werkzeug 2.1+ "
                "(KeyError 'WERKZEUG_SERVER_FD').",
                "Remove noreload (django-extensions issue #1886), or use DjangoRunserver.",
            )
        ]
        monkeypatch.setattr(werkzeug_rules, "noreload_fails", lambda: False)
        assert problems(WERKZEUG, {"noreload": True}) == []


def test_runserver_renders_only_what_differs_from_its_defaults() -> None:
    args = RunserverArgs.model_validate({"addrport": 9000, "nothreading": True, "noreload": False, "verbosity": 2})
    backend = DjangoRunserver()

    assert backend.command_line(args) == [
        "python",
        "manage.py",
        "runserver",
        "--nothreading",
        "--verbosity",
        "2",
        "9000",
    ]
    assert backend.run_arguments(args) == (["9000"], {"use_threading": False, "verbosity": 2})
    assert backend.listeners(args) == (Listener("addrport", "tcp", "127.0.0.1:9000"),)
    assert backend.listeners(RunserverArgs.model_validate({"ipv6": True})) == (
        Listener("addrport", "tcp", "[::1]:8000"),
    )


def test_daphne_and_werkzeug_render_their_own_options() -> None:
    daphne = DaphneRunserverArgs.model_validate({"noasgi": True, "http_timeout": 30, "ping_interval": 5})
    werkzeug = WerkzeugRunserverArgs.model_validate(
        {"threaded": False, "extra_files": ["a.py", "b.py"], "cert": "dev.crt"}
    )

    assert DaphneRunserver().command_line(daphne) == [
        "python",
        "manage.py",
        "runserver",
        "--noasgi",
        "--http_timeout",
        "30",
    ]
    assert DaphneRunserver().run_arguments(daphne) == ([], {"use_asgi": False, "http_timeout": 30})
    assert WerkzeugRunserver().command_line(werkzeug) == [
        "python",
        "manage.py",
        "runserver_plus",
        "--nothreading",
        "--cert-file",
        "dev.crt",
        "--extra-file",
        "a.py",
        "--extra-file",
        "b.py",
    ]
    assert WerkzeugRunserver().run_arguments(werkzeug) == (
        [],
        {"threaded": False, "cert_path": "dev.crt", "extra_files": ["a.py", "b.py"]},
    )


def test_werkzeug_gets_the_shared_tls_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Werkzeug loads the pair at start: a key that is not the certificate's was a traceback.
    monkeypatch.chdir(tmp_path)
    cert, key = write_self_signed(tmp_path, "dev")
    _, other_key = write_self_signed(tmp_path, "other")
    (tmp_path / "pair.crt").write_bytes(cert.read_bytes())
    (tmp_path / "pair.key").write_bytes(key.read_bytes())
    with override_settings(INSTALLED_APPS=APPS):
        assert problems(WERKZEUG, {"cert-file": str(cert.name), "key-file": str(other_key.name)}) == [
            (
                "prodserver.E052",
                f"{ARGS}['cert-file'] and key-file do not match: the key is not this certificate's.",
                "Use the private key the certificate was issued for.",
            )
        ]
        assert problems(WERKZEUG, {"cert-file": str(cert.name), "key-file": str(key.name)}) == []
        # Only the certificate given: runserver_plus takes the key beside it (pair.key), as judged here.
        assert problems(WERKZEUG, {"cert-file": "pair"}) == []
        # A pair that does not exist yet: runserver_plus creates a development certificate.
        assert problems(WERKZEUG, {"cert-file": "new.crt"}) == []


@pytest.mark.parametrize(
    ("key", "value", "release", "older"),
    [
        ("nostatic", True, "4.2", "4.1.2"),
        ("insecure", True, "4.2", "4.1.2"),
        ("websocket-max-message-size", 65536, "4.2.2", "4.2.1"),
        ("websocket-max-frame-size", 65536, "4.2.2", "4.2.1"),
    ],
)
def test_daphne_options_newer_than_the_installed_daphne(
    key: str, value: object, release: str, older: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """daphne 4.1's runserver has no static-files options, 4.2.1 no websocket limits: call_command refuses them."""
    from django_prodserver.rules import packages

    monkeypatch.setattr(packages, "installed_version", lambda distribution: older if distribution == "daphne" else None)
    with override_settings(INSTALLED_APPS=APPS, ASGI_APPLICATION="example.asgi.application"):
        assert [p for p in problems(DAPHNE, {key: value}) if p[0] == "prodserver.E068"] == [
            (
                "prodserver.E068",
                f"{ARGS}['{key}'] is set, which needs daphne {release} or later; "
                f"daphne {older} is installed and would refuse it at start.",
                f"Upgrade: pip install 'daphne>={release}', or remove it.",
            )
        ]
        monkeypatch.setattr(packages, "installed_version", lambda distribution: release)
        assert [p for p in problems(DAPHNE, {key: value}) if p[0] == "prodserver.E068"] == []
