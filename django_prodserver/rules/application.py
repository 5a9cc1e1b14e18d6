"""The application a process loads (``"demo.asgi:application"``): its module must exist, and what the
server asks of it must be what it is.

The module is found and its source read, not imported: importing the application sets up all of Django.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

from ..problems import Problem, Severity
from .text import first_line

E063 = "prodserver.E063"
E070 = "prodserver.E070"
DJANGO_HANDLERS = frozenset({"get_asgi_application", "ASGIHandler"})
"""What builds Django's own ASGI handler, which refuses every scope but HTTP (lifespan included)."""


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


def lifespan_problems(field: str, value: str, target: str, outcome: str) -> list[Problem]:
    """E070: the lifespan protocol required ('on') of Django's own handler, which refuses it; ``outcome``
    is what the server then does.  An application that wraps Django's may speak lifespan: not judged."""
    if value != "on" or (call := django_handler(target)) is None:
        return []
    return [
        Problem(
            E070,
            Severity.ERROR,
            ("ARGS", field),
            f"is 'on', but {target!r} hands the lifespan scope to Django's own ASGI handler ({call}), which "
            f"refuses it: {outcome}.",
            "Use 'auto' (the server goes on without lifespan) or 'off'; keep 'on' only for an application "
            "that handles lifespan around Django's, and point ASGI_APPLICATION at it.",
        )
    ]


def django_handler(target: str) -> str | None:
    """How ``target`` hands the lifespan scope to Django's own handler, as its module's source says (the
    last top-level assignment): it is that handler (``get_asgi_application()``), or a function that calls
    one and never speaks of lifespan; None for anything else (a router, middleware), or a source not read."""
    module, _, attribute = target.partition(":")
    try:
        spec = importlib.util.find_spec(module)
        source = Path(spec.origin).read_text() if spec is not None and spec.origin else ""
        tree = ast.parse(source)
    except (ImportError, ValueError, OSError, SyntaxError):
        return None
    handlers: dict[str, str] = {}
    function: ast.FunctionDef | ast.AsyncFunctionDef | None = None
    for node in tree.body:
        for name, value in _assignments(node):
            if (call := _django_call(value)) is not None:
                handlers[name] = call
            else:
                handlers.pop(name, None)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == attribute:
            function = node
            handlers.pop(attribute, None)
        elif any(name == attribute for name, _ in _assignments(node)):
            function = None
    if attribute in handlers:
        return handlers[attribute]
    if function is None or _mentions_lifespan(function):
        return None
    called = sorted({node.id for node in ast.walk(function) if isinstance(node, ast.Name) and node.id in handlers})
    return f"{called[0]} = {handlers[called[0]]}, which {attribute}() calls" if called else None


def _django_call(value: ast.expr | None) -> str | None:
    if not isinstance(value, ast.Call):
        return None
    function = value.func
    name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", None)
    return f"{name}()" if name in DJANGO_HANDLERS else None


def _mentions_lifespan(function: ast.AST) -> bool:
    return any(isinstance(node, ast.Constant) and node.value == "lifespan" for node in ast.walk(function))


def _assignments(node: ast.stmt) -> list[tuple[str, ast.expr | None]]:
    """The names a top-level statement assigns (``application = ...``), each with its value."""
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign):
        targets = [node.target]
    else:
        return []
    return [(each.id, node.value) for each in targets if isinstance(each, ast.Name)]
