# ruff: noqa: E501  (exact messages, one per line)
"""Exact messages of the Flower backend's checks, each with a passing twin, through the real validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from django_prodserver.validation import validate_process

from ..tls_files import write_tls_files

FLOWER = "django_prodserver.backends.celery.CeleryFlower"
APP = "django_prodserver.backends.celery.catalogue.app"
LOGIN = {"basic-auth": "admin:s3cret"}
NO_AUTH_HINT = "Set basic-auth ('user:password'), or auth with auth-provider, or serve it behind your own login."
PROVIDER = "flower.views.auth.GoogleAuth2LoginHandler"
SIGNED = {"cookie-secret": "a-long-random-value"}


def problems(args: dict[str, Any], **keys: Any) -> list[tuple[str, str, str | None, bool]]:
    config = {"BACKEND": FLOWER, "APP": APP, "ARGS": args, **keys}
    return [(p.id, p.message, p.hint, p.deploy) for p in validate_process("flower", config).problems]


def test_a_valid_flower_says_nothing() -> None:
    args = {**LOGIN, "address": "127.0.0.1", "port": "5555", "url-prefix": "flower", "persistent": True, "db": "state"}
    assert problems(args) == []


def test_the_app_is_checked_as_for_every_celery_process() -> None:
    assert [p[0] for p in problems(LOGIN, APP="django.conf.settings")] == ["prodserver.E122"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            {**SIGNED, "auth": "x|*@y.org"},
            (
                "prodserver.E135",
                "PRODUCTION_PROCESSES['flower']['ARGS']['auth'] is 'x|*@y.org', which Flower refuses: one '*' at most, not in the domain, not with '|'.",
                "Write 'a@x.org|b@x.org', or '.*@x.org' for a whole domain.",
                False,
            ),
        ),
        (
            {"basic_auth": ["a:b", "nocolon"]},
            (
                "prodserver.E136",
                "PRODUCTION_PROCESSES['flower']['ARGS']['basic_auth'][1] is not one 'user:password' pair (no ':', or a comma, where Flower splits the list).",
                "Write 'user:password'; neither part may contain a comma.",
                False,
            ),
        ),
        (
            {"basic_auth": ["a:b,c"]},
            (
                "prodserver.E136",
                "PRODUCTION_PROCESSES['flower']['ARGS']['basic_auth'][0] is not one 'user:password' pair (no ':', or a comma, where Flower splits the list).",
                "Write 'user:password'; neither part may contain a comma.",
                False,
            ),
        ),
        (
            {**LOGIN, "broker_api": "ftp://u:pw@h/"},
            (
                "prodserver.E137",
                "PRODUCTION_PROCESSES['flower']['ARGS']['broker_api'] is not an http(s) URL with a host; Flower refuses to start.",
                "Write the management API's URL, e.g. 'http://guest:guest@localhost:15672/api/'.",
                False,
            ),
        ),
        (
            {**SIGNED, "auth": "a@b.org"},
            (
                "prodserver.W135",
                "PRODUCTION_PROCESSES['flower']['ARGS']['auth'] is set without auth-provider: Flower's login page answers 404, so no one can sign in.",
                "Set auth-provider, e.g. 'flower.views.auth.GoogleAuth2LoginHandler'.",
                False,
            ),
        ),
        (
            {**LOGIN, "debug": "true"},
            (
                "prodserver.W138",
                "PRODUCTION_PROCESSES['flower']['ARGS']['debug'] is True: tornado reloads on code changes and shows tracebacks to every visitor.",
                "Remove it in production.",
                True,
            ),
        ),
        (
            {},
            (
                "prodserver.W137",
                "PRODUCTION_PROCESSES['flower']['ARGS'] sets no authentication: anyone who reaches Flower can revoke tasks and shut workers down.",
                NO_AUTH_HINT,
                True,
            ),
        ),
        (
            {"read-only": True},
            (
                "prodserver.W137",
                "PRODUCTION_PROCESSES['flower']['ARGS'] sets no authentication: anyone who reaches Flower reads every task's arguments and results.",
                NO_AUTH_HINT,
                True,
            ),
        ),
        (
            {"auth": "a@b.org", "auth-provider": PROVIDER},
            (
                "prodserver.W139",
                "PRODUCTION_PROCESSES['flower']['ARGS']['auth'] is set without cookie-secret: Flower signs the login cookie with a new random secret at each start.",
                "Set cookie-secret to a long random value, so a restart or a second Flower keeps everyone signed in.",
                True,
            ),
        ),
        (
            {**LOGIN, "ca-certs": __file__},
            (
                "prodserver.W046",
                "PRODUCTION_PROCESSES['flower']['ARGS']['ca-certs'] has no effect without certfile.",
                "Set certfile too, or remove it.",
                False,
            ),
        ),
        (
            {**LOGIN, "state-save-interval": 1000},
            (
                "prodserver.W046",
                "PRODUCTION_PROCESSES['flower']['ARGS']['state-save-interval'] has no effect without persistent.",
                "Set persistent too, or remove it.",
                False,
            ),
        ),
    ],
)
def test_message(args: dict[str, Any], expected: tuple[str, str, str, bool]) -> None:
    assert problems(args) == [expected]


@pytest.mark.parametrize(
    "args",
    [
        {**SIGNED, "auth": "a@b.org|c@d.org", "auth-provider": PROVIDER},
        {**SIGNED, "auth": ".*@y.org", "auth-provider": PROVIDER},
        {"basic_auth": ["a:b", "c:d:e"]},
        {**LOGIN, "broker_api": "https://u:pw@h:15672/api/"},
        {**LOGIN, "debug": False},
        {**SIGNED, "auth": "a@b.org", "auth-provider": PROVIDER},
        {**LOGIN, "read-only": True},
    ],
)
def test_twin_says_nothing(args: dict[str, Any]) -> None:
    assert problems(args) == []


def test_a_basic_auth_pair_is_never_shown() -> None:
    shown = problems({"basic-auth": "admin:hunter2,bad"})
    assert [p[0] for p in shown] == ["prodserver.E136"]
    assert "hunter2" not in repr(shown)


def test_half_a_tls_pair_is_refused_and_a_whole_one_is_loaded(tmp_path: Path) -> None:
    cert, key = write_tls_files(tmp_path, "pw")
    assert problems({**LOGIN, "keyfile": str(key)}) == [
        (
            "prodserver.E138",
            "PRODUCTION_PROCESSES['flower']['ARGS']['keyfile'] is set without certfile; Flower refuses to start with half a TLS pair.",
            "Set certfile too, or remove keyfile.",
            False,
        )
    ]
    # Flower takes no key password: an encrypted key cannot be loaded (the shared TLS rule, E052).
    assert problems({**LOGIN, "certfile": str(cert), "keyfile": str(key)}) == [
        (
            "prodserver.E052",
            "PRODUCTION_PROCESSES['flower']['ARGS']['certfile'] or keyfile cannot be loaded (not PEM, or a wrong password).",
            "Use PEM files and an unencrypted key: Flower takes no key password.",
            False,
        )
    ]


def test_address_and_port_are_ignored_with_a_unix_socket() -> None:
    assert problems({**LOGIN, "unix-socket": "s.sock", "address": "::1", "port": 1}) == [
        (
            "prodserver.W136",
            "PRODUCTION_PROCESSES['flower']['ARGS']['address'] is ignored: Flower listens on unix-socket instead.",
            "Remove address, or unix-socket.",
            False,
        ),
        (
            "prodserver.W136",
            "PRODUCTION_PROCESSES['flower']['ARGS']['port'] is ignored: Flower listens on unix-socket instead.",
            "Remove port, or unix-socket.",
            False,
        ),
    ]
    assert problems({**LOGIN, "unix-socket": "s.sock"}) == []


def test_bad_types_name_the_option_and_the_accepted_values() -> None:
    assert [p[:2] for p in problems({**LOGIN, "port": True, "inspect-timeout": 0, "logging": "loud"})] == [
        ("prodserver.E022", "PRODUCTION_PROCESSES['flower']['ARGS']['port'] is True; expected an integer."),
        (
            "prodserver.E023",
            "PRODUCTION_PROCESSES['flower']['ARGS']['inspect-timeout'] is 0; expected above 0 and at most 2147483000.",
        ),
        (
            "prodserver.E024",
            "PRODUCTION_PROCESSES['flower']['ARGS']['logging'] is 'loud'; expected 'debug', 'info', 'warning', 'error', 'critical' or 'none'.",
        ),
    ]


def test_a_unix_socket_path_held_by_another_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    taken = Path("flower.sock")
    taken.write_text("")
    assert problems({**LOGIN, "unix-socket": str(taken)}) == [
        (
            "prodserver.W050",
            f"PRODUCTION_PROCESSES['flower']['ARGS']['unix-socket'] names '{taken}', which is a file, not a socket (a server replaces only a stale socket).",
            "Fix the path; prodserver refuses to start without it.",
            False,
        )
    ]
    taken.unlink()
    assert problems({**LOGIN, "unix-socket": str(taken)}) == []


@pytest.mark.parametrize(("days", "why"), [((-60, -30), "expired on "), ((30, 60), "is valid only from ")])
def test_a_certificate_not_valid_now_is_w053_on_flower_too(tmp_path: Path, days: tuple[int, int], why: str) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    from django_prodserver.rules.text import shown
    from tests.catalogue import write_self_signed

    cert, key = write_self_signed(tmp_path, "dated", ec.generate_private_key(ec.SECP256R1()), valid_days=days)
    found = [p for p in problems({**LOGIN, "certfile": str(cert), "keyfile": str(key)}) if p[0] == "prodserver.W053"]

    assert len(found) == 1
    lead = f"PRODUCTION_PROCESSES['flower']['ARGS']['certfile'] names {shown(cert)}, whose certificate {why}"
    assert found[0][1].startswith(lead)


def test_inspect_timeout_is_bounded_by_kombus_poll() -> None:
    """Kombu polls the broker with epoll, whose timeout is a C int of milliseconds: 2**31 ms overflows."""
    assert problems({**LOGIN, "inspect-timeout": 2147483000}) == []
    assert [p[:2] for p in problems({**LOGIN, "inspect-timeout": 2147483000.5})] == [
        (
            "prodserver.E023",
            "PRODUCTION_PROCESSES['flower']['ARGS']['inspect-timeout'] is 2147483000.5; expected above 0 and at most 2147483000.",
        )
    ]


def test_read_only_needs_flower_2_1(monkeypatch: pytest.MonkeyPatch) -> None:
    """Flower 2.0's tornado parser does not define read_only: it stops at start on the unknown option."""
    from django_prodserver.rules import packages

    monkeypatch.setattr(
        packages, "installed_version", lambda distribution: "2.0.1" if distribution == "flower" else None
    )
    assert [p[:3] for p in problems({**LOGIN, "read-only": True}) if p[0] == "prodserver.E068"] == [
        (
            "prodserver.E068",
            "PRODUCTION_PROCESSES['flower']['ARGS']['read-only'] is set, which needs flower 2.1 or later; flower 2.0.1 is installed and would refuse it at start.",
            "Upgrade: pip install 'flower>=2.1', or remove it.",
        )
    ]
    assert [p[0] for p in problems({**LOGIN, "read-only": False})] == []
    monkeypatch.setattr(packages, "installed_version", lambda distribution: "2.1.0")
    assert [p[0] for p in problems({**LOGIN, "read-only": True})] == []
