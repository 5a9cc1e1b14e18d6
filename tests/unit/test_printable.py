# ruff: noqa: E501  (exact messages, one per line)
"""A value no command line can carry (a NUL character) is refused on every backend (E013): the printed
``--dry-run`` line and the tool's argv would cut it."""

from __future__ import annotations

from typing import Any

import pytest

from django_prodserver.validation import validate_process

APP = "django_prodserver.backends.celery.catalogue.app"
MESSAGE = "holds a NUL character ('\\x00'): no command line or exec can carry it, so the printed line and the start would not pass it whole."
HINT = "Remove the character (a setting read from a file or the environment may carry it)."


@pytest.mark.parametrize(
    ("config", "where"),
    [
        ({"BACKEND": "django_prodserver.backends.gunicorn.GunicornServer", "ARGS": {"name": "web\x00"}}, "['name']"),
        (
            {"BACKEND": "django_prodserver.backends.celery.CeleryWorker", "APP": APP, "ARGS": {"hostname": "w\x00"}},
            "['hostname']",
        ),
        (
            {
                "BACKEND": "django_prodserver.backends.celery.CeleryWorker",
                "APP": APP,
                "ARGS": {"queues": ["a", "b\x00"]},
            },
            "['queues'][1]",
        ),
        (
            {
                "BACKEND": "django_prodserver.backends.celery.CeleryWorker",
                "APP": APP,
                "ARGS": {"broker": "memory://\x00"},
            },
            "['broker']",
        ),
        ({"BACKEND": "django_prodserver.backends.waitress.WaitressServer", "ARGS": {"ident": "w\x00"}}, "['ident']"),
    ],
)
def test_a_nul_character_is_refused(config: dict[str, Any], where: str) -> None:
    found = [(p.message, p.hint) for p in validate_process("p", config).problems if p.id == "prodserver.E013"]

    assert found == [(f"PRODUCTION_PROCESSES['p']['ARGS']{where} {MESSAGE}", HINT)]


def test_text_without_nul_passes() -> None:
    config = {"BACKEND": "django_prodserver.backends.gunicorn.GunicornServer", "ARGS": {"name": "web 1"}}
    assert "prodserver.E013" not in [p.id for p in validate_process("p", config).problems]
