"""Production advice every server shares, shown by ``check --deploy`` only (Django's ``deploy=True``)."""

from __future__ import annotations

from collections.abc import Collection

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


def development_problems(*, reload: bool, log_level: str, verbose: Collection[str]) -> list[Problem]:
    """W070 for the reloader, W071 for a log level among the server's ``verbose`` ones."""
    problems = [W070_RELOAD] if reload else []
    if log_level in verbose:
        problems.append(
            Problem(
                W071,
                Severity.WARNING,
                ("ARGS", "log_level"),
                f"is {log_level!r}: verbose logs slow every request and may record sensitive data.",
                "Use 'info' or 'warning' in production.",
                deploy=True,
            )
        )
    return problems
