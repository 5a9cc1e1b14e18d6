"""Granian's static routes and URL path prefix (``backends/granian/routes.py``), by their exact messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.checks import Error, Warning

from tests.unit.checking import ARGS, ASGI, WSGI, check, web


def test_static_routes_that_shadow_the_application_or_match_nothing(in_tmp: Path) -> None:
    setting = web({"static-path-mount": ["static", "media"], "static-path-route": ["/", "media"]})
    assert check(setting) == [
        Warning(
            f"{ARGS}['static-path-route'][0] is '/', which serves static files for every path: the application "
            "would never be reached.",
            hint="Use a path prefix such as '/static'.",
            id="prodserver.W048",
        ),
        Warning(
            f"{ARGS}['static-path-route'][1] is 'media', which does not start with '/': no request path matches it.",
            hint="Use a path prefix such as '/static'.",
            id="prodserver.W048",
        ),
    ]


def test_a_static_route_with_a_trailing_slash_matches_nothing(in_tmp: Path) -> None:
    assert check(web({"static-path-mount": "static", "static-path-route": "/static/"})) == [
        Warning(
            f"{ARGS}['static-path-route'][0] is '/static/', which ends with '/': Granian then matches only paths "
            "with '//' after it, so no file is served.",
            hint="Use a path prefix such as '/static'.",
            id="prodserver.W048",
        )
    ]


@pytest.mark.parametrize("routes", [["/s", "/s"], ["/s", "/s/media"]])
def test_a_static_route_inside_an_earlier_one_is_never_served(in_tmp: Path, routes: list[str]) -> None:
    assert check(web({"static-path-mount": ["static", "media"], "static-path-route": routes})) == [
        Warning(
            f"{ARGS}['static-path-route'][1] is {routes[1]!r}, inside static-path-route[0] '/s' listed before it: "
            "Granian serves every such path from the earlier route's mount, so static-path-mount[1] is never served.",
            hint="List the longer route first, or give each mount its own route.",
            id="prodserver.W051",
        )
    ]


@pytest.mark.parametrize("routes", [["/s/media", "/s"], ["/s", "/sm"], ["/static", "/media"]])
def test_static_routes_that_do_not_overlap_pass(in_tmp: Path, routes: list[str]) -> None:
    assert check(web({"static-path-mount": ["static", "media"], "static-path-route": routes})) == []


@pytest.mark.parametrize(
    ("prefix", "why", "hint"),
    [
        ("api", "does not start with '/'", "Write it as '/api'."),
        ("/api/", "ends with '/'", "Write it as '/api'."),
        ("/", "ends with '/'", "Remove the option to serve at the root."),
    ],
)
def test_a_url_path_prefix_django_cannot_strip_is_e053(prefix: str, why: str, hint: str) -> None:
    assert check(web({"url-path-prefix": prefix})) == [
        Error(
            f"{ARGS}['url-path-prefix'] is {prefix!r}, which {why}: Django would answer 404 to every request under it.",
            hint=hint,
            id="prodserver.E053",
        )
    ]


@pytest.mark.parametrize("backend", [ASGI, WSGI])
def test_a_url_path_prefix_of_a_path_passes(backend: str) -> None:
    assert check(web({"url-path-prefix": "/api/v1"}, backend)) == []
