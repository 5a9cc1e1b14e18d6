"""The ``prodserver`` system check: exact messages for every rule, each with a passing case."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import trustme
from cryptography.hazmat.primitives.asymmetric import dsa, ec
from django.core.checks import CheckMessage, Error, Warning
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from django_prodserver.backends.granian import GranianASGIArgs, GranianASGIServer, GranianWSGIArgs
from django_prodserver.backends.granian import rules as environment
from django_prodserver.backends.granian.rules import LOG_CONFIG_HINT
from django_prodserver.checks import (
    check_production_processes,
    check_production_processes_deploy,
    validating_start,
)
from django_prodserver.rules import packages
from django_prodserver.rules.text import shown
from tests.unit.tls_files import write_tls_files

ASGI = "django_prodserver.backends.granian.GranianASGIServer"
WSGI = "django_prodserver.backends.granian.GranianWSGIServer"
WEB = "PRODUCTION_PROCESSES['web']"
ARGS = "PRODUCTION_PROCESSES['web']['ARGS']"
BACKEND_HINT = "Use a backend's dotted path, e.g. 'django_prodserver.backends.granian.GranianASGIServer'."
MISSING_HINT = "Create it where prodserver runs, or fix the path; prodserver refuses to start without it."
RELOAD_HINT = "Disable reload (it is for development), or remove this option."


def web(args: object, backend: str = ASGI) -> dict[str, object]:
    return {"web": {"BACKEND": backend, "ARGS": args}}


def check(setting: object) -> list[CheckMessage]:
    with override_settings(PRODUCTION_PROCESSES=setting):
        return check_production_processes()


def deploy_check(setting: object) -> list[CheckMessage]:
    with override_settings(PRODUCTION_PROCESSES=setting):
        return check_production_processes_deploy()


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in a directory holding the files examples name (also those of the check catalogue).

    ``tls/cert.pem`` and ``tls/key.pem`` make a pair, ``tls/other-key.pem`` is another certificate's key.
    """
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tls").mkdir()
    ca = trustme.CA()
    issued = ca.issue_cert("127.0.0.1")
    issued.cert_chain_pems[0].write_to_path(str(tmp_path / "tls" / "cert.pem"))
    issued.private_key_pem.write_to_path(str(tmp_path / "tls" / "key.pem"))
    ca.issue_cert("127.0.0.1").private_key_pem.write_to_path(str(tmp_path / "tls" / "other-key.pem"))
    for directory in ("static", "media"):
        (tmp_path / directory).mkdir()
    (tmp_path / "logging.json").write_text('{"version": 1}')
    (tmp_path / "logging.ini").write_text("[loggers]\nkeys=root\n")
    return tmp_path


def test_defaults_pass() -> None:
    assert check_production_processes() == []
    # Granian's default waits forever for a worker that missed the stop signal.
    assert [message.id for message in check_production_processes_deploy()] == ["prodserver.W072"]


@pytest.mark.parametrize("backend", [ASGI, WSGI])
def test_seed_examples_pass(backend: str) -> None:
    # The seed page's two examples are alternatives: both bind 0.0.0.0:8000.
    assert check({"web": {"BACKEND": backend, "ARGS": {"address": "0.0.0.0", "port": "8000", "workers": "4"}}}) == []


def test_no_setting_passes() -> None:
    assert check({}) == []


def test_checks_are_bound() -> None:
    with override_settings(PRODUCTION_PROCESSES=web({"workers": 0})), pytest.raises(SystemCheckError):
        call_command("check")


def test_deploy_checks_are_bound() -> None:
    with override_settings(PRODUCTION_PROCESSES=web({"reload": True})), pytest.raises(SystemCheckError):
        call_command("check", "--deploy", "--fail-level", "WARNING")


