"""How messages show values and suggest names."""

from __future__ import annotations

from pathlib import Path

import pytest

from django_prodserver.rules.text import choices_text, closest, first_line, shown, type_name


@pytest.mark.parametrize(
    ("key", "known", "expected"),
    [
        ("wokers", ["workers", "port"], "workers"),
        ("ARG", ["BACKEND", "ARGS"], "ARGS"),
        ("args", ["BACKEND", "ARGS"], "ARGS"),
        ("zzz", ["BACKEND", "ARGS"], None),
        (3, ["BACKEND", "ARGS"], None),
    ],
)
def test_closest(key: object, known: list[str], expected: str | None) -> None:
    assert closest(key, known) == expected


def test_shown_abridges_long_and_nested_values() -> None:
    assert shown("x" * 100) == "'xxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxx'"
    assert shown([[[1]], 2, 3, 4, 5]) == "[[[...]], 2, 3, 4, ...]"
    assert shown(Path("tls/cert.pem")) == "'tls/cert.pem'"


def test_choices_text() -> None:
    assert choices_text(["auto", "1", "2"]) == "'auto', '1' or '2'"
    assert choices_text(["auto"]) == "'auto'"


def test_type_name_and_first_line() -> None:
    assert (type_name([]), type_name(1), type_name(None)) == ("a list", "an int", "None")
    assert first_line(ValueError("one\ntwo")) == "ValueError: one"
    assert first_line(KeyError()) == "KeyError"
