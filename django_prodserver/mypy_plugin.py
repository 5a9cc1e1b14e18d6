"""mypy checks each process of ``PRODUCTION_PROCESSES`` against the typed dictionary of its ``BACKEND``.

Enable it in the project's mypy configuration::

    [mypy]
    plugins = django_prodserver.mypy_plugin

Without it, mypy checks every process against ``Process``, whose ARGS take the option names of
every backend: a misspelt key is named, but a gunicorn option in a Granian process is not, and a
misspelt ``BACKEND`` is shown against the whole list of paths.  mypy cannot choose a member of a
union of typed dictionaries by a ``Literal`` key (it reports the union as ambiguous), so this
plugin does the choosing: ``ProductionProcesses`` reads as a mapping of processes left unchecked,
and each dict display of that type has its processes checked one by one, by their ``BACKEND``.

Only mypy imports this module; the backends' paths come from the generated ``types.py``.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.checker import TypeChecker
from mypy.errorcodes import ErrorCode
from mypy.nodes import DictExpr, Expression, StrExpr, TupleExpr, TypeAlias, TypeInfo
from mypy.plugin import AnalyzeTypeContext, FunctionContext, Plugin
from mypy.types import (
    Instance,
    LiteralType,
    ProperType,
    Type,
    TypedDictType,
    UnionType,
    get_proper_type,
)

from .rules.text import closest

TYPES = "django_prodserver.types"
SETTING = f"{TYPES}.ProductionProcesses"
UNCHECKED = f"{TYPES}.UncheckedProcess"
BACKEND_CODE = ErrorCode("prodserver-backend", "BACKEND names no built-in backend", "General")


class ProdserverPlugin(Plugin):
    def get_type_analyze_hook(self, fullname: str) -> Callable[[AnalyzeTypeContext], Type] | None:
        return _unchecked_setting if fullname == SETTING else None

    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        # Every dict display is a call of mypy's "<dict>" constructor; the hook keeps only the setting's.
        return _check_processes if fullname == "<dict>" else None


def plugin(version: str) -> type[Plugin]:
    return ProdserverPlugin


def _unchecked_setting(ctx: AnalyzeTypeContext) -> Type:
    """``dict[str, UncheckedProcess]``: mypy checks nothing in a process before the hook below does."""
    return ctx.api.named_type(
        "builtins.dict", [ctx.api.named_type("builtins.str", []), ctx.api.named_type(UNCHECKED, [])]
    )


def _check_processes(ctx: FunctionContext) -> Type:
    setting = get_proper_type(ctx.default_return_type)
    if not (isinstance(setting, Instance) and len(setting.args) == 2 and _is_unchecked(setting.args[1])):
        return ctx.default_return_type
    checker = ctx.api
    assert isinstance(checker, TypeChecker)
    types = checker.modules[TYPES].names
    processes = _processes_by_path(types["TypedProcess"].node)
    any_process = _typeddict(types["Process"].node)
    for entry in (expr for exprs in ctx.args for expr in exprs):
        if isinstance(entry, TupleExpr) and len(entry.items) == 2:
            _check_process(checker, entry.items[1], processes, any_process)
    return ctx.default_return_type


def _is_unchecked(value: Type) -> bool:
    proper = get_proper_type(value)
    return isinstance(proper, Instance) and proper.type.fullname == UNCHECKED


def _check_process(
    checker: TypeChecker, process: Expression, processes: dict[str, TypedDictType], any_process: TypedDictType
) -> None:
    """One process: checked against its backend's typed dictionary, or ``Process`` when its BACKEND is unknown."""
    if not isinstance(process, DictExpr):
        # A process written elsewhere (``"web": WEB``) is checked against what it was declared as.
        given = checker.expr_checker.accept(process)
        expected = UnionType.make_union([*processes.values(), any_process])
        checker.check_subtype(
            given, expected, process, "The process is not a typed process of PRODUCTION_PROCESSES", "got", "expected"
        )
        return
    items = {key.value: value for key, value in process.items if isinstance(key, StrExpr)}
    backend = items.get("BACKEND")
    path = backend.value if isinstance(backend, StrExpr) else None
    if path in processes:
        _check_typed_process(checker, process, processes[path], items.get("ARGS"))
        return
    if isinstance(backend, StrExpr):
        suggestion = closest(backend.value, processes)
        hint = f'; did you mean "{suggestion}"?' if suggestion else ": see django_prodserver.types.BackendPath"
        checker.fail(f'BACKEND "{backend.value}" is not a built-in backend{hint}', backend, code=BACKEND_CODE)
        # The rest of the process is still checked, against every backend's option names.
        any_process = _with_item(any_process, "BACKEND", checker.named_type("builtins.str"))
    checker.expr_checker.accept(process, any_process)


def _check_typed_process(
    checker: TypeChecker, process: DictExpr, expected: TypedDictType, args: Expression | None
) -> None:
    """ARGS written as a dict display are checked against the backend's ARGS typed dictionary alone.

    Against ``GunicornArgsDict | GunicornArgs`` mypy would only say that the dict is not of that
    union, without naming the key at fault.
    """
    union = get_proper_type(expected.items["ARGS"])
    members = union.items if isinstance(union, UnionType) else [union]
    args_dicts = [member for member in map(get_proper_type, members) if isinstance(member, TypedDictType)]
    if not isinstance(args, DictExpr) or len(args_dicts) != 1:
        checker.expr_checker.accept(process, expected)
        return
    # The process without its ARGS, then the ARGS: mypy rebuilds a named typed dictionary from its
    # class, so narrowing the ARGS item of a copy would not be seen.
    rest = DictExpr([(key, value) for key, value in process.items if value is not args])
    rest.set_line(process)
    checker.expr_checker.accept(rest, expected)
    checker.expr_checker.accept(args, args_dicts[0])


def _with_item(typeddict: TypedDictType, key: str, value: Type) -> TypedDictType:
    """The same typed dictionary (its name in messages too) with ``key`` of another type."""
    return typeddict.copy_modified(
        item_types=[value if name == key else item for name, item in typeddict.items.items()]
    )


def _processes_by_path(alias: object) -> dict[str, TypedDictType]:
    """``{BACKEND path: its process's typed dictionary}``, read from the ``TypedProcess`` union."""
    assert isinstance(alias, TypeAlias)
    union = get_proper_type(alias.target)
    assert isinstance(union, UnionType)
    processes: dict[str, TypedDictType] = {}
    for member in union.items:
        process = _as_typeddict(get_proper_type(member))
        backend = get_proper_type(process.items["BACKEND"])
        assert isinstance(backend, LiteralType)
        assert isinstance(backend.value, str)
        processes[backend.value] = process
    return processes


def _typeddict(node: object) -> TypedDictType:
    assert isinstance(node, TypeInfo)
    assert node.typeddict_type is not None
    return node.typeddict_type


def _as_typeddict(member: ProperType) -> TypedDictType:
    if isinstance(member, TypedDictType):
        return member
    assert isinstance(member, Instance)
    return _typeddict(member.type)
