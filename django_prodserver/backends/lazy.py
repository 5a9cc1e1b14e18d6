"""Lazy names of a backend package (PEP 562), so that its launcher imports no model.

A launcher (``backends/<tool>/launch.py``) runs in the interpreter that replaced ``manage.py
prodserver`` (:mod:`.handover`); importing it imports its package first, and a package that
imported its backend class would load pydantic and every model into the server's master.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_attributes(package: str, modules: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` that imports ``name`` from its (relative) module on first use."""

    def attribute(name: str) -> object:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module, package), name)

    return attribute
