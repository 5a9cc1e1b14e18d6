"""uvicorn: serve the Django project's ASGI application, or its WSGI one, with uvicorn.

- ``options`` and ``native``: the ARGS models, the common options and one field per option of uvicorn's CLI;
- ``rules``: what uvicorn refuses, ignores or changes that the models' types cannot say;
- ``rendering``: the ``uvicorn.Config`` keywords and the equivalent ``uvicorn`` command line;
- ``launch`` and ``threads``: the in-process start (they import uvicorn);
- ``backend``: the backend classes a setting names;
- ``catalogue``: an example setting for each check ID these rules emit.
"""

from typing import TYPE_CHECKING

from ..lazy import lazy_attributes

if TYPE_CHECKING:
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
# Imported when first used: the launcher, a module of this package, imports no pydantic model.
__getattr__ = lazy_attributes(
    __name__,
    {
        **dict.fromkeys(("UvicornBackend", "UvicornServer", "UvicornWSGIServer"), ".backend"),
        **dict.fromkeys(("UvicornArgs", "UvicornASGIArgs", "UvicornWSGIArgs"), ".options"),
    },
)
