"""A fleet member read from its backend's listeners, whatever the backend: typed, 3.x, server or worker."""

from __future__ import annotations

from typing import Any

import pytest

from django_prodserver.backends.base import BaseServerBackend
from django_prodserver.fleet.export import ExportError
from django_prodserver.fleet.export.common import reachable
from django_prodserver.fleet.plan import Member, member
from django_prodserver.validation import validate_process

from .project import GRANIAN, GUNICORN, TASKS


class LegacyServer(BaseServerBackend):
    """A server written for django-prodserver 3.x: it says nothing of where it listens."""


def planned(backend: str, args: dict[str, Any]) -> Member:
    config = {"BACKEND": backend, "ARGS": args}
    report = validate_process("web", config)
    # Valid ARGS are what a member is read from (a worker's database is judged elsewhere).
    assert report.args is not None, report.problems
    return member(report, config)


def test_a_server_on_a_port_and_its_other_ports() -> None:
    args = {"address": "0.0.0.0", "port": 8000, "metrics": True, "metrics-address": "0.0.0.0", "metrics-port": 9090}
    planned_member = planned(GRANIAN, args)
    assert (planned_member.kind, planned_member.listens_via, planned_member.host, planned_member.port) == (
        "server",
        "tcp",
        "0.0.0.0",
        8000,
    )
    assert (planned_member.port_option, planned_member.other_ports) == ("--port", (("metrics-port", 9090),))
    reachable(planned_member, "compose")


def test_gunicorns_bind_sets_the_port_and_its_override() -> None:
    planned_member = planned(GUNICORN, {"bind": ["[::]:8001", "0.0.0.0:8002"]})
    assert (planned_member.host, planned_member.port, planned_member.port_option) == ("::", 8001, "--bind")
    assert planned_member.port_override("$PORT") == ["--bind", "[::]:$PORT"]


@pytest.mark.parametrize(
    ("args", "via"),
    [({"bind": ["unix:/run/web.sock"]}, "unix"), ({"bind": ["fd://3"]}, "fd")],
)
def test_a_server_without_a_port_cannot_be_routed_to(args: dict[str, Any], via: str) -> None:
    planned_member = planned(GUNICORN, args)
    assert (planned_member.listens_via, planned_member.port, planned_member.port_option) == (via, None, None)
    with pytest.raises(ExportError) as raised:
        reachable(planned_member, "compose")
    assert str(raised.value) == (
        "Process 'web' listens on a Unix socket, which compose cannot route to; give it an address and a port."
    )


def test_a_3x_server_is_a_server_whose_address_is_unknown() -> None:
    planned_member = planned(f"{__name__}.LegacyServer", {"bind": "0.0.0.0:8000"})
    assert (planned_member.kind, planned_member.listens_via, planned_member.port) == ("server", None, None)
    # Nothing is known of where it listens: the export does not refuse it (nor probe it).
    reachable(planned_member, "compose")


def test_a_worker_listens_nowhere() -> None:
    planned_member = planned(TASKS, {})
    assert (planned_member.kind, planned_member.listens_via, planned_member.port) == ("worker", None, None)
