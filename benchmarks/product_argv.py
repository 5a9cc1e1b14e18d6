"""Print, as JSON, the bare ``granian`` command line the product renders for each named process.

Run inside the prodserver venv from example/ with the bench settings: the bare-Granian contender
starts exactly what ``manage.py prodserver NAME`` would, because the product itself says what that is.
"""

from __future__ import annotations

import json
import sys

import django


def main(names: list[str]) -> None:
    django.setup()
    from django_prodserver.backends.base import TypedBackend
    from django_prodserver.conf import production_processes
    from django_prodserver.validation import validate_process

    processes = production_processes()
    assert isinstance(processes, dict)
    argvs = {}
    for name in names:
        report = validate_process(name, processes[name], starting=True)
        if report.errors or not isinstance(report.backend, TypedBackend) or report.args is None:
            raise SystemExit(f"process {name!r} does not validate: {[p.message for p in report.errors]}")
        argvs[name] = report.backend.command_line(report.args, reveal_secrets=True)
    print(json.dumps(argvs))


if __name__ == "__main__":
    main(sys.argv[1:])
