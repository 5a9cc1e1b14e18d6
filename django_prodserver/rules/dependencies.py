"""Options given without the option they need (each option's ``needs``): they would do nothing."""

from __future__ import annotations

from ..args.base import BackendArgs
from ..problems import Problem, Severity

W046 = "prodserver.W046"


def is_set(value: object) -> bool:
    """Whether an option's value turns it on: true, or a value other than None and an empty list."""
    return value is not None and value is not False and value != []


def dependency_problems(args: BackendArgs) -> list[Problem]:
    options = type(args).options()
    problems = []
    for field in args.model_fields_set:
        needs = options[field].needs
        if needs and not all(is_set(getattr(args, needed)) for needed in needs):
            needed = " and ".join(options[name].name for name in needs)
            problems.append(
                Problem(
                    W046,
                    Severity.WARNING,
                    ("ARGS", field),
                    f"has no effect without {needed}.",
                    f"Set {needed} too, or remove it.",
                )
            )
    # In declaration order, whatever order the settings gave the keys in.
    order = list(options)
    return sorted(problems, key=lambda problem: order.index(str(problem.path[1])))
