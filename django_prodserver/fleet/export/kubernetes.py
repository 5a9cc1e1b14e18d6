"""Kubernetes manifests: a Deployment per process, and a Service per server.

Pod termination, as Kubernetes runs it: the pod leaves its Service's endpoints while its ``preStop``
hook sleeps (:data:`~..plan.PRE_STOP` s, so that no new request is routed to it), then the container
gets SIGTERM, then SIGKILL at ``terminationGracePeriodSeconds`` = the sleep + the process's stop budget.
Kubernetes sends the image's STOPSIGNAL (SIGTERM unless the image says otherwise).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..launch import Launch
from ..plan import PRE_STOP, Member
from . import HEADER, ExportError
from .common import Probe, drain_words, environment, probe, reachable
from .yaml import Comment, document

_LABEL = "app.kubernetes.io/name"
_NAME = re.compile(r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\Z")


class Kubernetes:
    needs_image = True
    needs_directory = False

    def files(self, members: Sequence[Member], launch: Launch, image: str | None) -> dict[str, str]:
        assert image is not None
        documents = []
        for member in members:
            reachable(member, "kubernetes")
            documents.append(document(deployment(member, launch, image)))
            if member.port is not None:
                documents.append(document(service(member)))
        return {"kubernetes.yaml": f"# {HEADER.format(fmt='kubernetes')}\n" + "---\n".join(documents)}


def resource_name(member: Member) -> str:
    """The process's name as Kubernetes names objects (RFC 1123 labels): ``celery_worker`` -> ``celery-worker``."""
    name = member.name.lower().replace("_", "-").replace(".", "-")
    if not _NAME.match(name):
        raise ExportError(
            f"Process {member.name!r} has no Kubernetes name: {name!r} is not lowercase letters, digits and '-' "
            "(63 at most); rename the process."
        )
    return name


def deployment(member: Member, launch: Launch, image: str) -> dict[Any, Any]:
    name = resource_name(member)
    labels = {_LABEL: name, "app.kubernetes.io/component": member.kind, "app.kubernetes.io/managed-by": "prodserver"}
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": name, "labels": labels},
        "spec": {
            "replicas": member.deploy.replicas,
            "selector": {"matchLabels": {_LABEL: name}},
            "template": {
                "metadata": {"labels": labels},
                "spec": {
                    Comment(drain_words(member)): None,
                    "terminationGracePeriodSeconds": PRE_STOP + member.stop_budget,
                    "containers": [container(member, launch, image, name)],
                },
            },
        },
    }


def container(member: Member, launch: Launch, image: str, name: str) -> dict[Any, Any]:
    entry: dict[Any, Any] = {
        "name": name,
        "image": image,
        "command": launch.portable_argv(member.name),
        # Kubernetes expands $(VAR) in a value; $$( is a literal $(.
        "env": [
            {"name": key, "value": value.replace("$(", "$$(")} for key, value in environment(member, launch).items()
        ],
        # The image's Python sleeps: no shell or sleep binary needed in it.
        "lifecycle": {"preStop": {"exec": {"command": ["python", "-c", f"import time; time.sleep({PRE_STOP})"]}}},
    }
    if member.port is not None:
        others = [{"name": _port_name(name), "containerPort": port} for name, port in member.other_ports]
        entry["ports"] = [{"name": "http", "containerPort": member.port}, *others]
    entry.update(_probes(probe(member)))
    if resources := _resources(member):
        entry["resources"] = resources
    return entry


def _probes(found: Probe) -> dict[Any, Any]:
    if found.absent is not None:
        return {Comment(found.absent): None}
    if found.command is not None:
        # A worker receives no traffic: liveness only, with its own command.
        action: dict[str, Any] = {"exec": {"command": ["sh", "-c", found.command]}}
        return {"livenessProbe": {**action, "periodSeconds": 30, "timeoutSeconds": 15, "failureThreshold": 3}}
    if found.path is not None:
        action = {"httpGet": {"path": found.path, "port": "http", "scheme": found.scheme.upper()}}
    else:
        action = {"tcpSocket": {"port": "http"}}
    return {
        # Liveness waits for the start-up probe: a slow first start is not a failure.
        "startupProbe": {**action, "periodSeconds": 2, "failureThreshold": 60},
        "readinessProbe": {**action, "periodSeconds": 5, "failureThreshold": 2},
        "livenessProbe": {**action, "periodSeconds": 10, "failureThreshold": 3},
    }


def _resources(member: Member) -> dict[str, Any]:
    limits: dict[str, Any] = {}
    if member.deploy.cpu is not None:
        limits["cpu"] = f"{round(member.deploy.cpu * 1000)}m"
    if member.deploy.memory is not None:
        limits["memory"] = f"{member.deploy.memory}Mi"
    return {"requests": dict(limits), "limits": limits} if limits else {}


def service(member: Member) -> dict[str, Any]:
    name = resource_name(member)
    return {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": name},
        "spec": {
            "selector": {_LABEL: name},
            "ports": [
                {"name": "http", "port": member.port, "targetPort": "http"},
                *(
                    {"name": _port_name(option), "port": port, "targetPort": _port_name(option)}
                    for option, port in member.other_ports
                ),
            ],
        },
    }


def _port_name(option: str) -> str:
    """A port's name from the option that sets it (``metrics-port`` -> ``metrics``): 15 characters at most."""
    return option.removesuffix("-port")[:15]


EXPORTER = Kubernetes()
