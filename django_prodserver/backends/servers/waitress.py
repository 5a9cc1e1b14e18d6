"""3.x's ``django_prodserver.backends.servers.waitress``: the typed waitress server."""

from ..waitress import WaitressServer

__all__ = ["WaitressServer"]
