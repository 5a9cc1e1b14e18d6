"""The shape of the setting and of each process: a dict of dicts with a usable ``BACKEND``."""

from __future__ import annotations

from collections.abc import Hashable, Mapping

from ..problems import Problem, Severity
from ..registry import BUILTIN_BACKENDS, COMPAT_PATHS
from .text import choices_text, closest, first_line, shown, type_name

E001 = "prodserver.E001"
E002 = "prodserver.E002"
E003 = "prodserver.E003"
E004 = "prodserver.E004"
E005 = "prodserver.E005"
E006 = "prodserver.E006"
E007 = "prodserver.E007"
E008 = "prodserver.E008"
E009 = "prodserver.E009"
E012 = "prodserver.E012"

PROCESS_KEYS = ("BACKEND", "ARGS", "DEPLOY")
BACKEND_HINT = f"Use a backend's dotted path, e.g. {BUILTIN_BACKENDS[0]!r}."

E005_MISSING_BACKEND = Problem(
    E005, Severity.ERROR, (), "has no 'BACKEND'; expected a backend's dotted path.", BACKEND_HINT
)


def setting_not_a_dict(value: object) -> Problem:
    return Problem(
        E001,
        Severity.ERROR,
        (),
        f"is {type_name(value)}; expected a dict of process names to processes.",
        "Write PRODUCTION_PROCESSES = {'web': {'BACKEND': '...', 'ARGS': {...}}}.",
    )


def unnamed_process(name: object) -> Problem:
    if isinstance(name, str):
        # An empty or blank name cannot be typed on the command line: `prodserver ""` is no name.
        return Problem(
            E002,
            Severity.ERROR,
            (),
            f"names a process {name!r}; a process needs a name.",
            "Name the process with a word such as 'web': prodserver takes it on the command line.",
        )
    return Problem(
        E002,
        Severity.ERROR,
        (),
        f"names a process with {type_name(name)} ({shown(name)}); process names are strings.",
        "Name the process with a string such as 'web': prodserver takes it on the command line.",
    )


def process_not_a_dict(config: object) -> Problem:
    return Problem(
        E003,
        Severity.ERROR,
        (),
        f"is {type_name(config)}; expected a dict with 'BACKEND' and 'ARGS'.",
        "Write the process as {'BACKEND': '<dotted path>', 'ARGS': {...}}.",
    )


def unknown_process_key(key: Hashable, allowed: tuple[str, ...] = PROCESS_KEYS) -> Problem:
    suggestion = closest(key, allowed)
    if suggestion is None:
        *first, last = (repr(name) for name in allowed)
        expected = f"{', '.join(first)} or {last}"
        return Problem(E004, Severity.ERROR, (key,), f"is not a process key; expected {expected}.", "Remove it.")
    return Problem(
        E004,
        Severity.ERROR,
        (key,),
        f"is not a process key; did you mean {suggestion!r}?",
        f"Rename it to {suggestion!r}.",
    )


def backend_not_a_path(backend: object) -> Problem:
    if isinstance(backend, type):
        # The class itself, imported into settings: its dotted path is the fix (the documented one if built in).
        dotted = _documented_path(backend.__qualname__) or f"{backend.__module__}.{backend.__qualname__}"
        return Problem(
            E006,
            Severity.ERROR,
            ("BACKEND",),
            f"is the class {backend.__name__}; expected its dotted path, a string.",
            f"Write {dotted!r}.",
        )
    return Problem(
        E006, Severity.ERROR, ("BACKEND",), f"is {shown(backend)}; expected a dotted path string.", BACKEND_HINT
    )


def backend_not_importable(dotted: str, reason: str) -> Problem:
    return Problem(
        E007,
        Severity.ERROR,
        ("BACKEND",),
        f"is {dotted!r}, which cannot be imported ({reason}).",
        _backend_hint(dotted),
    )


def _documented_path(class_name: str) -> str | None:
    """The documented path of the built-in backend class named ``class_name``, if there is one."""
    return next((path for path in BUILTIN_BACKENDS if path.rpartition(".")[2] == class_name), None)


def _backend_hint(dotted: str) -> str:
    """Our path, for one of our classes named at another path (3.x had ``backends.servers.<tool>``),
    or the path it was probably meant to be, among ours and 3.x's (a gunicorn typo finds gunicorn)."""
    module, _, name = dotted.strip().rpartition(".")
    ours = _documented_path(name) or _documented_path(closest(name, _CLASS_NAMES) or "")
    if ours is not None:
        return f"Write {ours!r}."
    # A class that does not exist in one of our modules: that module's backends, not another tool's.
    in_module = [
        COMPAT_PATHS.get(path, path) for path in (*BUILTIN_BACKENDS, *COMPAT_PATHS) if path.startswith(f"{module}.")
    ]
    return f"Write {choices_text(list(dict.fromkeys(in_module)))}." if in_module else BACKEND_HINT


_CLASS_NAMES = [path.rpartition(".")[2] for path in BUILTIN_BACKENDS]


def base_backend_class(dotted: str, kind: str) -> Problem:
    """A class backends derive from, named as if it ran a process."""
    concrete = [path.rpartition(".")[2] for path in BUILTIN_BACKENDS if _kind_of(path) == kind]
    return Problem(
        E008,
        Severity.ERROR,
        ("BACKEND",),
        f"is {dotted!r}, a base class of {kind} backends, not one that runs a process.",
        f"Name a {kind} backend: {', '.join(concrete)} (in django_prodserver.backends.<tool>).",
    )


def _kind_of(path: str) -> str:
    # By name, so that no backend is imported: workers are *Worker and CeleryBeat.
    return "worker" if path.endswith(("Worker", "Beat")) else "server"


def not_a_backend_class(dotted: str) -> Problem:
    return Problem(
        E008,
        Severity.ERROR,
        ("BACKEND",),
        f"is {dotted!r}, not a backend class.",
        f"Name a subclass of BaseProcessBackend, e.g. {BUILTIN_BACKENDS[0]!r}.",
    )


def backend_not_created(error: BaseException) -> Problem:
    return Problem(
        E009,
        Severity.ERROR,
        ("BACKEND",),
        f"cannot be created from this process's settings ({first_line(error)}).",
        "Fix the process's ARGS as the backend's documentation describes.",
    )


def backend_rules_failed(error: BaseException) -> Problem:
    return Problem(
        E012,
        Severity.ERROR,
        ("BACKEND",),
        f"failed while validating this process ({first_line(error)}).",
        "Report this to the backend's authors; check the ARGS against its documentation.",
    )


def setting_problems(value: object) -> list[Problem]:
    """The setting itself: a dict whose keys are process names (paths relative to the setting)."""
    if not isinstance(value, Mapping):
        return [setting_not_a_dict(value)]
    return [unnamed_process(name) for name in value if not isinstance(name, str) or not name.strip()]


def process_problems(config: object, backend_keys: tuple[str, ...] = ()) -> list[Problem]:
    """One process entry: a dict with a dotted-path ``BACKEND`` and no unknown keys (paths relative to it).

    ``backend_keys``: the top-level keys the process's backend reads too (``APP``), once it is loaded.
    """
    if not isinstance(config, Mapping):
        return [process_not_a_dict(config)]
    allowed = (*PROCESS_KEYS, *backend_keys)
    problems = [unknown_process_key(key, allowed) for key in config if key not in allowed]
    if "BACKEND" not in config:
        problems.append(E005_MISSING_BACKEND)
    elif not isinstance(config["BACKEND"], str) or not config["BACKEND"].strip():
        problems.append(backend_not_a_path(config["BACKEND"]))
    return problems
