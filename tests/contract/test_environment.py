"""The printed line stays equivalent to the launch when the environment sets options (gunicorn's PORT...).

Each backend that reads variables as its tool does (``environment_defaults``) is validated, rendered,
parsed by the tool's own parser and launched in a fresh interpreter that has the variables set before
the tool is imported: gunicorn computes those defaults when ``gunicorn.config`` is imported, as it is
when the line is run by hand.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils.module_loading import import_string

from .backends import CONTRACTS

ROOT = Path(__file__).resolve().parents[2]
ENVIRON = {"PORT": "5000", "WEB_CONCURRENCY": "3", "FORWARDED_ALLOW_IPS": "10.0.0.0/8,::1"}

READING = [
    path for contract in CONTRACTS for path in contract.backends if import_string(path).args_model.environment_defaults
]

CODE = """
import json, sys
import django
django.setup()
from tests.contract.backends import CONTRACTS
from django_prodserver.validation import validate_process

path = sys.argv[1]
[contract] = [contract for contract in CONTRACTS if path in contract.backends]
report = validate_process("web", {"BACKEND": path, "ARGS": {}})
argv = report.backend.command_line(report.args, reveal_secrets=True)
print(json.dumps({
    "same": contract.parse(argv) == contract.launch(report.backend, report.args),
    "from_environment": sorted(field for field, source in report.sources.items() if source == "environment"),
}))
"""


def test_the_servers_that_read_the_environment_are_checked() -> None:
    assert {path.rpartition(".")[2] for path in READING} >= {"GunicornServer", "UvicornServer"}


@pytest.mark.parametrize("path", READING)
def test_the_command_line_configures_the_tool_as_the_launch_does_with_the_environment_set(
    path: str, tmp_path: Path
) -> None:
    env = {**os.environ, **ENVIRON, "DJANGO_SETTINGS_MODULE": "tests.settings", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CODE, path], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.splitlines()[-1])
    # The comparison is about values the environment set (else it would prove nothing new).
    expected = {
        field for convention in import_string(path).args_model.environment_defaults for field in convention.values
    }
    assert set(outcome["from_environment"]) == expected
    assert outcome["same"] is True