# The setting's shape ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        pytest.param(
            [ASGI],
            [
                Error(
                    "PRODUCTION_PROCESSES is a list; expected a dict of process names to processes.",
                    hint="Write PRODUCTION_PROCESSES = {'web': {'BACKEND': '...', 'ARGS': {...}}}.",
                    id="prodserver.E001",
                )
            ],
            id="E001",
        ),
        pytest.param(
            {1: {"BACKEND": ASGI}},
            [
                Error(
                    "PRODUCTION_PROCESSES names a process with an int (1); process names are strings.",
                    hint="Name the process with a string such as 'web': prodserver takes it on the command line.",
                    id="prodserver.E002",
                )
            ],
            id="E002",
        ),
        pytest.param(
            {"web": ASGI},
            [
                Error(
                    f"{WEB} is a str; expected a dict with 'BACKEND' and 'ARGS'.",
                    hint="Write the process as {'BACKEND': '<dotted path>', 'ARGS': {...}}.",
                    id="prodserver.E003",
                )
            ],
            id="E003",
        ),
        pytest.param(
            {"web": {"BACKEND": ASGI, "ARG": {}}},
            [
                Error(
                    f"{WEB}['ARG'] is not a process key; did you mean 'ARGS'?",
                    hint="Rename it to 'ARGS'.",
                    id="prodserver.E004",
                )
            ],
            id="E004-did-you-mean",
        ),
        pytest.param(
            {"web": {"BACKEND": ASGI, "OPTIONS": {}}},
            [
                Error(
                    f"{WEB}['OPTIONS'] is not a process key; expected 'BACKEND' or 'ARGS'.",
                    hint="Remove it.",
                    id="prodserver.E004",
                )
            ],
            id="E004",
        ),
        pytest.param(
            {"web": {"ARGS": {}}},
            [
                Error(
                    f"{WEB} has no 'BACKEND'; expected a backend's dotted path.",
                    hint=BACKEND_HINT,
                    id="prodserver.E005",
                )
            ],
            id="E005",
        ),
        pytest.param(
            {"web": {"BACKEND": None}},
            [
                Error(
                    f"{WEB}['BACKEND'] is None; expected a dotted path string.", hint=BACKEND_HINT, id="prodserver.E006"
                )
            ],
            id="E006",
        ),
        pytest.param(
            {"web": {"BACKEND": GranianASGIServer}},
            [
                Error(
                    f"{WEB}['BACKEND'] is the class GranianASGIServer; expected its dotted path, a string.",
                    hint=f"Write {ASGI!r}.",
                    id="prodserver.E006",
                )
            ],
            id="E006-class",
        ),
        pytest.param(
            {"web": {"BACKEND": "django_prodserver.backends.granian.Nope"}},
            [
                Error(
                    f"{WEB}['BACKEND'] is 'django_prodserver.backends.granian.Nope', which cannot be imported "
                    "(its module has no 'Nope').",
                    hint=BACKEND_HINT,
                    id="prodserver.E007",
                )
            ],
            id="E007",
        ),
        pytest.param(
            {"web": {"BACKEND": "prodserver.backends.Granian"}},
            [
                Error(
                    f"{WEB}['BACKEND'] is 'prodserver.backends.Granian', which cannot be imported "
                    "(no module 'prodserver').",
                    hint=BACKEND_HINT,
                    id="prodserver.E007",
                )
            ],
            id="E007-no-module",
        ),
        pytest.param(
            {"web": {"BACKEND": "myproject.servers.GranianASGIServer"}},
            [
                Error(
                    f"{WEB}['BACKEND'] is 'myproject.servers.GranianASGIServer', which "
                    "cannot be imported (no module 'myproject').",
                    hint=f"Write {ASGI!r}.",
                    id="prodserver.E007",
                )
            ],
            id="E007-our-class-at-another-path",
        ),
        pytest.param(
            {"web": {"BACKEND": "django_prodserver.args.BackendArgs"}},
            [
                Error(
                    f"{WEB}['BACKEND'] is 'django_prodserver.args.BackendArgs', not a backend class.",
                    hint="Name a subclass of BaseProcessBackend, e.g. "
                    "'django_prodserver.backends.granian.GranianASGIServer'.",
                    id="prodserver.E008",
                )
            ],
            id="E008",
        ),
        pytest.param(
            web(["--workers=4"]),
            [
                Error(
                    f"{ARGS} is a list; expected a dict of options.", hint="Write ARGS as a dict.", id="prodserver.E010"
                )
            ],
            id="E010",
        ),
        pytest.param(
            web(GranianWSGIArgs(workers=2)),
            [
                Error(
                    f"{ARGS} is a GranianWSGIArgs; GranianASGIServer takes GranianASGIArgs.",
                    hint="Build ARGS with GranianASGIArgs(...), or write it as a dict.",
                    id="prodserver.E011",
                )
            ],
            id="E011",
        ),
    ],
)
def test_shape(setting: object, expected: list[CheckMessage]) -> None:
    assert check(setting) == expected


def test_every_process_is_reported_at_once() -> None:
    setting = {"a": {"ARGS": {}}, "b": web({"workers": 0})["web"], "c": "x"}
    assert [message.id for message in check(setting)] == ["prodserver.E005", "prodserver.E023", "prodserver.E003"]


def test_a_model_instance_counts_like_its_dict() -> None:
    assert check(web(GranianASGIArgs(address="0.0.0.0", port=8000, workers=4))) == []
    assert check(web(GranianASGIArgs(blocking_threads=2))) == [
        Error(
            f"{ARGS}['blocking_threads'] is 2; Granian refuses more than 1 blocking thread for ASGI.",
            hint="Remove it (or set 1) and scale with 'workers'.",
            id="prodserver.E040",
        )
    ]


