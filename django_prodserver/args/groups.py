"""The groups options are listed under: one closed vocabulary for every backend.

An option's group is the section ``prodserver --help`` lists it under, and the rules that judge
options by what they are about read it too (Granian's W052 warns about the options of the HTTP
version ``http`` does not serve; runserver's W104 about the keys 3.x read and the command ignores).
A group is one of :data:`Group`, so that a misspelt or a new one fails ``mypy`` where it is
declared, and a model built with another fails when its class is defined (``BackendArgs``).
:data:`GROUPS` says what each one holds; ``docs/contributing.md`` lists them from it.
"""

from __future__ import annotations

from typing import Literal, get_args

Group = Literal[
    "binding",
    "workers",
    "worker lifecycle",
    "timeouts",
    "limits",
    "buffers",
    "HTTP",
    "HTTP/1",
    "HTTP/2",
    "websockets",
    "protocols",
    "TLS",
    "proxy",
    "static files",
    "application and process",
    "server mechanics",
    "server hooks",
    "control socket",
    "dirty arbiters",
    "logging",
    "metrics",
    "reloader",
    "development",
    "3.x",
    "deploy",
    "platform",
    "celery",
    "queues",
    "pool",
    "beat",
    "flower",
    "auth",
    "state",
    "cluster",
    "Q_CLUSTER",
]
"""The section an option is listed under (its ``group``)."""

GROUPS: dict[Group, str] = {
    "binding": "Where the process listens: address, port, Unix socket, file descriptor, backlog.",
    "workers": "How many processes and threads do the work, of which kind, and how each takes its work.",
    "worker lifecycle": "When workers are restarted or stopped: request counts, lifetimes, graceful timeouts.",
    "timeouts": "How long a connection may stay idle or a handshake may take.",
    "limits": "Bounds on one request or task: line, header and field sizes, time, memory, tasks per child.",
    "buffers": "Sizes of the buffers between the socket and the application.",
    "HTTP": "How requests are read and answered: URL scheme and prefix, headers, request sizes.",
    "HTTP/1": "Options of HTTP/1 connections only (Granian ignores them when http is '2').",
    "HTTP/2": "Options of HTTP/2 connections only (Granian ignores them when http is '1').",
    "websockets": "WebSocket connections: on or off, implementation, frame and queue sizes, pings.",
    "protocols": "Which protocols and implementations serve: HTTP version, event loop, lifespan.",
    "TLS": "Certificates, private keys and their password, client verification, ciphers.",
    "proxy": "Which reverse proxy is trusted, and which of its headers are read.",
    "static files": "Files the server serves itself, not through Django.",
    "application and process": "How the application is loaded, and the process itself: directory, user, PID file.",
    "server mechanics": "gunicorn's 'Server Mechanics' and 'Process Naming' settings, as its documentation has them.",
    "server hooks": "gunicorn's server hooks: dotted paths of callables it calls at points of its life.",
    "control socket": "gunicorn's control socket (gunicornc).",
    "dirty arbiters": "gunicorn's dirty arbiters: the workers of long-running, non-request work.",
    "logging": "Log levels, destinations and formats, and the access log.",
    "metrics": "The metrics the server exposes.",
    "reloader": "Restarting on code changes, and the debugging aids of development.",
    "development": "The development server's debugger and interactive aids.",
    "3.x": "Keys django-prodserver 3.x read that the command has no option for: accepted, never passed.",
    "deploy": "What a deployment of the process needs: replicas, health path, environment, CPU and memory.",
    "platform": "Where the processes run, and how that platform stops them (timeout, signal).",
    "celery": "Celery's global options: the app's broker, result backend, loader, configuration.",
    "queues": "Which queues a worker consumes.",
    "pool": "The Celery worker's pool: its kind, its concurrency, how its children start.",
    "beat": "Celery beat: its scheduler and schedule.",
    "flower": "Flower's dashboard: what it shows and how it reads the cluster.",
    "auth": "Who may use Flower: basic authentication, OAuth.",
    "state": "Flower's state kept across restarts.",
    "cluster": "django-q2's qcluster command: its own options.",
    "Q_CLUSTER": "The keys of django-q2's own Q_CLUSTER setting, which check validates too (not ARGS).",
}
"""What each group holds."""

assert tuple(GROUPS) == get_args(Group), "GROUPS says what every group holds, in Group's order"


def is_group(text: object) -> bool:
    """Whether ``text`` is one of the groups (a third-party backend's model is not type-checked)."""
    return text in GROUPS


__all__ = ["GROUPS", "Group", "is_group"]
