# ruff: noqa: E501  (exact messages, one per line)
"""The shared import rule (rules/imports.py): a dotted path names a class of its option's kind, a module list imports.

The check judges what the start would: each case is refused by ``check`` and when starting alike.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from django_prodserver.rules import imports
from django_prodserver.validation import validate_process

GUNICORN = "django_prodserver.backends.gunicorn.GunicornServer"
WORKER = "django_prodserver.backends.workers.celery.CeleryWorker"
BEAT = "django_prodserver.backends.workers.celery.CeleryBeat"
APP = "django_prodserver.backends.celery.catalogue.app"
ARGS = "PRODUCTION_PROCESSES['p']['ARGS']"
ENDING = "the process would fail to start."


def e065(config: dict[str, Any], *, starting: bool = False) -> list[tuple[str, str | None]]:
    report = validate_process("p", config, starting=starting)
    return [(p.message, p.hint) for p in report.problems if p.id == "prodserver.E065"]


def beat(scheduler: str) -> dict[str, Any]:
    return {"BACKEND": BEAT, "APP": APP, "ARGS": {"scheduler": scheduler}}


@pytest.mark.parametrize("starting", [False, True])
@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            beat("collections:OrderedDict"),
            (
                f"{ARGS}['scheduler'] is 'collections:OrderedDict', which is not a Celery beat scheduler (a subclass of celery.beat.Scheduler); {ENDING}",
                "Name the dotted path of a subclass of celery.beat.Scheduler.",
            ),
        ),
        (
            beat("celery.beat:NoScheduler"),
            (
                f"{ARGS}['scheduler'] is 'celery.beat:NoScheduler', but 'celery.beat' has no 'NoScheduler'; {ENDING}",
                "Name the dotted path of a subclass of celery.beat.Scheduler.",
            ),
        ),
        (
            beat("PersistentScheduler"),
            (
                f"{ARGS}['scheduler'] is 'PersistentScheduler', which is not a dotted path (module.Class or module:Class); {ENDING}",
                "Name the dotted path of a subclass of celery.beat.Scheduler.",
            ),
        ),
        (
            beat("nosuch.beat:DatabaseScheduler"),
            (
                f"{ARGS}['scheduler'] is 'nosuch.beat:DatabaseScheduler', whose module 'nosuch.beat' cannot be found; {ENDING}",
                "Name the dotted path of a subclass of celery.beat.Scheduler.",
            ),
        ),
        (
            {"BACKEND": WORKER, "APP": APP, "ARGS": {"include": "json,jsno"}},
            (
                f"{ARGS}['include'][1] is 'jsno', whose module 'jsno' cannot be found; {ENDING}",
                "Fix the module's dotted name.",
            ),
        ),
        (
            {"BACKEND": GUNICORN, "ARGS": {"worker-class": "os.sep"}},
            (
                f"{ARGS}['worker-class'] is 'os.sep', which is not a class (a gunicorn worker class is); {ENDING}",
                "Use 'asgi', 'gevent', 'gevent_pywsgi', 'gevent_wsgi', 'gthread', 'sync' or 'tornado', or the dotted path of a subclass of gunicorn.workers.base.Worker.",
            ),
        ),
        (
            {"BACKEND": GUNICORN, "ARGS": {"logger-class": "simpel"}},
            (
                f"{ARGS}['logger-class'] is 'simpel', which is neither a gunicorn logger class name nor a dotted path; {ENDING}",
                "Did you mean 'simple'?",
            ),
        ),
    ],
)
def test_check_refuses_what_the_start_would(config: dict[str, Any], expected: tuple[str, str], starting: bool) -> None:
    assert e065(config, starting=starting) == [expected]


def test_a_module_that_raises_on_import_is_named_with_its_error(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "broken_tasks.py").write_text("raise RuntimeError('no broker settings')\n")
    monkeypatch.syspath_prepend(str(tmp_path))

    assert e065({"BACKEND": WORKER, "APP": APP, "ARGS": {"include": ["broken_tasks"]}}) == [
        (
            f"{ARGS}['include'][0] is 'broken_tasks', whose module 'broken_tasks' cannot be imported (RuntimeError: no broker settings); {ENDING}",
            "Fix the module's dotted name.",
        )
    ]


@pytest.mark.parametrize(
    "config",
    [
        beat("celery.beat:PersistentScheduler"),
        beat("celery.beat.Scheduler"),
        {"BACKEND": WORKER, "APP": APP, "ARGS": {"include": ["json", "os.path"]}},
        {"BACKEND": GUNICORN, "ARGS": {"worker-class": "uvicorn.workers.UvicornWorker", "logger-class": "simple"}},
    ],
)
def test_twins_pass(config: dict[str, Any]) -> None:
    assert e065(config) == []


def test_the_tools_own_names_are_not_imported_by_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    imported: list[str] = []
    monkeypatch.setattr(imports, "importlib", SimpleNamespace(import_module=imported.append))

    assert (
        e065({"BACKEND": GUNICORN, "ARGS": {"worker-class": "gthread", "logger-class": "gunicorn.glogging.Logger"}})
        == []
    )
    assert e065(beat("celery.beat:PersistentScheduler")) == []
    assert imported == []
