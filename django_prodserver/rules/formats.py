"""Format strings the tool expands at start, judged by the keys it knows: the kind lives on the option's
type (``PercentKeys`` in ``args/values.py``), so one rule serves every option that has one.

Celery expands ``%h``, ``%n``, ``%d``, ``%i``, ``%I`` (and ``%p`` in file names) in a worker's node
name and files; any other ``%x`` raised ``ValueError: Unknown format`` at start, with a traceback.
"""

from __future__ import annotations

import re

from ..args.base import BackendArgs
from ..args.describe import item_type
from ..args.values import PercentKeys
from ..problems import Problem, Severity
from .text import shown

E069 = "prodserver.E069"
_KEY = re.compile(r"%([%\w])")
"""What Celery's simple_format reads as a key (``celery.utils.text.RE_FORMAT``)."""


def format_problems(args: BackendArgs) -> list[Problem]:
    """E069 for each ``%x`` the tool would not expand."""
    problems = []
    for field, info in type(args).model_fields.items():
        marker = next((item for item in item_type(info)[1] if isinstance(item, PercentKeys)), None)
        value = getattr(args, field)
        if marker is None or value is None:
            continue
        unknown = [key for key in _KEY.findall(str(value)) if key != "%" and key not in marker.keys]
        if unknown:
            known = ", ".join(f"%{key}" for key in marker.keys)
            problems.append(
                Problem(
                    E069,
                    Severity.ERROR,
                    ("ARGS", field),
                    f"is {shown(str(value))}, whose %{unknown[0]} {marker.tool} does not expand (it knows {known}); "
                    "the process would fail to start.",
                    "Use one of those, or write %% for a literal %.",
                )
            )
    return problems
