"""Write ``django_prodserver/types.py`` from the ARGS models: ``python -m tests.tools.typegen``.

The typed dictionaries must accept what the models accept under the documented names, and
nothing the models refuse, so they are generated rather than written by hand;
``tests/unit/test_types.py`` fails when the committed module differs from this output.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from django.utils.module_loading import import_string
from pydantic import SecretStr
from pydantic.fields import FieldInfo

import django_prodserver
from django_prodserver.args import values
from django_prodserver.args.base import BackendArgs
from django_prodserver.args.deploy import KEY as DEPLOY_KEY
from django_prodserver.args.deploy import Deploy
from django_prodserver.args.platform import Platform
from django_prodserver.backends.base import TypedBackend
from django_prodserver.registry import BUILTIN_BACKENDS


def _typed_backends() -> tuple[type[TypedBackend[Any]], ...]:
    backends = tuple(import_string(path) for path in BUILTIN_BACKENDS)
    assert all(issubclass(backend, TypedBackend) for backend in backends), "every built-in backend is typed"
    return backends


BACKENDS = _typed_backends()
"""The backends that get typed settings, in the order of the ``ProductionProcesses`` union."""

TYPES_MODULE = Path(django_prodserver.__file__).with_name("types.py")

# Scalar type -> the alias of types.py naming what the model accepts for it.
SCALAR_ALIASES: dict[Any, str] = {int: "Integer", bool: "Boolean", float: "Number", Path: "PathValue", str: "str"}
LIST_ALIASES: dict[Any, str] = {
    Path: "PathValues",
    str: "Strings",
    SecretStr: "Strings",
    int: "Integer | Sequence[Integer]",
    float: "Number | Sequence[Number]",
}
VALUE_ALIASES = ("Integer", "Duration", "Boolean", "Number", "PathValue", "PathValues", "Strings")
"""The aliases HEADER defines for the value types."""

HEADER = '''\
"""Typed dictionaries for the ``PRODUCTION_PROCESSES`` setting: IDE completion and type checking.

GENERATED from the ARGS models by ``python -m tests.tools.typegen``: do not edit.

    from django_prodserver.types import ProductionProcesses

    PRODUCTION_PROCESSES: ProductionProcesses = {...}

Each process is typed by its ``BACKEND``; its ``ARGS`` take the documented option names, with
the value types the ARGS model accepts (``8000`` and ``"8000"`` alike), or a model instance.
A setting that also holds custom backends: see ``CustomProcess`` and ``AnyProcess``.
"""

# No ``from __future__ import annotations``: the TypedDicts must see ``NotRequired`` at runtime.
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, TypeAlias

# typing_extensions' TypedDict reads NotRequired on Python 3.10 too.
from typing_extensions import NotRequired, TypedDict

if TYPE_CHECKING:
    # Only for type checkers: settings.py imports this module, and the models need pydantic,
    # which every manage.py command would then import.
{model_imports}

Integer: TypeAlias = int | str
"""An integer, or its decimal text: ``8000`` or ``"8000"``."""
Duration: TypeAlias = int | str
"""Seconds, or Granian's duration text: ``90``, ``"90"``, ``"1h30m"``."""
Boolean: TypeAlias = bool | str
"""``True``/``False``, or their text: ``"true"``, ``"False"``, ``"0"``, ``"yes"``..."""
Number: TypeAlias = float | str
"""A number, or its text: ``3.5`` or ``"3.5"``."""
PathValue: TypeAlias = str | Path
"""A path as text or a ``pathlib.Path`` (the models refuse other ``os.PathLike`` objects)."""
PathValues: TypeAlias = PathValue | Sequence[PathValue]
"""One path, or a list of paths."""
Strings: TypeAlias = str | Sequence[str]
"""One string, or a list of strings."""
'''

FOOTER = '''

class CustomProcess(TypedDict):
    """A process whose backend is not typed here (a custom or django-prodserver 3.x backend)."""

    BACKEND: str
    ARGS: NotRequired[Mapping[str, object] | str]


TypedProcess: TypeAlias = {typed}
"""A process of any built-in backend, typed by its ``BACKEND`` (model instances as ``ARGS`` too)."""

