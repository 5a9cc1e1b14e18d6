"""What the options need from the machine that runs the server: extra packages, the platform, the app.

Packages are looked up with ``importlib.util.find_spec``, never imported: the check must stay
fast, and importing granian's optional packages runs their code.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable

from ..args.granian import GranianArgs
from ..problems import Problem, Severity
from .text import first_line

E060 = "prodserver.E060"
E061 = "prodserver.E061"
E062 = "prodserver.E062"
E063 = "prodserver.E063"
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

# (option, module, pip requirement, whether the options need it).
_EXTRAS: tuple[tuple[str, str, str, Callable[[GranianArgs], bool]], ...] = (
    ("reload", "watchfiles", "granian[reload]", lambda args: args.reload),
    ("process_name", "setproctitle", "granian[pname]", lambda args: args.process_name is not None),
    ("env_files", "dotenv", "granian[dotenv]", lambda args: bool(args.env_files)),
    ("loop", "uvloop", "granian[uvloop]", lambda args: args.loop == "uvloop"),
    ("loop", "rloop", "granian[rloop]", lambda args: args.loop == "rloop"),
    ("loop", "winloop", "granian[winloop]", lambda args: args.loop == "winloop" and on_windows()),
)


def on_windows() -> bool:
    return sys.platform == "win32"


def python_version() -> tuple[int, int]:
    return sys.version_info[:2]


def installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def environment_problems(args: GranianArgs) -> list[Problem]:
    problems = [
        Problem(
            E060,
            Severity.ERROR,
            ("ARGS", option),
            f"needs the {module} package, which is not installed.",
            f"Install it: pip install '{requirement}'.",
        )
        for option, module, requirement, needs in _EXTRAS
        if needs(args) and not installed(module)
    ]
    if args.loop == "winloop" and not on_windows():
        problems.append(E061_WINLOOP_OFF_WINDOWS)
    if args.uds is not None and on_windows():
        problems.append(E062_UDS_ON_WINDOWS)
    if args.task_impl == "rust" and python_version() >= (3, 12):
        problems.append(W060_RUST_TASKS)
    return problems


def target_problems(target: str) -> list[Problem]:
    """The application a server imports (``"demo.asgi:application"``): its module must exist.

    The module is found, not imported: importing the application sets up all of Django.
    """
    module = target.partition(":")[0]
    reason = "does not exist"
    try:
        found = importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        found = False
    except Exception as error:
        # find_spec imports the parent packages, which run the project's own code.
        found, reason = False, f"cannot be found ({first_line(error)})"
    if found:
        return []
    return [
        Problem(
            E063,
            Severity.ERROR,
            (),
            f"serves {target!r}, but its module {module!r} {reason}.",
            "Point ASGI_APPLICATION (ASGI) or WSGI_APPLICATION at your project's application.",
        )
    ]
