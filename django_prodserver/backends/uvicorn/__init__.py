"""uvicorn: serve the Django project's ASGI application, or its WSGI one, with uvicorn.

- ``options`` and ``native``: the ARGS models, the common options and one field per option of uvicorn's CLI;
- ``rules``: what uvicorn refuses, ignores or changes that the models' types cannot say;
- ``rendering``: the ``uvicorn.Config`` keywords and the equivalent ``uvicorn`` command line;
- ``launch`` and ``threads``: the in-process start (they import uvicorn);
- ``backend``: the backend classes a setting names;
- ``catalogue``: an example setting for each check ID these rules emit.
"""

from .backend import UvicornBackend, UvicornServer, UvicornWSGIServer
from .options import UvicornArgs, UvicornASGIArgs, UvicornWSGIArgs

__all__ = [
    "UvicornASGIArgs",
    "UvicornArgs",
    "UvicornBackend",
    "UvicornServer",
    "UvicornWSGIArgs",
    "UvicornWSGIServer",
]