ProductionProcesses: TypeAlias = dict[str, Process]
"""The ``PRODUCTION_PROCESSES`` setting when every process uses a built-in backend.

One ``Process`` type, not the union ``TypedProcess``: mypy and pyright check a dict literal
against a union without naming the key at fault (they cannot choose a member by ``BACKEND``)."""



class UncheckedProcess(Protocol):
    """A process of ``ProductionProcesses`` as ``django_prodserver.mypy_plugin`` reads it, before it
    checks the process against the typed dictionary of its ``BACKEND``."""

    def __getitem__(self, key: str, /) -> object: ...


AnyProcess: TypeAlias = TypedProcess | CustomProcess
"""Any process, ``ARGS`` model instances included.  ``CustomProcess`` accepts any ``BACKEND``
string, so annotate typed processes on their own (``WEB: GranianASGIProcess = {{...}}``) before
putting them in a ``dict[str, AnyProcess]``: inside that union a misspelt key would match
``CustomProcess``."""

__all__ = [
{exports}
]
'''


def value_type(name: str, info: FieldInfo) -> str:
    """The source text of what ARGS accept for one field, e.g. ``Integer | None``."""
    members, optional = _members(info.annotation)
    texts = dict.fromkeys(_value_text(name, member, list(info.metadata)) for member in members)
    text = " | ".join(texts)
    return f"{text} | None" if optional else text


def _members(annotation: Any) -> tuple[list[Any], bool]:
    """The alternatives of a union (``int | str`` for a user given by id or name), and whether None is one."""
    if get_origin(annotation) in (Union, UnionType):
        rest = [arg for arg in get_args(annotation) if arg is not type(None)]
        return rest, len(rest) < len(get_args(annotation))
    return [annotation], False


def _value_text(name: str, annotation: Any, metadata: list[Any]) -> str:
    if get_origin(annotation) is Annotated:
        inner, *extra = get_args(annotation)
        return _value_text(name, inner, [*metadata, *extra])
    if get_origin(annotation) is Literal:
        return _literal_text(get_args(annotation), metadata)
    if get_origin(annotation) is dict:
        # Mappings of data (secure_scheme_headers, a logging dictConfig): keys are text.
        value = get_args(annotation)[1] if get_args(annotation) else Any
        return "Mapping[str, str]" if value is str else "Mapping[str, object]"
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        scalar = _scalar(item)
        if get_origin(scalar) is Literal:
            # A list of choices ("h1", "h2"): one choice, a list of them, or their comma-separated text.
            choice = _value_text(name, item, [])
            return f"{choice} | Sequence[{choice}] | str"
        return LIST_ALIASES[scalar]
    if annotation is SecretStr:
        # The key password: given as text, held by the model as a SecretStr.
        return "str"
    if annotation is int and any(getattr(m, "func", None) is values.parse_duration for m in metadata):
        return "Duration"
    if annotation is str and any(getattr(m, "func", None) is values._number_as_text for m in metadata):
        return "str | int"
    if annotation in SCALAR_ALIASES:
        return SCALAR_ALIASES[annotation]
    raise TypeError(f"no settings type for ARGS option {name!r} of type {annotation!r}")


def _scalar(annotation: Any) -> Any:
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation


def _literal_text(choices: tuple[Any, ...], metadata: list[Any]) -> str:
    accepted: list[Any] = list(choices)
    if values.Choice in metadata:
        # The Choice validator reads the int 2 as the choice "2".
        accepted += [int(choice) for choice in choices if isinstance(choice, str) and choice.isdecimal()]
        if "info" in choices:
            # It ignores case too; log levels are commonly written as Python names them ("INFO").
            accepted += [choice.upper() for choice in choices if isinstance(choice, str)]
    # json.dumps writes the double-quoted strings ruff format wants; ints as they are.
    return f"Literal[{', '.join(json.dumps(choice) for choice in accepted)}]"


def args_dict_name(backend: type[TypedBackend[Any]]) -> str:
    return f"{backend_stem(backend)}ArgsDict"


def process_name(backend: type[TypedBackend[Any]]) -> str:
    return f"{backend_stem(backend)}Process"


def backend_stem(backend: type[TypedBackend[Any]]) -> str:
    return backend.__name__.removesuffix("Server")


def dotted_path(backend: type[TypedBackend[Any]]) -> str:
    """The documented path a setting names the backend with (the registry's)."""
    return next(path for path in BUILTIN_BACKENDS if path.rpartition(".")[2] == backend.__qualname__)


def shared_model(backend: type[TypedBackend[Any]]) -> type[BackendArgs] | None:
    """The model whose options this backend's model extends (``GranianArgs``), if it has one."""
    parent = backend.args_model.__mro__[1]
    return parent if issubclass(parent, BackendArgs) and parent.model_fields else None


def shared_dict_name(model: type[BackendArgs]) -> str:
    name = f"{model.__name__}Dict"
    # UvicornArgs is shared by UvicornServer, whose own dict is UvicornArgsDict.
    taken = {args_dict_name(backend) for backend in BACKENDS}
    return f"{model.__name__}CommonDict" if name in taken else name


def typed_dict(name: str, model: type[BackendArgs], fields: Iterable[str], doc: str) -> Iterator[str]:
    """A TypedDict of ``fields`` under their documented names, total=False."""
    entries = [(model.options()[field].name, value_type(field, model.model_fields[field])) for field in fields]
    if all(key.isidentifier() for key, _ in entries):
        yield f'\nclass {name}(TypedDict, total=False):\n    """{doc}"""\n'
        yield from (f"    {key}: {value}" for key, value in entries)
        yield ""
        return
    # Dashed names ("log-access") need the functional syntax.
    yield f'\n{name} = TypedDict(\n    "{name}",\n    {{'
    yield from (f'        "{key}": {value},' for key, value in entries)
    yield "    },\n    total=False,\n)"
    yield f'"""{doc}"""\n'


def shared_dict(model: type[BackendArgs]) -> Iterator[str]:
    users = ", ".join(f"``{backend.__name__}``" for backend in BACKENDS if shared_model(backend) is model)
    yield from typed_dict(shared_dict_name(model), model, model.options(), f"ARGS shared by {users}.")


def args_dict(backend: type[TypedBackend[Any]]) -> Iterator[str]:
    """The backend's ARGS: the shared ones, by inheritance, and its own."""
    model, shared = backend.args_model, shared_model(backend)
    name, doc = args_dict_name(backend), f"ARGS of ``{dotted_path(backend)}``, under their documented names."
    if shared is None:
        yield from typed_dict(name, model, model.options(), doc)
        return
    own = f"_{backend_stem(backend)}OwnArgs"
    own_fields = [field for field in model.options() if field not in shared.model_fields]
    yield from typed_dict(own, model, own_fields, f"The ARGS only ``{backend.__name__}`` has.")
    yield f'\nclass {name}({shared_dict_name(shared)}, {own}, total=False):\n    """{doc}"""\n'


def process(backend: type[TypedBackend[Any]]) -> Iterator[str]:
    yield f"\nclass {process_name(backend)}(TypedDict):"
    yield f'    """A process served by ``{backend.__name__}``."""\n'
    yield f'    BACKEND: Literal["{dotted_path(backend)}"]'
    # Quoted: the model is imported for type checkers only.
    yield f'    ARGS: NotRequired["{args_dict_name(backend)} | {backend.args_model.__name__}"]'
    yield f"    {DEPLOY_KEY}: NotRequired[DeployDict]"
    # The backend's own top-level keys are required: a Celery process without APP cannot run (E120).
    yield from (f"    {key}: str" for key in backend.process_keys)
    yield ""


def deploy_dict() -> Iterator[str]:
    """``DeployDict``: the ``DEPLOY`` key of every process (what the exports read)."""
    yield from typed_dict("DeployDict", Deploy, Deploy.options(), "DEPLOY of any process, read by the exports.")


def platform_types() -> Iterator[str]:
    """``PlatformDict`` and ``ProductionPlatform``: the ``PRODUCTION_PLATFORM`` setting (a name, or a dict)."""
    yield from typed_dict("PlatformDict", Platform, Platform.options(), "``PRODUCTION_PLATFORM`` as a dict.")
    names = value_type("platform", Platform.model_fields["platform"])
    yield f"\nProductionPlatform: TypeAlias = {names} | PlatformDict"
    yield '"""The ``PRODUCTION_PLATFORM`` setting: a platform\'s name, or a dict that says what yours changes."""\n'


def any_args_dict() -> Iterator[str]:
    """``ArgsDict``: every option name of every backend, with the values any backend accepts for it.

    The ARGS of ``Process``: one typed dictionary, not a union, so that the checkers name the key.
    """
    accepted: dict[str, dict[str, None]] = {}
    for backend in BACKENDS:
        model = backend.args_model
        for field, meta in model.options().items():
            members = accepted.setdefault(meta.name, {})
            members.update(dict.fromkeys(value_type(field, model.model_fields[field]).split(" | ")))
    # None last, as value_type() writes it.
    entries = {
        key: " | ".join(sorted(members, key=lambda member: member == "None")) for key, members in accepted.items()
    }
    yield '\nArgsDict = TypedDict(\n    "ArgsDict",\n    {'
    yield from (f'        "{key}": {value},' for key, value in entries.items())
    yield "    },\n    total=False,\n)"
    yield '"""The ARGS of any built-in backend: every option name, each with the values some backend accepts."""\n'


def any_process() -> Iterator[str]:
    """``BackendPath`` and ``Process``: a process of any built-in backend, as one typed dictionary."""
    paths = ", ".join(f'"{dotted_path(backend)}"' for backend in BACKENDS)
    yield f"\nBackendPath: TypeAlias = Literal[{paths}]"
    yield '"""The documented dotted path of a built-in backend."""\n'
    yield "\nclass Process(TypedDict):"
    yield '    """A process of any built-in backend: ``ARGS`` checked against every backend\'s option names."""\n'
    yield "    BACKEND: BackendPath"
    yield "    ARGS: NotRequired[ArgsDict]"
    yield f"    {DEPLOY_KEY}: NotRequired[DeployDict]"
    keys = dict.fromkeys(key for backend in BACKENDS for key in backend.process_keys)
    yield from (f"    {key}: NotRequired[str]" for key in keys)
    yield ""


def model_imports() -> str:
    """``from .args.granian import GranianASGIArgs, ...``: the models ARGS may also be."""
    modules: dict[str, list[str]] = {}
    for backend in BACKENDS:
        model = backend.args_model
        modules.setdefault(model.__module__.removeprefix("django_prodserver"), []).append(model.__name__)
    return "\n".join(
        f"    from {module} import {', '.join(sorted(names))}" for module, names in sorted(modules.items())
    )


def render() -> str:
    """The text of ``types.py``."""
    parts = [HEADER.replace("{model_imports}", model_imports()), *deploy_dict(), *platform_types()]
    shared = list(dict.fromkeys(model for backend in BACKENDS if (model := shared_model(backend)) is not None))
    for model in shared:
        parts.extend(shared_dict(model))
    for backend in BACKENDS:
        parts.extend(args_dict(backend))
        parts.extend(process(backend))
    parts.extend(any_args_dict())
    parts.extend(any_process())
    names = [name for backend in BACKENDS for name in (args_dict_name(backend), process_name(backend))]
    names += [shared_dict_name(model) for model in shared]
    names += [
        "ArgsDict",
        "BackendPath",
        "Process",
        "PlatformDict",
        "ProductionPlatform",
        "AnyProcess",
        "CustomProcess",
        "ProductionProcesses",
        "TypedProcess",
        "UncheckedProcess",
    ]
    exports = sorted([*names, *VALUE_ALIASES])
    footer = FOOTER.format(
        typed=" | ".join(process_name(backend) for backend in BACKENDS),
        exports="\n".join(f'    "{name}",' for name in exports),
    )
    return formatted("\n".join(parts) + footer)


def formatted(source: str) -> str:
    """The module as the project's formatter writes it (long unions and choices split over lines)."""
    ruff = Path(sys.executable).with_name("ruff")
    done = subprocess.run(
        [str(ruff), "format", "--stdin-filename", str(TYPES_MODULE), "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


def main() -> int:
    TYPES_MODULE.write_text(render())
    sys.stdout.write(f"Wrote {TYPES_MODULE}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
