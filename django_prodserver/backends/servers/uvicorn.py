"""3.x's ``django_prodserver.backends.servers.uvicorn``: the typed uvicorn ASGI and WSGI servers."""

from ..uvicorn import UvicornServer, UvicornWSGIServer

__all__ = ["UvicornServer", "UvicornWSGIServer"]
