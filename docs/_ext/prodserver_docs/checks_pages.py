"""The checks reference as Markdown: a page per backend (one for what every backend shares), by concern.

Each ID is a heading (its anchor: ``#prodservere020`` on the built site and on a forge alike)
followed by its level, the message and hint ``check`` prints, and the setting that shows it.
The examples are ``django_prodserver.catalogue``'s, run through the real validation by
``tests/catalogue.py``: the text is the rule's own.  Where the ID is defined in the source
decides its page (``backends/<tool>/`` or the shared ``rules/``) and its concern (the module).
"""

from __future__ import annotations

import ast
import functools
import pprint
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import django_prodserver

from .markdown_tables import escaped

ROOT = Path(__file__).resolve().parents[3]

PAGES = {
    "shared": ("Every backend", ()),
    "granian": ("Granian", ("granian",)),
    "gunicorn": ("gunicorn", ("gunicorn",)),
    "uvicorn": ("uvicorn", ("uvicorn",)),
    "waitress": ("waitress", ("waitress",)),
    "celery": ("Celery and Flower", ("celery",)),
    "django-tasks": ("django-tasks", ("django_tasks",)),
    "django-q2": ("django-q2", ("django_q2",)),
    "devservers": ("Development servers", ("django_runserver", "daphne", "werkzeug")),
}
"""Page -> (title, the backend packages whose IDs it lists); ``shared`` lists the core's."""

CONCERNS = {
    "shape": "The setting and its processes",
    "args": "Options and their values",
    "deploy_key": "DEPLOY",
    "application": "The application",
    "packages": "Packages",
    "imports": "Dotted paths",
    "dependencies": "Options that need another",
    "files": "Files and directories",
    "tls": "TLS certificates and keys",
    "addresses": "Addresses",
    "accounts": "Users and groups",
    "threads": "Threads",
    "formats": "Format strings",
    "proxy": "Proxies",
    "app": "The Celery app (APP)",
    "rules": "What the tool refuses, ignores or changes",
    "flower_rules": "Flower",
    "routes": "Routes and static files",
    "logs": "Logs",
    "sources": "Configuration files",
    "lookups": "What the machine must hold",
    "loading": "Settings the tool reads when Django loads it",
    "machine": "The machine",
    "proxy_deploy": "Behind a proxy (check --deploy)",
    "deploy": "Production advice (check --deploy)",
    "platform": "Platforms (PRODUCTION_PLATFORM)",
}
"""Module that defines an ID -> the concern it is listed under, in this order."""

_ORDER = {concern: index for index, concern in enumerate(dict.fromkeys(CONCERNS.values()))}
_DEFINITION = re.compile(r'^[EW]\d{3}(?:_\w+)? = "(prodserver\.[EW]\d{3})"', re.MULTILINE)
# The example certificate expired 30 days before the run: a committed page cannot hold that date.
_EXPIRY = re.compile(r"expired on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC")


@functools.cache
def definitions() -> dict[str, tuple[str, str]]:
    """``{ID: (backend package or "", module stem)}``, from the module that declares the ID."""
    root = Path(django_prodserver.__file__).parent
    found: dict[str, tuple[str, str]] = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        package = parts[1] if parts[0] == "backends" and len(parts) > 2 else ""
        for check_id in _DEFINITION.findall(path.read_text()):
            found[check_id] = (package, path.stem)
    return found


@functools.cache
def shown() -> tuple[tuple[Any, Any], ...]:
    """Every catalogue example with the problem ``check`` shows for it, in ID order."""
    from django_prodserver.catalogue import catalogue
    from tests.catalogue import example_files
    from tests.catalogue import shown as problem_of

    with example_files():
        return tuple((example, problem_of(example)) for example in catalogue())


def page_of(check_id: str) -> str:
    package, _ = definitions()[check_id]
    return next(page for page, (_, packages) in PAGES.items() if package in packages or (not package and not packages))


def page_body(page: str) -> str:
    entries = [(example, problem) for example, problem in shown() if page_of(example.id) == page]
    by_concern: dict[str, list[str]] = {}
    for example, problem in entries:
        by_concern.setdefault(concern(definitions()[example.id][1]), []).extend(entry(example, problem))
    ordered = sorted(by_concern, key=lambda concern: _ORDER.get(concern, len(_ORDER)))
    return "".join(f"## {concern}\n\n" + "".join(by_concern[concern]) for concern in ordered)


def concern(module: str) -> str:
    """The section of a module's IDs; a module not listed yet gets one of its own, after the listed ones."""
    return CONCERNS.get(module, module.replace("_", " ").capitalize())


def entry(example: Any, problem: Any) -> Iterator[str]:
    yield f"### {example.id}\n\n"
    yield f"{level(example, problem)}\n\n"
    yield f"> {escaped(_EXPIRY.sub('expired on 2026-01-01 00:00 UTC', problem.message))}\n"
    if problem.hint:
        yield f">\n> *Fix:* {escaped(problem.hint)}\n"
    yield "\n"
    yield from setting_block(example)


def level(example: Any, problem: Any) -> str:
    kind = "**Error**" if problem.severity.value == "error" else "**Warning**"
    if problem.deploy:
        return f"{kind}, shown by `check --deploy`."
    if example.starting:
        return f"{kind} when `prodserver` starts the process (`check` says nothing of it)."
    return f"{kind}, shown by `check` and by `prodserver` before it starts anything."


def setting_block(example: Any) -> Iterator[str]:
    if example.setting is None:
        yield "Reported by the rule itself (the platform, the application, or a backend's own code): "
        yield "no setting shows it on the machine that builds these pages.\n\n"
        return
    text = pprint.pformat(example.setting, width=88, sort_dicts=False)
    language = "python" if _is_literal(text) else "text"
    if example.pretend:
        text += f"\n# {_pretended(example)}"
    if language == "python":
        text = formatted(text)
    yield f"<!-- example: catalogue {example.id} -->\n```{language}\n{text}\n```\n\n"


@functools.cache
def formatted(source: str) -> str:
    """``source`` as ``ruff format`` leaves it: the pages' Python blocks pass ``make lint`` as committed.

    pprint's layout (single quotes, its own wrapping) is not ruff's, and ruff formats the Python blocks
    of Markdown files too.  Without ruff (an environment that only builds the docs), pprint's text stays.
    """
    try:
        result = subprocess.run(
            [sys.executable, "-m", "ruff", "format", "--stdin-filename", str(ROOT / "example.py"), "-"],
            input=source,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return source
    return result.stdout.rstrip("\n")


def _pretended(example: Any) -> str:
    (_, attribute, replacement), *_ = example.pretend
    if attribute == "production_platform":
        return f"with PRODUCTION_PLATFORM = {replacement()!r}"
    return "on a machine without the package"


def _is_literal(text: str) -> bool:
    # Some examples hold objects (a model instance as ARGS): their repr is not Python source.
    try:
        ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return False
    return True


def index_body() -> str:
    """Every page, with its IDs linked to their headings."""
    lines = []
    for page, (title, _) in PAGES.items():
        ids = [example.id for example, _ in shown() if page_of(example.id) == page]
        links = ", ".join(
            f"[{check_id.removeprefix('prodserver.')}](checks/{page}.md#{anchor(check_id)})" for check_id in ids
        )
        lines.append(f"- [{title}](checks/{page}.md): {links}\n")
    return "".join(lines)


def anchor(check_id: str) -> str:
    """The heading's anchor, as MyST and the forges write it: lower case, the dot dropped."""
    return check_id.lower().replace(".", "")
