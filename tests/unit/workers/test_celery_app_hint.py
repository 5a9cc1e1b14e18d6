"""E121's hint says what to do about the APP that does not import, by what is missing."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from django_prodserver.backends.celery.app import E121, app_problems

MODULES = {
    "hintproj/__init__.py": "",
    "hintproj/tasks.py": "from celery import Celery\n\ncelery_app = Celery('hintproj', broker='memory://')\n",
    "hintproj/plain.py": "VALUE = 1\n",
    "hintproj/needs.py": "import redis_is_not_installed_here\n",
    "hintproj/broken.py": "raise RuntimeError('the settings are not ready')\n",
}


@pytest.fixture(autouse=True)
def project(tmp_path: Path) -> Iterator[None]:
    for name, text in MODULES.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    sys.path.insert(0, str(tmp_path))
    yield
    sys.path.remove(str(tmp_path))
    for name in [name for name in sys.modules if name.partition(".")[0] == "hintproj"]:
        del sys.modules[name]


@pytest.mark.parametrize(
    ("app", "hint"),
    [
        (
            "hintproj.celery.app",
            "Write your Celery app in 'hintproj.celery' (app = Celery(...)), or correct 'APP' to a module that exists.",
        ),
        (
            "nowhere.celery.app",
            "Write your Celery app in 'nowhere.celery' (app = Celery(...)), or correct 'APP' to a module that exists.",
        ),
        ("hintproj.tasks.app", "Set 'APP' to 'hintproj.tasks.celery_app', the Celery app of 'hintproj.tasks'."),
        ("hintproj.plain.app", "Define the Celery app in 'hintproj.plain' as 'app' (app = Celery(...))."),
        (
            "hintproj.needs.app",
            "'hintproj.needs' imports 'redis_is_not_installed_here', which is not installed: install it.",
        ),
        ("hintproj.broken.app", "Fix the error importing 'hintproj.broken': Celery would fail the same way at start."),
    ],
)
def test_the_hint_names_what_is_missing(app: str, hint: str) -> None:
    [problem] = app_problems({"APP": app}, "memory://")
    assert (problem.id, problem.hint) == (E121, hint)
