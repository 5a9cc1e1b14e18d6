"""Command-line options built from an ARGS model (``django_prodserver.overrides``), without Django."""

from __future__ import annotations

import argparse

import pytest

from django_prodserver.args import BackendArgs
from django_prodserver.backends.granian import GranianASGIArgs, GranianWSGIArgs
from django_prodserver.overrides import (
    add_override_options,
    collected_overrides,
    first_positional,
    flags_without_value,
    help_text,
    metavar,
    options_meant,
    suggest_options,
)

NO_VALUE = {"--list", "--dry-run", "-h", "--help"}


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        ([], None),
        (["web"], "web"),
        (["--workers", "8", "wsgi"], "wsgi"),
        (["--dry-run", "wsgi", "--port", "9000"], "wsgi"),
        (["--process-name", "web", "wsgi"], "wsgi"),
        (["--workers=8", "wsgi"], "wsgi"),
        (["-v", "2", "wsgi"], "wsgi"),
        (["-v2", "wsgi"], "wsgi"),
        (["--", "--odd-name"], "--odd-name"),
        (["--list"], None),
    ],
)
def test_first_positional_skips_options_and_their_values(argv: list[str], name: str | None) -> None:
    assert first_positional(argv, NO_VALUE) == name


def test_flags_without_value() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--format")
    assert flags_without_value(parser) == {"-h", "--help", "--list"}


@pytest.fixture
def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="prodserver")
    add_override_options(parser, GranianWSGIArgs, "web")
    return parser


def test_overrides_are_raw_strings_by_field_name(parser: argparse.ArgumentParser) -> None:
    argv = ["--workers", "8", "--log-access", "false", "--ssl-crl", "a.crl", "--ssl-crl", "b.crl", "--threads", "4"]
    options = vars(parser.parse_args(argv))
    assert collected_overrides(options) == {
        "workers": "8",
        "log_access": "false",
        "ssl_crl": ["a.crl", "b.crl"],
        "threads": "4",
    }


def test_options_not_given_are_not_overrides(parser: argparse.ArgumentParser) -> None:
    assert collected_overrides({"verbosity": 1, **vars(parser.parse_args([]))}) == {}


def test_values_are_left_to_the_model(parser: argparse.ArgumentParser) -> None:
    # The model validates with the same messages as in settings; argparse only collects.
    assert collected_overrides(vars(parser.parse_args(["--http", "3", "--workers", "many"]))) == {
        "http": "3",
        "workers": "many",
    }


def test_only_documented_names_are_options(parser: argparse.ArgumentParser) -> None:
    with pytest.raises(SystemExit):
        parser.parse_args(["--host", "0.0.0.0"])


@pytest.mark.parametrize("model", [GranianASGIArgs, GranianWSGIArgs])
def test_help_sections_follow_the_options_groups(model: type[BackendArgs]) -> None:
    parser = argparse.ArgumentParser()
    add_override_options(parser, model, "web")
    titles = [group.title for group in parser._action_groups[2:]]
    expected = list(dict.fromkeys(meta.group for meta in model.options().values()))
    assert titles == [f"{group} (ARGS of 'web')" for group in expected]
    sections = {group.title: [action.dest for action in group._group_actions] for group in parser._action_groups[2:]}
    assert sections["TLS (ARGS of 'web')"][:2] == ["ARGS:ssl_cert", "ARGS:ssl_key"]


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("port", "N"),
        ("log_access", "{true,false}"),
        ("http", "{auto,1,2}"),
        ("workers_lifetime", "DURATION"),
        ("ssl_crl", "PATH"),
        ("ssl_keyfile_password", "SECRET"),
        ("reload_ignore_dirs", "TEXT"),
        ("respawn_interval", "SECONDS"),
    ],
)
def test_metavar(field: str, expected: str) -> None:
    assert metavar(GranianASGIArgs.model_fields[field]) == expected


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("port", "TCP port to bind to (default: 8000; between 0 and 65535)"),
        ("backlog", "Maximum number of connections to hold in backlog (default: 1024; between 128 and 2147483647)"),
        ("log_access", "Access log (Granian's own default is off) (default: true)"),
        ("ssl_crl", "Certificate revocation list file(s) (repeatable)"),
        ("ssl_keyfile_password", "Password of the TLS private key"),
    ],
)
def test_help_text(field: str, expected: str) -> None:
    assert help_text(GranianASGIArgs.model_fields[field]) == expected


def test_an_option_named_like_the_commands_own_is_left_to_settings() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--log-level", action="store_true")
    add_override_options(parser, GranianASGIArgs, "web")
    assert parser.parse_args(["--log-level"]).log_level is True
    assert parser.epilog is not None
    assert parser.epilog.endswith("Set --log-level in settings: the command uses those names itself.")


def test_a_misspelt_option_gets_a_did_you_mean(
    parser: argparse.ArgumentParser, capsys: pytest.CaptureFixture[str]
) -> None:
    # The same suggestion as a misspelt settings key gets (rules.text.closest).
    suggest_options(parser)
    with pytest.raises(SystemExit):
        parser.parse_args(["--wokers", "3", "--thraeds=2"])
    assert capsys.readouterr().err.endswith(
        "error: unrecognized arguments: --wokers 3 --thraeds=2; did you mean --workers, --threads?\n"
    )


@pytest.mark.parametrize(
    "message",
    ["unrecognized arguments: --zzz 3", "unrecognized arguments: wokers", "argument --workers: expected one argument"],
)
def test_no_did_you_mean_without_a_close_option(parser: argparse.ArgumentParser, message: str) -> None:
    assert options_meant(parser, message) == ""


def test_a_spelling_settings_accept_points_at_the_override(parser: argparse.ArgumentParser) -> None:
    # A WSGI process's threads are Granian's blocking threads; settings take either name.
    assert options_meant(parser, "unrecognized arguments: --blocking-threads 8") == "; did you mean --threads?"