# Each ARG -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(
            {"wokers": 4},
            Error(
                f"{ARGS}['wokers'] is not an option of GranianASGIServer; did you mean 'workers'?",
                hint="Rename it to 'workers'.",
                id="prodserver.E020",
            ),
            id="E020-did-you-mean",
        ),
        pytest.param(
            {"log_acess": False},
            Error(
                f"{ARGS}['log_acess'] is not an option of GranianASGIServer; did you mean 'log_access'?",
                hint="Rename it to 'log_access'.",
                id="prodserver.E020",
            ),
            id="E020-spelling-kept",
        ),
        pytest.param(
            {"zzz": 1},
            Error(
                f"{ARGS}['zzz'] is not an option of GranianASGIServer.",
                hint="Remove it; the configuration reference lists every option.",
                id="prodserver.E020",
            ),
            id="E020",
        ),
        pytest.param(
            {"log-level": "info", "log_level": "debug"},
            Error(
                f"{ARGS}['log_level'] gives log-level again, already given as 'log-level'.",
                hint="Keep only one of 'log-level' or 'log_level'.",
                id="prodserver.E021",
            ),
            id="E021",
        ),
        pytest.param(
            {"workers": "four"},
            Error(
                f"{ARGS}['workers'] is 'four'; expected an integer.",
                hint="Write a whole number, e.g. 4 or '4'.",
                id="prodserver.E022",
            ),
            id="E022-int",
        ),
        pytest.param(
            {"workers": True},
            Error(
                f"{ARGS}['workers'] is True; expected an integer.",
                hint="Write a whole number, e.g. 4 or '4'.",
                id="prodserver.E022",
            ),
            id="E022-bool-is-not-int",
        ),
        pytest.param(
            {"log-access": "maybe"},
            Error(
                f"{ARGS}['log-access'] is 'maybe'; expected true or false.",
                hint="Write True or False ('true' and 'false' work too).",
                id="prodserver.E022",
            ),
            id="E022-bool",
        ),
        pytest.param(
            {"ssl-keyfile-password": 1234},
            Error(
                f"{ARGS}['ssl-keyfile-password'] is ********; expected a string.",
                hint="Write the value as a string.",
                id="prodserver.E022",
            ),
            id="E022-secret-masked",
        ),
        pytest.param(
            {"port": 70000},
            Error(
                f"{ARGS}['port'] is 70000; expected between 0 and 65535.",
                hint="Use a value between 0 and 65535.",
                id="prodserver.E023",
            ),
            id="E023-range",
        ),
        pytest.param(
            {"workers-lifetime": "30s"},
            Error(
                f"{ARGS}['workers-lifetime'] is '30s'; expected between 60 and 8589934592 seconds.",
                hint="Use a value between 60 and 8589934592 seconds.",
                id="prodserver.E023",
            ),
            id="E023-workers-lifetime",
        ),
        pytest.param(
            {"blocking-threads-idle-timeout": "1h"},
            Error(
                f"{ARGS}['blocking-threads-idle-timeout'] is '1h'; expected between 5 and 600 seconds.",
                hint="Use a value between 5 and 600 seconds.",
                id="prodserver.E023",
            ),
            id="E023-idle-timeout",
        ),
        pytest.param(
            {"http": "3"},
            Error(
                f"{ARGS}['http'] is '3'; expected 'auto', '1' or '2'.",
                hint="Use 'auto', '1' or '2'.",
                id="prodserver.E024",
            ),
            id="E024",
        ),
        pytest.param(
            {"workers-lifetime": "1 hour"},
            Error(
                f"{ARGS}['workers-lifetime'] is '1 hour'; expected a duration such as 90 or '1h30m'.",
                hint="Write seconds (90) or a duration with d, h, m and s units ('1h30m').",
                id="prodserver.E025",
            ),
            id="E025",
        ),
        pytest.param(
            {"address": "localhost"},
            Error(
                f"{ARGS}['address'] is 'localhost', not an IP address; this server binds IP addresses only.",
                hint="Use '127.0.0.1' (or '::1') instead of 'localhost'.",
                id="prodserver.E026",
            ),
            id="E026-localhost",
        ),
        pytest.param(
            {"metrics-address": "example.com"},
            Error(
                f"{ARGS}['metrics-address'] is 'example.com', not an IP address; this server binds IP addresses only.",
                hint="Use an IP address: '0.0.0.0' for every interface, '127.0.0.1' for this machine only.",
                id="prodserver.E026",
            ),
            id="E026",
        ),
        pytest.param(
            {"uds-permissions": "rw-rw----"},
            Error(
                f"{ARGS}['uds-permissions'] is 'rw-rw----'; expected octal file permissions.",
                hint="Write the permissions as an octal string, e.g. '0660'.",
                id="prodserver.E027",
            ),
            id="E027",
        ),
        pytest.param(
            {"reload-ignore-patterns": ["^x$", "*.pyc"]},
            Error(
                f"{ARGS}['reload-ignore-patterns'][1] is '*.pyc', not a regular expression "
                "(nothing to repeat at position 0).",
                hint="Fix the pattern (Python re syntax).",
                id="prodserver.E028",
            ),
            id="E028",
        ),
        pytest.param(
            {"ssl-cert": " "},
            Error(
                f"{ARGS}['ssl-cert'] is an empty path.",
                hint="Name a file or directory, or remove the option.",
                id="prodserver.E029",
            ),
            id="E029",
        ),
    ],
)
def test_args(args: dict[str, object], expected: CheckMessage) -> None:
    assert check(web(args)) == [expected]


def test_every_bad_arg_is_reported_at_once() -> None:
    ids = [str(message.id) for message in check(web({"workers": 0, "http": "3", "port": "x"}))]
    assert sorted(ids) == ["prodserver.E022", "prodserver.E023", "prodserver.E024"]


@pytest.mark.parametrize(
    "args",
    [
        {"workers": "4", "port": 9000, "log-access": "True", "log_access_format": "%(path)s"},
        {"http": "2", "ssl-cert": "tls/cert.pem", "ssl-key": "tls/key.pem"},
        {"http": 1, "workers-lifetime": "1h30m", "blocking-threads-idle-timeout": "10m"},
        {"address": "::", "metrics": True, "metrics-address": "0.0.0.0", "uds-permissions": "0660", "uds": "app.sock"},
        {"reload-ignore-patterns": [r"\.pyc$"], "reload": True},
    ],
)
def test_good_args_pass(in_tmp: Path, args: dict[str, object]) -> None:
    assert check(web(args)) == []


# What Granian refuses, ignores or changes -------------------------------------------------------

TLS = {"ssl-cert": "tls/cert.pem", "ssl-key": "tls/key.pem"}


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


# Files ----------------------------------------------------------------------------------------------


# Something of the wrong kind is there: creating it is not the fix.
WRONG_KIND_HINT = "Fix the path; prodserver refuses to start without it."


def test_a_file_to_create_that_is_a_directory(in_tmp: Path) -> None:
    assert check(web({"pid-file": "static"})) == [
        Warning(f"{ARGS}['pid-file'] names 'static', which is a directory.", hint=WRONG_KIND_HINT, id="prodserver.W050")
    ]


def test_missing_files_warn(in_tmp: Path) -> None:
    messages = check(web({"ssl-cert": "tls/cert.pem", "ssl-key": "tls/nokey.pem", "env-files": ["static"]}))
    assert messages == [
        Warning(
            f"{ARGS}['ssl-key'] names 'tls/nokey.pem', which does not exist.", hint=MISSING_HINT, id="prodserver.W050"
        ),
        Warning(
            f"{ARGS}['env-files'] names 'static', which is not a file.", hint=WRONG_KIND_HINT, id="prodserver.W050"
        ),
    ]


def test_missing_directories_warn(in_tmp: Path) -> None:
    messages = check(web({"static-path-mount": "tls/cert.pem", "pid-file": "run/app.pid", "working-dir": "src"}))
    assert messages == [
        # In the options' declaration order.
        Warning(f"{ARGS}['working-dir'] names 'src', which does not exist.", hint=MISSING_HINT, id="prodserver.W050"),
        Warning(
            f"{ARGS}['static-path-mount'] names 'tls/cert.pem', which is not a directory.",
            hint=WRONG_KIND_HINT,
            id="prodserver.W050",
        ),
        Warning(
            f"{ARGS}['pid-file'] names 'run/app.pid', in a directory that does not exist.",
            hint=MISSING_HINT,
            id="prodserver.W050",
        ),
    ]


def test_certificate_and_key_must_match(in_tmp: Path) -> None:
    assert check(web({"ssl-cert": "tls/cert.pem", "ssl-key": "tls/other-key.pem"})) == [
        Error(
            f"{ARGS}['ssl-cert'] and ssl-key do not match: the key is not this certificate's.",
            hint="Use the private key the certificate was issued for.",
            id="prodserver.E052",
        )
    ]


