"""docs/migrating.md's promises about django-prodserver 3.0's extras hold in pyproject.toml."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

V3_EXTRAS = (
    "gunicorn",
    "django-tasks",
    "celery",
    "flower",
    "django-q2",
    "granian",
    "uvicorn",
    "waitress",
    "daphne",
    "werkzeug",
    "runserver-plus",
)
"""The Provides-Extra of django-prodserver 3.0.0's METADATA (``pip download --no-deps django-prodserver==3.0.*``)."""


def extras() -> set[str]:
    """The extras of pyproject.toml's [project.optional-dependencies] (tomllib is Python 3.11+)."""
    text = (ROOT / "pyproject.toml").read_text()
    section = text.partition("[project.optional-dependencies]\n")[2].partition("\n[")[0]
    return set(re.findall(r"^([\w-]+) = \[", section, flags=re.MULTILINE))


def test_every_extra_of_3_0_exists_under_its_name() -> None:
    assert set(V3_EXTRAS) - extras() == set()


def test_the_page_lists_every_extra_of_3_0() -> None:
    page = (ROOT / "docs" / "migrating.md").read_text()
    assert [extra for extra in V3_EXTRAS if f"`{extra}`" not in page] == []
