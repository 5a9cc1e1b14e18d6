"""What Granian serves at which URL path: its static file routes and the URL path prefix.

Granian matches a static route as a path prefix, before the application sees the request, and
hands Django the path without the prefix: a route or prefix written a little wrong serves
nothing, or hides the application.
"""

from __future__ import annotations

from ...args.values import SCRIPT_NAME_AS_TEXT
from ...problems import Problem, Severity
from ...rules.args import url_path_not_ascii
from .options import GranianArgs

E041 = "prodserver.E041"
E053 = "prodserver.E053"
W048 = "prodserver.W048"

W051 = "prodserver.W051"


def static_paths(args: GranianArgs, wsgi: bool) -> list[Problem]:
    mounts, routes = len(args.static_path_mount), len(args.static_path_route)
    # One mount needs no route: Granian serves it at /static.
    if not mounts or mounts == routes or (mounts == 1 and not routes):
        return []
    return [
        Problem(
            E041,
            Severity.ERROR,
            ("ARGS", "static_path_mount"),
            f"has {mounts} mount(s) for {routes} static-path-route(s); Granian refuses that.",
            "Give static-path-route one route per mount, in the same order.",
        )
    ]


def static_routes(args: GranianArgs, wsgi: bool) -> list[Problem]:
    """Granian matches a route as a path prefix, before the application sees the request."""
    if not args.static_path_mount:
        return []
    problems = []
    for index, route in enumerate(args.static_path_route):
        if route.strip() in {"", "/"}:
            why = "serves static files for every path: the application would never be reached"
        elif not route.startswith("/"):
            why = "does not start with '/': no request path matches it"
        elif route.endswith("/"):
            # Granian strips the route and needs a '/' after it: '/static/' matches only '/static//...'.
            why = "ends with '/': Granian then matches only paths with '//' after it, so no file is served"
        else:
            continue
        problems.append(
            Problem(
                W048,
                Severity.WARNING,
                ("ARGS", "static_path_route", index),
                f"is {route!r}, which {why}.",
                "Use a path prefix such as '/static'.",
            )
        )
    return problems


def shadowed_routes(args: GranianArgs, wsgi: bool) -> list[Problem]:
    """Granian tries the routes in order and serves from the first that matches, without falling through."""
    if len(args.static_path_mount) < 2 or len(args.static_path_mount) != len(args.static_path_route):
        return []
    problems = []
    routes = args.static_path_route
    for index, route in enumerate(routes):
        earlier = next(
            (
                (before, other)
                for before, other in enumerate(routes[:index])
                if other.startswith("/") and (route == other or route.startswith(other.rstrip("/") + "/"))
            ),
            None,
        )
        if earlier is None:
            continue
        before, other = earlier
        problems.append(
            Problem(
                W051,
                Severity.WARNING,
                ("ARGS", "static_path_route", index),
                f"is {route!r}, inside static-path-route[{before}] {other!r} listed before it: Granian serves "
                f"every such path from the earlier route's mount, so static-path-mount[{index}] is never served.",
                "List the longer route first, or give each mount its own route.",
            )
        )
    return problems


def url_path_prefix(args: GranianArgs, wsgi: bool) -> list[Problem]:
    """Django strips the prefix (ASGI root_path, WSGI SCRIPT_NAME) and resolves the rest, which must start with '/'."""
    prefix = args.url_path_prefix
    if prefix is None:
        return []
    if wsgi and not prefix.isascii():
        return [url_path_not_ascii(prefix, ("ARGS", "url_path_prefix"), SCRIPT_NAME_AS_TEXT.format(server="Granian"))]
    if not prefix.startswith("/"):
        why = "does not start with '/'"
    elif prefix.endswith("/"):
        why = "ends with '/'"
    else:
        return []
    suggestion = "/" + prefix.strip("/")
    return [
        Problem(
            E053,
            Severity.ERROR,
            ("ARGS", "url_path_prefix"),
            f"is {prefix!r}, which {why}: Django would answer 404 to every request under it.",
            f"Write it as {suggestion!r}." if suggestion != "/" else "Remove the option to serve at the root.",
        )
    ]
