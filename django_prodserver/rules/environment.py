"""Environment variables a tool's own command reads as options, and prodserver's in-process start does not.

Granian's and uvicorn's commands are click commands with ``auto_envvar_prefix`` (``GRANIAN``,
``UVICORN``): each option their line leaves out is read from ``<PREFIX>_<OPTION>``, where OPTION is
click's parameter name (not always the flag: Granian's ``--ws`` is ``GRANIAN_WEBSOCKETS``).
prodserver starts the server from the validated ARGS alone, so every such variable set where the
check runs is a difference between ``prodserver`` and the printed command line: reported, not merged.
"""

from __future__ import annotations

import os

from ..problems import Problem, Severity


def prefixed_variables(prefix: str) -> list[str]:
    """The ``<prefix>_*`` variables set in this environment, sorted."""
    return sorted(name for name in os.environ if name.startswith(f"{prefix}_"))


def ignored_variables(check_id: str, prefix: str, program: str) -> list[Problem]:
    """A warning for each ``<prefix>_*`` variable set: ``program``'s command would read it, prodserver does not."""
    return [
        Problem(
            check_id,
            Severity.WARNING,
            ("ARGS",),
            f"are the whole configuration: prodserver ignores {name}, which {program}'s command would read.",
            f"Move its value into ARGS and unset the variable, so that {program} run by hand agrees.",
        )
        for name in prefixed_variables(prefix)
    ]
