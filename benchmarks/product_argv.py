"""Print, as JSON, the bare command line the product renders for each named process, or why it cannot.

Run inside the prodserver venv from example/ with the bench settings: each bare contender starts
exactly what ``manage.py prodserver NAME`` would, because the product itself says what that is.
A process whose backend does not import or whose ARGS do not validate is listed under
``skipped`` with the check's messages, so the harness leaves it out and says why.
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
    argvs, skipped = {}, {}
    for name in names:
        report = validate_process(name, processes[name], starting=True)
        if report.errors or not isinstance(report.backend, TypedBackend) or report.args is None:
            messages = [f"{problem.id}: {problem.message}" for problem in report.errors]
            skipped[name] = "; ".join(messages) or "not a typed backend"
            continue
        try:
            argvs[name] = report.backend.command_line(report.args, reveal_secrets=True)
        except Exception as exc:  # a backend's rendering bug costs its own pair, not the whole run
            skipped[name] = f"rendering its command line raised {exc!r}"
    print(json.dumps({"argv": argvs, "skipped": skipped}))


if __name__ == "__main__":
    main(sys.argv[1:])
