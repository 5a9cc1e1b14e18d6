"""A docker compose file: one service per process, from ``--image``.

``stop_signal`` is the backend's drain signal and ``stop_grace_period`` its stop budget; servers
publish their port and get a healthcheck on it (TCP, or ``DEPLOY['health_path']`` over HTTP);
a Celery worker gets ``celery inspect ping`` for its node; other workers none, said in a comment.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..launch import Launch
from ..plan import Member
from . import HEADER
from .common import drain_words, environment, probe, python_check, reachable
from .yaml import Comment, document


class Compose:
    needs_image = True
    needs_directory = False

    def files(self, members: Sequence[Member], launch: Launch, image: str | None) -> dict[str, str]:
        assert image is not None
        for member in members:
            reachable(member, "compose")
        services = {member.name: service(member, launch, image) for member in members}
        return {"compose.yaml": f"# {HEADER.format(fmt='compose')}\n" + document({"services": services})}


def service(member: Member, launch: Launch, image: str) -> dict[Any, Any]:
    entry: dict[Any, Any] = {
        Comment(drain_words(member)): None,
        "image": image,
        "command": [_literal(word) for word in launch.portable_argv(member.name)],
        "restart": "on-failure",
        "stop_signal": member.drain.signal,
        "stop_grace_period": f"{member.stop_budget}s",
    }
    if variables := environment(member, launch):
        entry["environment"] = {name: _literal(value) for name, value in variables.items()}
    if member.port is not None:
        # One copy publishes its port on the host; several share it behind whatever routes to them.
        key = "ports" if member.deploy.replicas == 1 else "expose"
        ports = [member.port, *(port for _, port in member.other_ports)]
        entry[key] = [f"{port}:{port}" if key == "ports" else str(port) for port in ports]
    entry.update(_healthcheck(member))
    deploy = _deploy(member)
    if deploy:
        entry["deploy"] = deploy
    return entry


def _healthcheck(member: Member) -> dict[Any, Any]:
    found = probe(member)
    if found.absent is not None:
        return {Comment(found.absent): None}
    test = ["CMD-SHELL", found.command] if found.command is not None else ["CMD", *python_check(found)]
    test = [_literal(word) for word in test]
    return {"healthcheck": {"test": test, "interval": "10s", "timeout": "15s", "retries": 3, "start_period": "60s"}}


def _literal(text: str) -> str:
    """``text`` as compose passes it on: compose reads ``$VAR`` in the file from the host's environment,
    ``$$`` is a ``$`` (a Celery node's ``${HOSTNAME}`` is the container's, read by its shell)."""
    return text.replace("$", "$$")


def _deploy(member: Member) -> dict[str, Any]:
    deploy: dict[str, Any] = {}
    if member.deploy.replicas != 1:
        deploy["replicas"] = member.deploy.replicas
    limits: dict[str, Any] = {}
    if member.deploy.cpu is not None:
        limits["cpus"] = f"{member.deploy.cpu:g}"
    if member.deploy.memory is not None:
        limits["memory"] = f"{member.deploy.memory}M"
    if limits:
        deploy["resources"] = {"limits": limits}
    return deploy


EXPORTER = Compose()