def test_certificate_and_key_must_load(in_tmp: Path) -> None:
    write_tls_files(in_tmp, "right")  # cert.pem and an encrypted key.pem, at the top
    args = {"ssl-cert": "cert.pem", "ssl-key": "logging.json"}
    assert check(web(args)) == [
        Error(
            f"{ARGS}['ssl-cert'] or ssl-key cannot be loaded (not PEM, or a wrong ssl-keyfile-password).",
            hint="Use PEM files, and set ssl-keyfile-password if the key is encrypted.",
            id="prodserver.E052",
        )
    ]


DECRYPT = "Decrypt the key (openssl pkey -in key.pem -out plain-key.pem), use it, and remove ssl-keyfile-password."


@pytest.mark.parametrize("password", [None, "right"], ids=["without-password", "with-its-password"])
def test_granian_cannot_load_an_encrypted_key(in_tmp: Path, password: str | None) -> None:
    # Python's ssl loads it with its password; Granian 2.8's workers panic on any encrypted key.
    write_tls_files(in_tmp, "right")
    args = {"ssl-cert": "cert.pem", "ssl-key": "key.pem", **({"ssl-keyfile-password": password} if password else {})}
    if password is None:
        expected = Error(
            f"{ARGS}['ssl-key'] is an encrypted key, which Granian 2.8 cannot load: its workers panic at start.",
            hint=DECRYPT,
            id="prodserver.E047",
        )
    else:
        expected = Error(
            f"{ARGS}['ssl-keyfile-password'] is set, but Granian 2.8 cannot decrypt a key: with any password its "
            "workers panic at start.",
            hint=DECRYPT,
            id="prodserver.E047",
        )
    assert check(web(args)) == [expected]


def test_a_key_password_is_refused_even_with_a_plain_key(in_tmp: Path) -> None:
    [message] = check(web({**TLS, "ssl-keyfile-password": "unused"}))
    assert (message.id, message.msg.split("]")[-2]) == ("prodserver.E047", "['ssl-keyfile-password'")


@pytest.mark.parametrize(
    ("option", "value", "what", "block"),
    [
        ("ssl-ca", "tls/key.pem", "certificate", "CERTIFICATE"),
        ("ssl-crl", "tls/cert.pem", "certificate revocation list", "X509 CRL"),
    ],
)
def test_trust_files_must_hold_what_granian_loads(in_tmp: Path, option: str, value: str, what: str, block: str) -> None:
    path = f"{ARGS}['{option}']" + ("[0]" if option == "ssl-crl" else "")
    assert check(web({**TLS, "ssl-ca": "tls/cert.pem", option: value})) == [
        Error(
            f"{path} names {value!r}, which holds no PEM {what}: Granian's workers would panic at start.",
            hint=f"Name a PEM file with a '-----BEGIN {block}-----' block.",
            id="prodserver.E049",
        )
    ]


def test_existing_files_pass(in_tmp: Path) -> None:
    args = {**TLS, "static-path-mount": "static", "log-config": "logging.json", "pid-file": "app.pid"}
    assert check(web({**args, "working-dir": ".", "reload": True, "reload-paths": ["static", "tls/cert.pem"]})) == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param("[loggers]\nkeys=root\n", "is not valid JSON (Expecting value, line 1)", id="ini"),
        pytest.param("[]", "holds a list, not a JSON object", id="list"),
    ],
)
def test_log_config_must_be_a_json_object(in_tmp: Path, content: str, reason: str) -> None:
    (in_tmp / "logging.ini").write_text(content)  # replaces the fixture's
    assert check(web({"log-config": "logging.ini"})) == [
        Error(
            f"{ARGS}['log-config'] names 'logging.ini', which {reason}.",
            hint=LOG_CONFIG_HINT,
            id="prodserver.E051",
        )
    ]


# The machine --------------------------------------------------------------------------------------


def test_missing_extra_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "installed", lambda module: module != "setproctitle")
    assert check(web({"process-name": "web"})) == [
        Error(
            f"{ARGS}['process-name'] needs the setproctitle package, which is not installed.",
            hint="Install it: pip install 'granian[pname]'.",
            id="prodserver.E060",
        )
    ]


@pytest.mark.parametrize(
    ("args", "module"),
    [
        ({"reload": True}, "watchfiles"),
        ({"env-files": ".env"}, "dotenv"),
        ({"loop": "uvloop"}, "uvloop"),
        ({"loop": "rloop"}, "rloop"),
    ],
)
def test_each_extra_is_looked_up(monkeypatch: pytest.MonkeyPatch, args: dict[str, object], module: str) -> None:
    looked_up: list[str] = []

    def installed(name: str) -> bool:
        looked_up.append(name)
        return True

    monkeypatch.setattr(packages, "installed", installed)
    check(web(args))
    # The option's package, then the backend's own (granian).
    assert looked_up == [module, "granian"]


def test_extras_installed_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "installed", lambda module: True)
    assert check(web({"loop": "uvloop", "process-name": "web", "reload": False})) == []


def test_winloop_off_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(environment, "on_windows", lambda: False)
    assert check(web({"loop": "winloop"})) == [
        Error(
            f"{ARGS}['loop'] is 'winloop', which exists only on Windows.",
            hint="Use 'auto' (the fastest loop installed), 'uvloop' or 'asyncio'.",
            id="prodserver.E061",
        )
    ]


def test_winloop_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(environment, "on_windows", lambda: True)
    monkeypatch.setattr(packages, "installed", lambda module: True)
    assert check(web({"loop": "winloop"})) == []


