"""django-prodserver 3.x's ARGS conventions, read by the shared ``args_input``: a string of flags, None."""

from __future__ import annotations

import pytest

from django_prodserver.args.base import BackendArgs
from django_prodserver.backends.granian import GranianWSGIArgs
from django_prodserver.backends.waitress import WaitressArgs
from django_prodserver.problems import Problem, Severity
from django_prodserver.rules.args import E100, args_input
from django_prodserver.validation import validate_process

FLAGS_HINT = "Write ARGS as a dict, or as flags such as '--workers=4 --preload'."


def given(value: object, model: type[BackendArgs] = GranianWSGIArgs) -> object:
    return args_input(value, model, "Server")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("--workers=4", {"workers": "4"}),
        ("--workers 4 --reload", {"workers": "4", "reload": True}),
        ("--no-ws --log-access", {"ws": False, "log-access": True}),
        ("  ", {}),
        ("--static-path-mount a --static-path-mount=b", {"static-path-mount": ["a", "b"]}),
        ("--url-path-prefix='/my app'", {"url-path-prefix": "/my app"}),
        # Not a flag of the model: kept as written, so that validation names it (E020).
        ("--no-such", {"no-such": None}),
    ],
)
def test_a_string_of_flags_becomes_options(text: str, expected: dict[str, object]) -> None:
    assert given(text) == expected


def test_none_turns_a_boolean_option_on_and_leaves_others_unset() -> None:
    assert given({"reload": None, "workers": None}) == {"reload": True, "workers": None}


def test_no_prefix_only_negates_boolean_options_given_without_value() -> None:
    assert given("--no-threads=2", WaitressArgs) == {"no-threads": "2"}
    assert given("--no-ipv6", WaitressArgs) == {"ipv6": False}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("workers=4", "is 'workers=4', which does not read as flags ('workers=4' is not a --flag)."),
        ("--workers 4 8", "is '--workers 4 8', which does not read as flags ('8' is not a --flag)."),
        ("--log-level 'info", 'is "--log-level \'info", which does not read as flags (no closing quotation).'),
    ],
)
def test_a_string_that_is_not_flags_is_e100(text: str, message: str) -> None:
    assert given(text) == Problem(E100, Severity.ERROR, ("ARGS",), message, FLAGS_HINT)


def test_the_check_names_the_process_and_the_string() -> None:
    report = validate_process("web", {"BACKEND": "django_prodserver.backends.waitress.WaitressServer", "ARGS": "-t 4"})

    assert [(problem.id, problem.message) for problem in report.problems] == [
        (
            "prodserver.E100",
            "PRODUCTION_PROCESSES['web']['ARGS'] is '-t 4', which does not read as flags ('-t' is not a --flag).",
        )
    ]


def test_a_string_of_flags_is_validated_like_a_dict() -> None:
    report = validate_process(
        "web", {"BACKEND": "django_prodserver.backends.waitress.WaitressServer", "ARGS": "--threads=0 --ipv4"}
    )

    assert [(problem.id, problem.message) for problem in report.problems] == [
        ("prodserver.E023", "PRODUCTION_PROCESSES['web']['ARGS']['threads'] is '0'; expected at least 1.")
    ]
