"""Production advice, shown by ``check --deploy`` only: valid settings that do not belong in production.

Binding a public address without TLS is not reported: behind a proxy that terminates TLS it is
the normal set-up.
"""

from __future__ import annotations

from ..args.granian import GranianArgs
from ..problems import Problem, Severity

W070 = "prodserver.W070"
W071 = "prodserver.W071"

W070_RELOAD = Problem(
    W070,
    Severity.WARNING,
    ("ARGS", "reload"),
    "is True: the reloader is for development, not production.",
    "Remove reload from production settings.",
    deploy=True,
)


def deploy_problems(args: GranianArgs) -> list[Problem]:
    problems = [W070_RELOAD] if args.reload else []
    if args.log_level in {"debug", "notset"}:
        problems.append(
            Problem(
                W071,
                Severity.WARNING,
                ("ARGS", "log_level"),
                f"is {args.log_level!r}: verbose logs slow every request and may record sensitive data.",
                "Use 'info' or 'warning' in production.",
                deploy=True,
            )
        )
    return problems
