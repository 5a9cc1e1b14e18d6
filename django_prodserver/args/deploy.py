"""``DEPLOY``: the facts of a process that are no option of its tool, read by the exports.

``{"BACKEND": ..., "ARGS": {...}, "DEPLOY": {"replicas": 3, "health_path": "/healthz"}}``.  Typed and
validated like ARGS (one :func:`~django_prodserver.args.base.option` per key; the same messages and
did-you-mean, from :mod:`django_prodserver.rules.deploy_key`), so ``check`` reports a mistake before
an export carries it.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError

from .base import BackendArgs, option
from .values import Int, Text

KEY = "DEPLOY"


class Deploy(BackendArgs):
    """``DEPLOY`` of a process: how many run, how they are probed, what they may use."""

    replicas: Int = option(
        1,
        "Copies of the process (Kubernetes replicas, compose deploy.replicas)",
        cli=None,
        documented="replicas",
        group="deploy",
        ge=1,
        le=1000,
    )
    health_path: Text | None = option(
        None,
        "URL path of a server that answers 200 when healthy (default: probe the port over TCP)",
        cli=None,
        documented="health_path",
        group="deploy",
    )
    env: dict[str, str] = option(
        {},
        "Variables set for the process, besides DJANGO_SETTINGS_MODULE",
        cli=None,
        documented="env",
        group="deploy",
    )
    cpu: float | None = option(
        None, "CPU cores the process may use (a limit)", cli=None, documented="cpu", group="deploy", gt=0, le=1024
    )
    memory: Int | None = option(
        None, "Memory (MiB) the process may use (a limit)", cli=None, documented="memory", group="deploy", ge=4
    )


def deploy_of(config: object) -> Deploy:
    """The validated ``DEPLOY`` of a process (its defaults when absent or invalid: ``check`` reports why)."""
    given = config.get(KEY) if isinstance(config, Mapping) else None
    try:
        return Deploy.model_validate(given if isinstance(given, Mapping) else {})
    except ValidationError:
        return Deploy()
