"""What Granian's options need from the machine: the operating system and the Python version."""

from __future__ import annotations

import sys

from ...problems import Problem, Severity
from .options import GranianArgs

E061 = "prodserver.E061"
E062 = "prodserver.E062"
W060 = "prodserver.W060"

E061_WINLOOP_OFF_WINDOWS = Problem(
    E061,
    Severity.ERROR,
    ("ARGS", "loop"),
    "is 'winloop', which exists only on Windows.",
    "Use 'auto' (the fastest loop installed), 'uvloop' or 'asyncio'.",
)
E062_UDS_ON_WINDOWS = Problem(
    E062,
    Severity.ERROR,
    ("ARGS", "uds"),
    "is set, but Granian has no Unix domain sockets on Windows.",
    "Bind an address and port instead.",
)
W060_RUST_TASKS = Problem(
    W060,
    Severity.WARNING,
    ("ARGS", "task_impl"),
    "is 'rust', which Python 3.12+ lacks: Granian falls back to asyncio.",
    "Remove task-impl (asyncio is the default).",
)


def on_windows() -> bool:
    return sys.platform == "win32"


def python_version() -> tuple[int, int]:
    return sys.version_info[:2]


def platform_problems(args: GranianArgs) -> list[Problem]:
    """What the options need from this platform and Python."""
    problems = []
    if args.loop == "winloop" and not on_windows():
        problems.append(E061_WINLOOP_OFF_WINDOWS)
    if args.uds is not None and on_windows():
        problems.append(E062_UDS_ON_WINDOWS)
    if args.task_impl == "rust" and python_version() >= (3, 12):
        problems.append(W060_RUST_TASKS)
    return problems
