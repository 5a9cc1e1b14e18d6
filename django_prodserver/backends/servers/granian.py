"""3.x's ``django_prodserver.backends.servers.granian``: the typed Granian ASGI and WSGI servers."""

from ..granian import GranianASGIServer, GranianWSGIServer

__all__ = ["GranianASGIServer", "GranianWSGIServer"]
