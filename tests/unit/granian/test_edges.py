"""Granian's rules at their edges: a bound's exact value, and the branch a precedence test leaves out."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.checking import check, web


def ids(setting: dict[str, object]) -> list[str | None]:
    return [message.id for message in check(setting)]


@pytest.mark.parametrize(("workers", "expected"), [(512, []), (513, ["prodserver.W049"])])
def test_many_workers_warns_above_512(workers: int, expected: list[str | None]) -> None:
    assert ids(web({"workers": workers})) == expected


@pytest.fixture
def mounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()


@pytest.mark.usefixtures("mounts")
def test_routes_that_do_not_pair_with_mounts_are_one_error_not_also_shadowed() -> None:
    # E041 says the counts differ; which route shadows which means nothing until they pair up.
    setting = web({"static-path-mount": ["a", "b", "c"], "static-path-route": ["/static", "/static/css"]})
    assert ids(setting) == ["prodserver.E041"]


@pytest.mark.usefixtures("mounts")
def test_a_route_inside_an_earlier_one_is_shadowed() -> None:
    setting = web({"static-path-mount": ["a", "b"], "static-path-route": ["/static", "/static/css"]})
    assert ids(setting) == ["prodserver.W051"]
    longer_first = web({"static-path-mount": ["b", "a"], "static-path-route": ["/static/css", "/static"]})
    assert ids(longer_first) == []


@pytest.mark.parametrize(
    ("server", "metrics", "expected"),
    [
        ("127.0.0.1", "127.0.0.1", ["prodserver.E045"]),
        ("0.0.0.0", "127.0.0.1", ["prodserver.E045"]),
        ("127.0.0.1", "0.0.0.0", ["prodserver.E045"]),
        ("127.0.0.1", "127.0.0.2", []),
    ],
)
def test_the_metrics_port_collides_on_the_same_address_or_a_wildcard(
    server: str, metrics: str, expected: list[str]
) -> None:
    args = {"address": server, "port": 8000, "metrics": True, "metrics-address": metrics, "metrics-port": 8000}
    assert ids(web(args)) == expected
