"""The application a process loads (``"demo.asgi:application"``): its module must exist.

The module is found, not imported: importing the application sets up all of Django.
"""

from __future__ import annotations

import importlib.util

from ..problems import Problem, Severity
from .text import first_line

E063 = "prodserver.E063"


def target_problems(target: str) -> list[Problem]:
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
