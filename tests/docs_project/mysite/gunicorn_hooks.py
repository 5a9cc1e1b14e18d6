"""The gunicorn hook the documentation's example names (``mysite.gunicorn_hooks.post_fork``)."""

from typing import Any


def post_fork(server: Any, worker: Any) -> None:
    """Called in each worker after gunicorn forks it."""
