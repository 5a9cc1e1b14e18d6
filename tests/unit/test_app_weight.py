"""What installing the app costs the management commands (issue 18): imports, measured in a fresh interpreter.

Times are measured in benchmarks/ (``--suites overhead``); here, what makes them: a command that
runs no check imports no validation, and ``check`` builds the models of the backends it uses only.
"""

from __future__ import annotations

import json
import subprocess
import sys

SETUP = """
import json, sys
from django.conf import settings
settings.configure(
    INSTALLED_APPS=["django_prodserver"],
    PRODUCTION_PROCESSES={"web": {"BACKEND": "django_prodserver.backends.gunicorn.GunicornServer"}},
)
import django
django.setup()
"""
REPORT = """
heavy = sorted({"pydantic", "django_prodserver.validation"} & set(sys.modules))
models = sorted(m for m in sys.modules if m.startswith("django_prodserver.backends.") and m.endswith(".options"))
print(json.dumps({"heavy": heavy, "models": models}))
"""


def imported(after_setup: str) -> dict[str, list[str]]:
    code = SETUP + after_setup + REPORT
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    result: dict[str, list[str]] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_a_command_that_runs_no_check_imports_no_validation() -> None:
    assert imported("from django.core.management import call_command; call_command('diffsettings')") == {
        "heavy": [],
        "models": [],
    }


def test_check_builds_only_the_models_of_the_backends_the_setting_uses() -> None:
    # Every check, as `manage.py check` runs them (call_command would raise on the setting's errors).
    assert imported("from django.core.checks import run_checks; run_checks()") == {
        "heavy": ["django_prodserver.validation", "pydantic"],
        "models": ["django_prodserver.backends.gunicorn.options"],
    }
