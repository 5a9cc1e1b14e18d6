"""Packages a backend or its options need on the machine that runs the process.

Packages are looked up with ``importlib.util.find_spec``, never imported: the check runs on
every ``manage.py`` command, and importing a server or its optional packages runs their code.
"""

from __future__ import annotations

import importlib.util
import itertools
from collections.abc import Mapping
from importlib import metadata

from ..args.base import BackendArgs, Package
from ..args.describe import item_type
from ..args.values import Since
from ..problems import Problem, Severity
from .dependencies import is_set

E060 = "prodserver.E060"
E064 = "prodserver.E064"
E068 = "prodserver.E068"


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


def installed_version(distribution: str) -> str | None:
    """The installed release of ``distribution``, read from its metadata (nothing is imported)."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def release(version: str) -> tuple[int, ...]:
    """``"5.7.0rc1"`` -> ``(5, 7, 0)``: the numbers of a version, compared as a tuple."""
    numbers = []
    for part in version.split("."):
        digits = "".join(itertools.takewhile(str.isdigit, part))
        if not digits:
            break
        numbers.append(int(digits))
    return tuple(numbers)


def version_problems(args: BackendArgs) -> list[Problem]:
    """Options (or values) newer than the installed tool: E068 names the release that has them."""
    problems = []
    for field, info in type(args).model_fields.items():
        value = getattr(args, field)
        for since in (item for item in item_type(info)[1] if isinstance(item, Since)):
            wanted = value != info.default if since.value is None else value == since.value
            installed_release = installed_version(since.distribution) if wanted else None
            if installed_release is not None and release(installed_release) < release(since.version):
                what = "is set" if since.value is None else f"is {since.value!r}"
                problems.append(
                    Problem(
                        E068,
                        Severity.ERROR,
                        ("ARGS", field),
                        f"{what}, which needs {since.distribution} {since.version} or later; "
                        f"{since.distribution} {installed_release} is installed and would refuse it at start.",
                        f"Upgrade: pip install '{since.distribution}>={since.version}', or remove it.",
                    )
                )
    return problems
