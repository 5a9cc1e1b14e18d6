"""3.x's ``django_prodserver.backends.servers.gunicorn``: the typed gunicorn server."""

from ..gunicorn import GunicornServer

__all__ = ["GunicornServer"]
