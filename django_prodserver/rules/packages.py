"""Packages a backend or its options need on the machine that runs the process.

Packages are looked up with ``importlib.util.find_spec``, never imported: the check runs on
every ``manage.py`` command, and importing a server or its optional packages runs their code.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping

from ..args.base import BackendArgs, Package
from ..problems import Problem, Severity
from .dependencies import is_set

E060 = "prodserver.E060"
E064 = "prodserver.E064"


def installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        # A parent package that is missing or broken: the module cannot be imported either.
        return False


def needed_package(requires: Package | Mapping[str, Package] | None, value: object) -> Package | None:
    """The package an option needs with this value, if any."""
    if isinstance(requires, Mapping):
        if isinstance(value, list):
            # A list of choices (gunicorn's http-protocols): the package of the first choice that needs one.
            return next((requires[item] for item in value if isinstance(item, str) and item in requires), None)
        return requires.get(value) if isinstance(value, str) else None
    return requires if requires is not None and is_set(value) else None


def option_package_problems(args: BackendArgs) -> list[Problem]:
    problems = []
    for field, meta in type(args).options().items():
        package = needed_package(meta.requires, getattr(args, field))
        if package is not None and not installed(package.module):
            problems.append(
                Problem(
                    E060,
                    Severity.ERROR,
                    ("ARGS", field),
                    f"needs the {package.module} package, which is not installed.",
                    f"Install it: pip install '{package.requirement}'.",
                )
            )
    return problems


def backend_package_problems(backend: str, package: Package | None) -> list[Problem]:
    """The tool that runs the backend itself (the server or worker program) must be installed."""
    if package is None or installed(package.module):
        return []
    return [
        Problem(
            E064,
            Severity.ERROR,
            ("BACKEND",),
            f"is {backend}, which needs the {package.module} package; it is not installed.",
            f"Install it: pip install '{package.requirement}'.",
        )
    ]