def test_uds_on_windows(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(environment, "on_windows", lambda: True)
    assert check(web({"uds": "app.sock"})) == [
        Error(
            f"{ARGS}['uds'] is set, but Granian has no Unix domain sockets on Windows.",
            hint="Bind an address and port instead.",
            id="prodserver.E062",
        )
    ]
    monkeypatch.setattr(environment, "on_windows", lambda: False)
    assert check(web({"uds": "app.sock"})) == []


@pytest.mark.parametrize(("version", "expected"), [((3, 11), 0), ((3, 12), 1)])
def test_rust_tasks_fall_back_on_python_312(
    monkeypatch: pytest.MonkeyPatch, version: tuple[int, int], expected: int
) -> None:
    monkeypatch.setattr(environment, "python_version", lambda: version)
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


@pytest.mark.parametrize(
    ("settings", "target", "module"),
    [
        ({"ASGI_APPLICATION": "demo.nope.application"}, "demo.nope:application", "demo.nope"),
        ({"WSGI_APPLICATION": "nowhere.wsgi.application"}, "nowhere.asgi:application", "nowhere.asgi"),
    ],
)
def test_application_module_must_exist(settings: dict[str, str], target: str, module: str) -> None:
    with override_settings(**settings):
        assert check(web({})) == [
            Error(
                f"{WEB} serves {target!r}, but its module {module!r} does not exist.",
                hint="Point ASGI_APPLICATION (ASGI) or WSGI_APPLICATION at your project's application.",
                id="prodserver.E063",
            )
        ]


def test_application_module_found_without_importing_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # Another test in this process may have imported it; the check must not import it again.
    monkeypatch.delitem(sys.modules, "demo.asgi", raising=False)
    with override_settings(ASGI_APPLICATION="demo.asgi.application"):
        assert check(web({})) == []
    assert "demo.asgi" not in sys.modules


# check --deploy -------------------------------------------------------------------------------------


def test_deploy_advice() -> None:
    setting = web({"reload": True, "log-level": "DEBUG", "workers-kill-timeout": "30s"})
    assert check(setting) == []
    assert deploy_check(setting) == [
        Warning(
            f"{ARGS}['reload'] is True: the reloader is for development, not production.",
            hint="Remove reload from production settings.",
            id="prodserver.W070",
        ),
        Warning(
            f"{ARGS}['log-level'] is 'debug': verbose logs slow every request and may record sensitive data.",
            hint="Use 'info' or 'warning' in production.",
            id="prodserver.W071",
        ),
    ]


def test_deploy_passes_public_address_without_tls() -> None:
    # Behind a proxy that terminates TLS, this is the normal production set-up.
    assert deploy_check(web({"address": "0.0.0.0", "log-level": "warning", "workers-kill-timeout": 30})) == []


def test_deploy_advises_a_kill_timeout() -> None:
    assert deploy_check(web({"workers": 2})) == [
        Warning(
            f"{ARGS}['workers-kill-timeout'] is not set: a stop signal that lands while a worker starts can leave "
            "Granian waiting forever.",
            hint="Set workers-kill-timeout, e.g. '30s', so that Granian kills a worker that does not stop.",
            id="prodserver.W072",
        )
    ]


def test_static_routes_that_shadow_the_application_or_match_nothing(in_tmp: Path) -> None:
    setting = web({"static-path-mount": ["static", "media"], "static-path-route": ["/", "media"]})
    assert check(setting) == [
        Warning(
            f"{ARGS}['static-path-route'][0] is '/', which serves static files for every path: the application "
            "would never be reached.",
            hint="Use a path prefix such as '/static'.",
            id="prodserver.W048",
        ),
        Warning(
            f"{ARGS}['static-path-route'][1] is 'media', which does not start with '/': no request path matches it.",
            hint="Use a path prefix such as '/static'.",
            id="prodserver.W048",
        ),
    ]


# Red team, round 3 (tests/integration/RED_TEAM_FINDINGS.md, section 15) -----------------------------

TLS_PAIR = {"ssl-cert": "tls/cert.pem", "ssl-key": "tls/key.pem"}
E013_HINT = "Remove the character (a setting read from a file or the environment may carry it)."


@pytest.mark.parametrize(
    ("key", "value", "what"),
    [
        ("process-name", "web\x00", "a NUL character ('\\x00')"),
        ("pid-file", "web\x00.pid", "a NUL character ('\\x00')"),
        ("uds", "web\x00.sock", "a NUL character ('\\x00')"),
        ("pid-file", "\udcff.pid", "an unpaired surrogate ('\\udcff', not UTF-8)"),
        ("url-path-prefix", "/\ud800", "an unpaired surrogate ('\\ud800', not UTF-8)"),
    ],
)
def test_text_no_system_call_takes_is_e013(key: str, value: str, what: str) -> None:
    # Before: check passed; setproctitle, open() or the socket bind raised ValueError/UnicodeEncodeError at start.
    assert check(web({key: value})) == [
        Error(
            f"{ARGS}[{key!r}] is {shown(value)}, which holds {what}: no file name, process title or URL path can "
            "hold it.",
            hint=E013_HINT,
            id="prodserver.E013",
        )
    ]


def test_an_unusable_character_in_a_list_item_is_e013_at_the_item() -> None:
    [message] = check(web({"static-path-mount": ["static", "me\x00dia"], "static-path-route": ["/s", "/m"]}))
    assert (message.id, message.msg.split(" is ")[0]) == ("prodserver.E013", f"{ARGS}['static-path-mount'][1]")


@pytest.mark.parametrize("key", ["access-log-fmt", "process-name", "url-path-prefix", "static-path-dir-to-file"])
def test_empty_text_that_granian_reads_as_unset_is_e014(in_tmp: Path, key: str) -> None:
    # Granian's `value or default`: '' silently gave the default format, process title, no prefix...
    extra = {"static-path-mount": "static"} if key == "static-path-dir-to-file" else {}
    assert check(web({key: " ", **extra})) == [
        Error(
            f"{ARGS}[{key!r}] is an empty string, which the server reads as not set: it would use its default instead.",
            hint="Remove the option to use the default, or give it a value.",
            id="prodserver.E014",
        )
    ]


@pytest.mark.parametrize(
    ("prefix", "why", "hint"),
    [
        ("api", "does not start with '/'", "Write it as '/api'."),
        ("/api/", "ends with '/'", "Write it as '/api'."),
        ("/", "ends with '/'", "Remove the option to serve at the root."),
    ],
)
def test_a_url_path_prefix_django_cannot_strip_is_e053(prefix: str, why: str, hint: str) -> None:
    assert check(web({"url-path-prefix": prefix})) == [
        Error(
            f"{ARGS}['url-path-prefix'] is {prefix!r}, which {why}: Django would answer 404 to every request under it.",
            hint=hint,
            id="prodserver.E053",
        )
    ]


@pytest.mark.parametrize("backend", [ASGI, WSGI])
def test_a_url_path_prefix_of_a_path_passes(backend: str) -> None:
    assert check(web({"url-path-prefix": "/api/v1"}, backend)) == []


def test_a_static_route_with_a_trailing_slash_matches_nothing(in_tmp: Path) -> None:
    assert check(web({"static-path-mount": "static", "static-path-route": "/static/"})) == [
        Warning(
            f"{ARGS}['static-path-route'][0] is '/static/', which ends with '/': Granian then matches only paths "
            "with '//' after it, so no file is served.",
            hint="Use a path prefix such as '/static'.",
            id="prodserver.W048",
        )
    ]


@pytest.mark.parametrize("routes", [["/s", "/s"], ["/s", "/s/media"]])
def test_a_static_route_inside_an_earlier_one_is_never_served(in_tmp: Path, routes: list[str]) -> None:
    assert check(web({"static-path-mount": ["static", "media"], "static-path-route": routes})) == [
        Warning(
            f"{ARGS}['static-path-route'][1] is {routes[1]!r}, inside static-path-route[0] '/s' listed before it: "
            "Granian serves every such path from the earlier route's mount, so static-path-mount[1] is never served.",
            hint="List the longer route first, or give each mount its own route.",
            id="prodserver.W051",
        )
    ]


@pytest.mark.parametrize("routes", [["/s/media", "/s"], ["/s", "/sm"], ["/static", "/media"]])
def test_static_routes_that_do_not_overlap_pass(in_tmp: Path, routes: list[str]) -> None:
    assert check(web({"static-path-mount": ["static", "media"], "static-path-route": routes})) == []


@pytest.mark.parametrize(
    ("args", "key", "other"),
    [
        ({"http": "1", "http2-max-concurrent-streams": 100}, "http2-max-concurrent-streams", "HTTP/2"),
        ({"http": 1, "http2-keep-alive-interval": 1000}, "http2-keep-alive-interval", "HTTP/2"),
        ({"http": "2", "http1-keep-alive": False, **TLS_PAIR}, "http1-keep-alive", "HTTP/1"),
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


def test_an_expired_or_future_certificate_is_w053(in_tmp: Path) -> None:
    from tests.catalogue import write_self_signed

    key = ec.generate_private_key(ec.SECP256R1())
    expired, expired_key = write_self_signed(in_tmp / "tls", "expired", key, valid_days=(-60, -30))
    future, future_key = write_self_signed(in_tmp / "tls", "future", key, valid_days=(30, 60))
    messages = check(
        {
            "web": {"BACKEND": ASGI, "ARGS": {"ssl-cert": str(expired), "ssl-key": str(expired_key)}},
            "api": {"BACKEND": ASGI, "ARGS": {"port": 8001, "ssl-cert": str(future), "ssl-key": str(future_key)}},
        }
    )
    assert [message.id for message in messages] == ["prodserver.W053", "prodserver.W053"]
    assert "whose certificate expired on " in messages[0].msg
    assert "whose certificate is valid only from " in messages[1].msg
    assert messages[0].msg.endswith(
        ": the server serves it, and every client that verifies certificates (browsers, curl, requests) refuses "
        "the connection."
    )
    assert messages[0].hint == "Use a certificate that is valid now: renew it (or fix the system clock)."


def test_a_valid_certificate_has_no_w053(in_tmp: Path) -> None:
    assert check(web(TLS_PAIR)) == []


def test_log_off_with_the_access_log_on_is_w054() -> None:
    assert check(web({"log": False})) == [
        Warning(
            f"{ARGS}['log'] is False, but log-access is True (this backend's default): Granian still logs every "
            "request.",
            hint="Set log-access to False too for no logs at all, or remove log to keep Granian's own messages.",
            id="prodserver.W054",
        )
    ]
    assert check(web({"log": False, "log-access": False})) == []


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


@pytest.mark.parametrize(
    ("args", "key", "needed"),
    [
        ({"rss-samples": 3}, "rss-samples", "workers-max-rss"),
        ({"rss-sample-interval": "10s"}, "rss-sample-interval", "workers-max-rss"),
        ({"access-log-fmt": "%(path)s", "log-access": False}, "access-log-fmt", "log-access"),
    ],
)
def test_options_granian_reads_only_with_another_are_w046(args: dict[str, object], key: str, needed: str) -> None:
    assert check(web(args)) == [
        Warning(
            f"{ARGS}[{key!r}] has no effect without {needed}.",
            hint=f"Set {needed} too, or remove it.",
            id="prodserver.W046",
        )
    ]


def test_a_password_without_tls_is_only_w046() -> None:
    # Before: E047 "its workers panic at start" as well, contradicting W046 (no TLS: Granian reads no key).
    assert [message.id for message in check(web({"ssl-keyfile-password": "x"}))] == ["prodserver.W046"]


def test_a_file_at_the_socket_path_is_a_file_problem(in_tmp: Path) -> None:
    (in_tmp / "web.sock").write_text("not a socket")
    assert check(web({"uds": "web.sock"})) == [
        Warning(
            f"{ARGS}['uds'] names 'web.sock', which exists and is not a socket: Granian cannot bind a socket there.",
            hint=WRONG_KIND_HINT,
            id="prodserver.W050",
        )
    ]


# prodserver: validating_start -----------------------------------------------------------------------


def test_validating_start_checks_only_that_process() -> None:
    setting = {"web": web({"workers": 0})["web"], "wsgi": web({"port": -1}, WSGI)["web"]}
    with validating_start("wsgi", {}):
        assert [message.id for message in check(setting)] == ["prodserver.E023"]
        assert "['wsgi']" in check(setting)[0].msg
    assert len(check(setting)) == 2


def test_validating_start_escalates_missing_files(in_tmp: Path) -> None:
    setting = web({"static-path-mount": "staticfiles"})
    message = f"{ARGS}['static-path-mount'] names 'staticfiles', which does not exist."
    assert check(setting) == [Warning(message, hint=MISSING_HINT, id="prodserver.W050")]
    with validating_start("web", {}):
        assert check(setting) == [Error(message, hint="Create it, or fix the path.", id="prodserver.E050")]


def test_validating_start_applies_overrides() -> None:
    setting = web({"workers": 0, "http": "3"})
    with validating_start("web", {"workers": "x", "http": "1"}):
        assert check(setting) == [
            Error(
                "Command-line option --workers is 'x'; expected an integer.",
                hint="Write a whole number, e.g. 4 or '4'.",
                id="prodserver.E022",
            )
        ]


def test_validating_start_reports_the_setting_shape() -> None:
    with validating_start("web", {}):
        assert [message.id for message in check([])] == ["prodserver.E001"]


def test_check_does_not_import_granian() -> None:
    # Every management command runs the check: importing granian would cost ~135 ms each time.
    code = (
        "import sys, django; django.setup();"
        "from django.core.management import call_command; call_command('check', '--deploy');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'granian', 'uvloop', 'watchfiles'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={"DJANGO_SETTINGS_MODULE": "tests.settings", "PYTHONPATH": ".:example", "PATH": ""},
    )
    assert result.stdout.strip() == "[]"


def test_rules_judge_the_valid_options_beside_a_bad_one() -> None:
    assert [message.id for message in check(web({"workers": 0, "blocking-threads": 2}))] == [
        "prodserver.E023",
        "prodserver.E040",
    ]


def process(**args: object) -> dict[str, object]:
    return {"BACKEND": ASGI, "ARGS": args}


@pytest.mark.parametrize(
    ("second", "first_address", "second_address"),
    [
        pytest.param(process(port=8000), "127.0.0.1:8000", "127.0.0.1:8000", id="same-address"),
        pytest.param(process(address="0.0.0.0", port=8000), "127.0.0.1:8000", "0.0.0.0:8000", id="wildcard"),
    ],
)
def test_processes_sharing_an_address_warn(second: object, first_address: str, second_address: str) -> None:
    assert check({"web": process(port=8000), "api": second}) == [
        Warning(
            f"PRODUCTION_PROCESSES['api']['ARGS']['port'] binds {second_address}, as process 'web' does "
            f"({first_address}): both then serve it and the kernel splits the connections between the two.",
            hint="Give each process its own port.",
            id="prodserver.W047",
        )
    ]


@pytest.mark.parametrize(
    "second",
    [
        pytest.param(process(port=8001), id="other-port"),
        pytest.param(process(address="127.0.0.2", port=8000), id="other-address"),
        pytest.param(process(address="::1", port=8000), id="other-family"),
        pytest.param(process(uds="web.sock"), id="unix-socket"),
    ],
)
def test_processes_on_their_own_addresses_pass(second: object) -> None:
    assert check({"web": process(port=8000), "api": second}) == []


@pytest.mark.parametrize("name", ["", "  "])
def test_a_blank_process_name_is_an_error(name: str) -> None:
    assert check({name: {"BACKEND": ASGI}}) == [
        Error(
            f"PRODUCTION_PROCESSES names a process {name!r}; a process needs a name.",
            hint="Name the process with a word such as 'web': prodserver takes it on the command line.",
            id="prodserver.E002",
        )
    ]


@pytest.mark.parametrize(("key", "suggested"), [("wokers", "workers"), ("log_acess", "log_access")])
def test_did_you_mean_suggests_close_names(key: str, suggested: str) -> None:
    [message] = check(web({key: 1}))
    assert message.hint == f"Rename it to {suggested!r}."


def test_did_you_mean_stays_quiet_for_distant_names() -> None:
    # 'worker-class' is gunicorn's option; 'workers-max-rss' is no fix for it.
    [message] = check(web({"worker-class": "sync"}))
    assert message.hint == "Remove it; the configuration reference lists every option."


def test_padded_values_are_read_without_their_whitespace() -> None:
    # One rule for every option: a stray space or newline (settings read from the environment) is ignored.
    args = GranianASGIArgs.model_validate(
        {"address": " 0.0.0.0 ", "workers": " 2 ", "log-access": "false\n", "ssl-cert": " a.pem", "http": " 1 "}
    )
    assert (args.address, args.workers, args.log_access, str(args.ssl_cert), args.http) == (
        "0.0.0.0",
        2,
        False,
        "a.pem",
        "1",
    )


def test_a_secret_keeps_its_whitespace() -> None:
    args = GranianASGIArgs.model_validate({"ssl-keyfile-password": " pass word "})
    assert args.ssl_keyfile_password is not None
    assert args.ssl_keyfile_password.get_secret_value() == " pass word "


def test_an_ipv6_zone_index_is_refused() -> None:
    assert check(web({"address": "fe80::1%eth0"})) == [
        Error(
            f"{ARGS}['address'] is 'fe80::1%eth0', an address with a zone index, which this server cannot bind.",
            hint="Remove the zone index: write 'fe80::1'.",
            id="prodserver.E026",
        )
    ]


def test_a_path_the_system_cannot_look_up_is_a_file_problem(in_tmp: Path) -> None:
    long_name = "x" * 300
    assert check(web({"log-config": long_name})) == [
        Warning(
            f"{ARGS}['log-config'] names {shown(long_name)}, which cannot be used (File name too long).",
            hint=WRONG_KIND_HINT,
            id="prodserver.W050",
        )
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_a_file_the_user_cannot_read(in_tmp: Path) -> None:
    (in_tmp / "secret.json").write_text("{}")
    (in_tmp / "secret.json").chmod(0)
    assert check(web({"log-config": "secret.json"})) == [
        Warning(
            f"{ARGS}['log-config'] names 'secret.json', which this user cannot read.",
            hint=WRONG_KIND_HINT,
            id="prodserver.W050",
        )
    ]


def test_a_log_config_without_version_gets_granians(in_tmp: Path) -> None:
    # Granian lays the file over its defaults, which say "version": 1.
    (in_tmp / "nover.json").write_text('{"loggers": {}}')
    assert check(web({"log-config": "nover.json"})) == []


@pytest.mark.parametrize(
    ("config", "reason"),
    [
        pytest.param('{"version": 2}', 'has "version": 2; logging.dictConfig supports only 1', id="version-2"),
        pytest.param(
            '{"version": 1, "handlers": {"file": {"class": "logging.StreamHandler"}}}',
            "logging.dictConfig would refuse: logger '_granian': its handler 'console' is not among the handlers",
            id="handlers-without-loggers",
        ),
        pytest.param(
            '{"version": 1, "handlers": {"h": {"class": "logging.StreamHandlr"}}, "loggers": {}}',
            "logging.dictConfig would refuse: handler 'h': 'logging.StreamHandlr' cannot be imported "
            "(ModuleNotFoundError: No module named 'logging.StreamHandlr')",
            id="unknown-class",
        ),
        pytest.param(
            '{"loggers": []}', 'has "loggers" that is a list: Granian needs an object there', id="loggers-list"
        ),
        pytest.param(
            '{"loggers": {"_granian": 1}}',
            "has a '_granian' logger that is an int, not an object",
            id="granian-logger-int",
        ),
    ],
)
def test_a_log_config_dict_config_refuses_is_an_error(in_tmp: Path, config: str, reason: str) -> None:
    (in_tmp / "bad.json").write_text(config)
    assert check(web({"log-config": "bad.json"})) == [
        Error(f"{ARGS}['log-config'] names 'bad.json', which {reason}.", hint=LOG_CONFIG_HINT, id="prodserver.E051")
    ]


def test_a_log_config_that_replaces_handlers_and_loggers_passes(in_tmp: Path) -> None:
    handler = {"class": "logging.FileHandler", "filename": "logs/granian.log"}
    loggers = {name: {"handlers": ["file"]} for name in ("_granian", "granian.access")}
    (in_tmp / "logs").mkdir()
    (in_tmp / "file.json").write_text(json.dumps({"version": 1, "handlers": {"file": handler}, "loggers": loggers}))
    assert check(web({"log-config": "file.json"})) == []
    assert not (in_tmp / "logs" / "granian.log").exists()


def test_a_log_file_in_a_missing_directory_is_a_missing_path(in_tmp: Path) -> None:
    handler = {"class": "logging.FileHandler", "filename": "logs/granian.log"}
    loggers = {"_granian": {"handlers": ["file"]}}
    (in_tmp / "file.json").write_text(json.dumps({"version": 1, "handlers": {"file": handler}, "loggers": loggers}))
    message = (
        f"{ARGS}['log-config'] names 'file.json', whose handler 'file' writes to 'logs/granian.log', "
        "in a directory that does not exist."
    )
    setting = web({"log-config": "file.json"})
    assert check(setting) == [Warning(message, hint=MISSING_HINT, id="prodserver.W050")]
    with validating_start("web", {}):
        assert check(setting) == [Error(message, hint="Create it, or fix the path.", id="prodserver.E050")]


def test_a_key_type_granian_cannot_sign_with_is_an_error(in_tmp: Path) -> None:
    from tests.unit.test_private_keys import pem  # one helper for PEM keys

    key = ec.generate_private_key(ec.SECP521R1())
    (in_tmp / "p521.pem").write_text(pem(key))
    assert check(web({"ssl-cert": "tls/cert.pem", "ssl-key": "p521.pem"})) == [
        Error(
            f"{ARGS}['ssl-key'] names 'p521.pem', which holds an ECDSA P-521 key, which Granian's TLS (rustls "
            "with ring) cannot sign with: its workers would panic at start.",
            hint="Use a certificate and key of a type Granian supports: ECDSA P-256 or P-384, Ed25519, or RSA "
            "of 2048 to 4096 bits.",
            id="prodserver.E048",
        )
    ]


def test_a_key_file_granian_reads_no_key_from_is_an_error(in_tmp: Path) -> None:
    from tests.unit.test_private_keys import TRADITIONAL, pem

    (in_tmp / "dsa.pem").write_text(pem(dsa.generate_private_key(1024), TRADITIONAL))
    [error] = check(web({"ssl-cert": "tls/cert.pem", "ssl-key": "dsa.pem"}))
    assert error.id == "prodserver.E048"
    assert "holds only a 'DSA PRIVATE KEY' block, and Granian reads only 'PRIVATE KEY'" in error.msg


def test_two_processes_sharing_a_metrics_port_warn() -> None:
    metrics = {"metrics": True, "metrics-port": 9100}
    setting = {"web": web({"port": 8000, **metrics})["web"], "api": web({"port": 8001, **metrics})["web"]}
    assert check(setting) == [
        Warning(
            "PRODUCTION_PROCESSES['api']['ARGS']['metrics-port'] binds 127.0.0.1:9100, as process 'web' does "
            "(127.0.0.1:9100): the one started second cannot bind it.",
            hint="Give each process its own port.",
            id="prodserver.W047",
        )
    ]


@pytest.mark.parametrize(
    ("value", "warned"),
    # Text without a leading 0 is decimal too, as Granian's CLI reads it: '660' is 0o1224.
    [(660, True), (755, True), (0o660, False), ("0660", False), ("660", True), (" 644 ", True), ("1224", False)],
)
def test_permissions_written_as_a_decimal_int(value: object, warned: bool) -> None:
    messages = check(web({"uds": "web.sock", "uds-permissions": value}))
    number = int(value) if isinstance(value, (int, str)) else 0
    expected = (
        [
            Warning(
                f"{ARGS}['uds-permissions'] is {shown(value)}, read as the decimal number {number} "
                f"(octal {number:o}), not as the permissions 0{number}.",
                hint=f"Write the permissions as octal text: '0{number}'.",
                id="prodserver.W027",
            )
        ]
        if warned
        else []
    )
    assert messages == expected
