"""The one loader of a backend from its dotted path, and the adapter that gives 3.x backends the typed interface.

A setting names its backend by dotted path; :func:`load_backend` imports it and returns a subclass of
:class:`~.base.TypedBackend`, or the problem that prevents it.  A django-prodserver 3.x backend (a subclass
of ``BaseServerBackend`` or ``BaseWorkerBackend`` that is not typed) comes back wrapped in
:class:`UntypedBackend`, so that validation, the ``prodserver`` command, its output and the fleet read one
interface and never ask which kind of class a setting named.  What a 3.x backend is, the adapter says:

- its ARGS are a dict or a string of flags, formatted by the backend itself: no option is validated, none
  can be overridden on the command line, ``--dry-run`` prints the arguments of ``start_server``;
- its kind is its base class's (``server`` or ``worker``; neither for a direct ``BaseProcessBackend``);
- it declares no listener, no drain and no application target, so nothing is judged against them;
- ``run()`` calls ``start_server(*prep_server_args())``, as 3.x's command did.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any, ClassVar

from ..args.base import BackendArgs
from ..problems import Problem
from ..rules.args import args_not_a_dict
from ..rules.shape import backend_not_importable, base_backend_class, not_a_backend_class
from ..rules.text import first_line
from .base import BaseProcessBackend, BaseServerBackend, BaseWorkerBackend, Kind, TypedBackend


class UntypedArgs(BackendArgs):
    """A 3.x backend's ARGS as the core sees them: no option (the backend formats its ARGS itself)."""


class UntypedBackend(TypedBackend[UntypedArgs]):
    """A django-prodserver 3.x backend behind the typed interface; :func:`untyped` makes one per class."""

    args_model = UntypedArgs
    untyped_class: ClassVar[type[BaseProcessBackend]]
    """The 3.x backend class the setting names."""

    def __init__(self, **config: Any) -> None:
        super().__init__(**config)
        # 3.x's constructor reads the settings (and formats ARGS): any exception is the backend's own.
        self.wrapped = self.untyped_class(**config)

    @classmethod
    def given_args(cls, value: object) -> dict[Any, Any] | Problem:
        # 3.x formats a dict (or passes a string) itself: none of it is an option the core knows.
        if isinstance(value, (str, Mapping)):
            return {}
        return args_not_a_dict(value, "a dict of options or a string")

    def command_line(self, args: UntypedArgs, *, reveal_secrets: bool = False) -> list[str]:
        """The arguments ``start_server`` runs with: a 3.x backend has no shell command of its own."""
        return self.wrapped.prep_server_args()

    def command_environment(self, settings_module: str | None) -> dict[str, str]:
        return {}

    def run(self, args: UntypedArgs) -> None:
        self.wrapped.start_server(*self.wrapped.prep_server_args())


def untyped(backend: type[BaseProcessBackend]) -> type[UntypedBackend]:
    """The adapter class of the 3.x backend class ``backend``, named as it is."""
    kind: Kind | None = None
    if issubclass(backend, BaseServerBackend):
        kind = "server"
    elif issubclass(backend, BaseWorkerBackend):
        kind = "worker"
    namespace = {"untyped_class": backend, "kind": kind, "__module__": backend.__module__}
    return type(backend.__name__, (UntypedBackend,), namespace)


def load_backend(dotted: str) -> type[TypedBackend[Any]] | Problem:
    """The backend class at ``dotted`` (a 3.x one wrapped in :class:`UntypedBackend`), or why it cannot be loaded."""
    module_name, _, class_name = dotted.strip().rpartition(".")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        return backend_not_importable(dotted, f"no module {error.name!r}")
    except Exception as error:
        # Importing the backend runs a third party's module code, which may raise anything.
        return backend_not_importable(dotted, first_line(error))
    backend = getattr(module, class_name, None)
    if backend is None:
        return backend_not_importable(dotted, f"its module has no {class_name!r}")
    if not (isinstance(backend, type) and issubclass(backend, BaseProcessBackend)):
        return not_a_backend_class(dotted)
    if _is_base(backend):
        return base_backend_class(dotted, "worker" if issubclass(backend, BaseWorkerBackend) else "server")
    # 3.x's classes and the typed ones are told apart here only: the rest of the package sees one interface.
    return backend if issubclass(backend, TypedBackend) else untyped(backend)


def _is_base(backend: type[BaseProcessBackend]) -> bool:
    """A class backends derive from, not one that runs a process: typed without a model, or 3.x's bases."""
    if issubclass(backend, TypedBackend):
        return not hasattr(backend, "args_model")
    return backend in (BaseProcessBackend, BaseServerBackend, BaseWorkerBackend)


__all__ = ["UntypedArgs", "UntypedBackend", "load_backend", "untyped"]
