"""The ``prodserver`` system check: exact messages for the shared rules, each with a passing case.

Granian serves as the example backend; its own rules are tested in ``tests/unit/granian/``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import CheckMessage, Error, Warning
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from django_prodserver.backends.granian import GranianASGIArgs, GranianASGIServer, GranianWSGIArgs
from django_prodserver.checks import check_production_processes, check_production_processes_deploy, reporting
from django_prodserver.rules import packages
from django_prodserver.rules.text import shown
from django_prodserver.validation import validated_setting
from tests.unit.checking import (
    ARGS,
    ASGI,
    MISSING_HINT,
    WEB,
    WRONG_KIND_HINT,
    WSGI,
    check,
    deploy_check,
    starting,
    web,
)
from tests.unit.tls_files import write_tls_files

BACKEND_HINT = "Use a backend's dotted path, e.g. 'django_prodserver.backends.granian.GranianASGIServer'."


def test_defaults_pass() -> None:
    assert check_production_processes() == []
    # Granian's default waits forever for a worker that missed the stop signal.
    assert [message.id for message in check_production_processes_deploy()] == ["prodserver.W072"]


@pytest.mark.parametrize("backend", [ASGI, WSGI])
def test_the_documented_example_passes(backend: str) -> None:
    # The README's address, port and workers, as the strings a setting read from the environment holds.
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
                    f"{WEB}['OPTIONS'] is not a process key; expected 'BACKEND', 'ARGS' or 'DEPLOY'.",
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
                    hint=f"Write {ASGI!r} or 'django_prodserver.backends.granian.GranianWSGIServer'.",
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


# Files (Granian's own rules are in tests/unit/granian/) ----------------------------------------------


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


def test_existing_files_pass(in_tmp: Path) -> None:
    args = {
        "ssl-cert": "tls/cert.pem",
        "ssl-key": "tls/key.pem",
        "static-path-mount": "static",
        "log-config": "logging.json",
        "pid-file": "app.pid",
    }
    assert check(web({**args, "working-dir": ".", "reload": True, "reload-paths": ["static", "tls/cert.pem"]})) == []


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


# Red team, round 3 (tests/integration/RED_TEAM_FINDINGS.md, section 15) -----------------------------

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


# prodserver: the check reports the validation the command made ------------------------------------


def test_reporting_a_start_checks_only_that_process() -> None:
    setting = {"web": web({"workers": 0})["web"], "wsgi": web({"port": -1}, WSGI)["web"]}
    with starting("wsgi", setting):
        assert [message.id for message in check(setting)] == ["prodserver.E023"]
        assert "['wsgi']" in check(setting)[0].msg
    assert len(check(setting)) == 2


def test_reporting_a_start_escalates_missing_files(in_tmp: Path) -> None:
    setting = web({"static-path-mount": "staticfiles"})
    message = f"{ARGS}['static-path-mount'] names 'staticfiles', which does not exist."
    assert check(setting) == [Warning(message, hint=MISSING_HINT, id="prodserver.W050")]
    with starting("web", setting):
        assert check(setting) == [Error(message, hint="Create it, or fix the path.", id="prodserver.E050")]


def test_reporting_a_start_applies_overrides() -> None:
    setting = web({"workers": 0, "http": "3"})
    with starting("web", setting, {"workers": "x", "http": "1"}):
        assert check(setting) == [
            Error(
                "Command-line option --workers is 'x'; expected an integer.",
                hint="Write a whole number, e.g. 4 or '4'.",
                id="prodserver.E022",
            )
        ]


def test_reporting_a_start_reports_the_setting_shape() -> None:
    with starting("web", []):
        assert [message.id for message in check([])] == ["prodserver.E001"]


def test_the_check_reports_what_it_is_given_without_validating() -> None:
    # The command's validation, not the setting: the check does not validate again.
    given = validated_setting(web({"workers": 0}))
    with override_settings(PRODUCTION_PROCESSES=web({})), reporting(given):
        assert [message.id for message in check_production_processes()] == ["prodserver.E023"]
        assert [message.id for message in check_production_processes_deploy()] == ["prodserver.W072"]
    assert check(web({})) == []


def test_check_deploy_validates_the_setting_once(validated: list[str]) -> None:
    with override_settings(PRODUCTION_PROCESSES=web({"reload": True})), pytest.raises(SystemCheckError):
        call_command("check", "--deploy", "--fail-level", "WARNING")
    assert validated == ["web"]
    # Called alone, or on another setting object, the deploy check validates.
    assert [message.id for message in deploy_check(web({}))] == ["prodserver.W072"]
    assert validated == ["web", "web"]


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


def test_a_shared_address_nobody_set_says_it_is_the_default() -> None:
    assert check({"web": process(port=8000), "api": process()}) == [
        Warning(
            "PRODUCTION_PROCESSES['api']['ARGS']['port'] (not set, so its default) binds 127.0.0.1:8000, as process "
            "'web' does (127.0.0.1:8000): both then serve it and the kernel splits the connections between the two.",
            hint="Give each process its own port.",
            id="prodserver.W047",
        )
    ]


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
