"""``DEPLOY`` of a process: what its model rejects, in the ARGS messages, and what no type can say."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from ..args.deploy import KEY, Deploy
from ..problems import Problem, Severity
from .args import error_problems
from .text import shown

E160 = "prodserver.E160"
E161 = "prodserver.E161"
E162 = "prodserver.E162"
W163 = "prodserver.W163"

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def deploy_problems(config: object, *, worker: bool = False) -> list[Problem]:
    """What is wrong with the process's ``DEPLOY``, paths relative to the process (``worker``: it listens nowhere)."""
    if not isinstance(config, Mapping) or KEY not in config:
        return []
    given = config[KEY]
    if not isinstance(given, Mapping):
        return [
            Problem(
                E160,
                Severity.ERROR,
                (KEY,),
                f"is {shown(given)}; expected a dict.",
                "Write DEPLOY as a dict, e.g. {'replicas': 2}.",
            )
        ]
    try:
        deploy = Deploy.model_validate(given)
    except ValidationError as error:
        problems = error_problems(error.errors(), Deploy, given, KEY)
        return [_under_deploy(problem) for problem in problems]
    return [*_health_path_problems(deploy, given, worker), *_environment_problems(deploy)]


def _under_deploy(problem: Problem) -> Problem:
    # The ARGS machinery places its problems under ARGS: these are DEPLOY's keys.
    return Problem(problem.id, problem.severity, (KEY, *problem.path[1:]), problem.message, problem.hint)


def _health_path_problems(deploy: Deploy, given: Mapping[Any, Any], worker: bool) -> list[Problem]:
    path = deploy.health_path
    if path is None:
        return []
    key = next(key for key in given if Deploy.field_for(str(key)) == "health_path")
    if worker:
        return [
            Problem(
                W163,
                Severity.WARNING,
                (KEY, key),
                f"is {path!r}, but a worker listens nowhere: no export probes it.",
                "Remove it; the exports give a Celery worker its own ping, other workers no probe.",
            )
        ]
    if path.startswith("/"):
        return []
    return [
        Problem(
            E161,
            Severity.ERROR,
            (KEY, key),
            f"is {path!r}; expected a URL path starting with '/'.",
            f"Write {'/' + path!r}.",
        )
    ]


def _environment_problems(deploy: Deploy) -> list[Problem]:
    return [
        Problem(
            E162,
            Severity.ERROR,
            (KEY, "env", name),
            "is not a variable name; expected letters, digits and underscores, not starting with a digit.",
            "Rename the variable.",
        )
        for name in deploy.env
        if not _VARIABLE.match(name)
    ]
