"""``validate_process`` / ``validate_setting``: the API the check and ``prodserver`` share."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from django_prodserver.backends.base import BaseServerBackend, TypedBackend
from django_prodserver.backends.granian import GranianASGIArgs, GranianASGIServer, GranianWSGIArgs
from django_prodserver.backends.loading import UntypedArgs, UntypedBackend
from django_prodserver.problems import Problem, Severity
from django_prodserver.rules.text import type_name
from django_prodserver.validation import validate_process, validate_setting

ASGI = "django_prodserver.backends.granian.GranianASGIServer"
HERE = "tests.unit.test_validation"


# Without it every report also holds check --deploy's W072 advice (Granian's start-up signal race).
KILL = {"workers-kill-timeout": 30}


def process(args: object) -> dict[str, object]:
    return {"BACKEND": ASGI, "ARGS": {**KILL, **args} if isinstance(args, dict) else args}


def test_a_valid_process() -> None:
    report = validate_process("web", process({"workers": "4", "log-access": "false"}))
    assert isinstance(report.backend, GranianASGIServer)
    assert report.args == GranianASGIArgs(workers=4, log_access=False, workers_kill_timeout=30)
    assert (report.problems, report.errors, report.warnings) == ([], [], [])


def test_sources_name_where_each_value_came_from() -> None:
    report = validate_process("web", process({"workers": "4", "log-access": "false"}), overrides={"log_access": "true"})
    chosen = {field: source for field, source in report.sources.items() if source != "default"}
    assert chosen == {"workers": "settings", "log_access": "command line", "workers_kill_timeout": "settings"}
    assert set(report.sources) == set(GranianASGIArgs.options())


def test_an_override_replaces_the_setting_whatever_its_spelling() -> None:
    report = validate_process("web", process({"log_access": False, "ws": True}), overrides={"log_access": "true"})
    assert report.problems == []
    assert isinstance(report.args, GranianASGIArgs)
    assert report.args.log_access is True


def test_overrides_take_lists_for_repeatable_options(tmp_path: Path) -> None:
    report = validate_process("web", process({}), overrides={"static_path_mount": [str(tmp_path)]})
    assert isinstance(report.args, GranianASGIArgs)
    assert report.args.static_path_mount == [tmp_path]


def test_a_bad_override_names_the_option() -> None:
    report = validate_process("web", process({"workers": 2}), overrides={"workers": "many", "prot": "1"})
    assert [(p.id, p.path, p.message) for p in report.problems] == [
        (
            "prodserver.E022",
            ("web", "ARGS", "workers"),
            "Command-line option --workers is 'many'; expected an integer.",
        ),
        (
            "prodserver.E020",
            ("web", "ARGS", "prot"),
            "Command-line option --prot is not an option of GranianASGIServer; did you mean 'port'?",
        ),
    ]


def test_a_rule_names_the_option_the_command_line_set() -> None:
    report = validate_process("web", process({}), overrides={"blocking_threads": "2"})
    assert [p.message for p in report.errors] == [
        "Command-line option --blocking-threads is 2; Granian refuses more than 1 blocking thread for ASGI."
    ]


def test_missing_files_are_errors_when_starting() -> None:
    report = validate_process("web", process({"ssl-ca": "no/ca.pem"}), starting=True)
    assert [(p.id, p.severity) for p in report.problems] == [
        ("prodserver.E050", Severity.ERROR),
        ("prodserver.W046", Severity.WARNING),
    ]


def test_a_model_instance_counts_only_its_given_fields() -> None:
    report = validate_process("web", process(GranianASGIArgs(workers=3)))
    assert report.args == GranianASGIArgs(workers=3)
    assert {field for field, source in report.sources.items() if source == "settings"} == {"workers"}


def test_a_secret_instance_is_accepted() -> None:
    args = GranianASGIArgs.model_validate({"ssl-keyfile-password": "hunter2"})
    report = validate_process("web", process(args))
    assert isinstance(report.args, GranianASGIArgs)
    assert report.args.ssl_keyfile_password is not None
    assert report.args.ssl_keyfile_password.get_secret_value() == "hunter2"


def test_a_secret_is_never_shown() -> None:
    report = validate_process("web", process({"ssl-keyfile-password": ["hunter2"]}))
    assert "hunter2" not in repr(report.problems)


def test_an_untyped_backend_is_only_shape_checked() -> None:
    report = validate_process("old", {"BACKEND": f"{HERE}.Legacy", "ARGS": {"bind": "0.0.0.0:8000"}})
    # Behind the typed interface (backends/loading.py): no option, no listener, its own start.
    assert isinstance(report.backend, UntypedBackend)
    assert isinstance(report.backend.wrapped, Legacy)
    assert (report.backend.kind, report.backend.listeners(UntypedArgs())) == ("server", ())
    assert (report.args, report.problems, report.sources) == (UntypedArgs(), [], {})
    assert report.backend.command_line(UntypedArgs()) == ["--bind=0.0.0.0:8000"]


@pytest.mark.parametrize("args", [5, ["--workers=2"], None])
def test_an_untyped_backend_takes_a_dict_or_a_string(args: object) -> None:
    report = validate_process("old", {"BACKEND": f"{HERE}.Legacy", "ARGS": args})
    assert [(problem.id, problem.message) for problem in report.problems] == [
        (
            "prodserver.E010",
            f"PRODUCTION_PROCESSES['old']['ARGS'] is {type_name(args)}; expected a dict of options or a string.",
        )
    ]


class Legacy(BaseServerBackend):
    pass


class Refusing(BaseServerBackend):
    def __init__(self, **config: Any) -> None:
        raise ValueError("needs a 'queue' key\nsecond line")


class Failing(TypedBackend[GranianWSGIArgs]):
    args_model = GranianWSGIArgs

    def rules(self, args: GranianWSGIArgs, *, starting: bool) -> list[Problem]:
        raise RuntimeError("bug")


@pytest.mark.parametrize(
    ("backend", "expected"),
    [
        (
            "Refusing",
            Problem(
                "prodserver.E009",
                Severity.ERROR,
                ("web", "BACKEND"),
                "PRODUCTION_PROCESSES['web']['BACKEND'] cannot be created from this process's settings "
                "(ValueError: needs a 'queue' key).",
                "Fix the process's ARGS as the backend's documentation describes.",
            ),
        ),
        (
            "Failing",
            Problem(
                "prodserver.E012",
                Severity.ERROR,
                ("web", "BACKEND"),
                "PRODUCTION_PROCESSES['web']['BACKEND'] failed while validating this process (RuntimeError: bug).",
                "Report this to the backend's authors; check the ARGS against its documentation.",
            ),
        ),
    ],
)
def test_a_failing_backend_is_a_problem(backend: str, expected: Problem) -> None:
    assert validate_process("web", {"BACKEND": f"{HERE}.{backend}"}).problems == [expected]


def test_validate_setting_reports_the_shape_and_every_process() -> None:
    problems = validate_setting({"web": process({"workers": 0}), 2: {}, "other": []})
    assert [(p.id, p.path) for p in problems] == [
        ("prodserver.E002", ()),
        ("prodserver.E023", ("web", "ARGS", "workers")),
        ("prodserver.E003", ("other",)),
    ]


def test_validate_setting_for_one_process_with_overrides() -> None:
    setting = {"web": process({"workers": 0}), "other": []}
    problems = validate_setting(setting, only="web", overrides={"workers": "2"}, starting=True)
    assert problems == []
