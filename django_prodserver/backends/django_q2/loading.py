"""Q_CLUSTER as django-q2 reads it while Django imports its app, judged just before (issue 22).

django-q2's ``apps`` module imports ``django_q.conf``, which reads Q_CLUSTER at import: a value
it cannot take (``workers: "two"``) raised inside Django's app loading, so every management
command, ``check`` included, printed a traceback and no check could say what was wrong.  The app
runs :func:`judge_q_cluster` when Django imports it, before django-q2 when it is listed first in
INSTALLED_APPS: the same import, done here, fails in one line instead.

This module imports only Django's settings: it runs on every management command.
"""

from __future__ import annotations

import importlib
import sys

from ...problems import Problem, Severity

E142 = "prodserver.E142"


def judge_q_cluster() -> None:
    """Exit with one line if django-q2 is installed as an app and cannot read Q_CLUSTER."""
    from django.conf import settings

    if "django_q.conf" in sys.modules or not any(
        app == "django_q" or app.startswith("django_q.") for app in getattr(settings, "INSTALLED_APPS", ())
    ):
        return
    try:
        importlib.import_module("django_q.conf")
    except ImportError:
        # django-q2 is not installed: Django itself says so, in its own words.
        return
    except Exception as error:
        raise SystemExit(q_cluster_unreadable_text(error)) from None


def q_cluster_unreadable(error: BaseException) -> Problem:
    """What django-q2 raised reading Q_CLUSTER, and where to look."""
    text = str(error).strip().splitlines()
    raised = f"{type(error).__name__}: {text[0]}" if text else type(error).__name__
    return Problem(
        E142,
        Severity.ERROR,
        (),
        f"settings.Q_CLUSTER cannot be read by django-q2, which reads it when Django imports its app ({raised}).",
        "Fix Q_CLUSTER: a dict, whose 'workers' is a number and 'timeout' and 'retry' numbers of seconds.",
    )


def q_cluster_unreadable_text(error: BaseException) -> str:
    """The problem as ``manage.py check`` prints one."""
    problem = q_cluster_unreadable(error)
    return f"({problem.id}) {problem.message}\n\tHINT: {problem.hint}"
