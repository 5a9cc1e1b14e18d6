"""Granian: serve the Django project's ASGI or WSGI application with Granian 2.x.

- ``options``: the ARGS models, one field per option of Granian's CLI;
- ``rules``: what Granian refuses, ignores or changes that the models' types cannot say;
- ``rendering``: the in-process ``Server`` call and the equivalent ``granian`` command line;
- ``backend``: the backend classes a setting names; ``launch``: the process that serves (imports Granian);
- ``catalogue``: an example setting for each check ID these rules emit.
"""

from typing import TYPE_CHECKING

from ..lazy import lazy_attributes

if TYPE_CHECKING:
    from .backend import GranianASGIServer, GranianServer, GranianWSGIServer
    from .options import GranianArgs, GranianASGIArgs, GranianWSGIArgs

__all__ = [
    "GranianASGIArgs",
    "GranianASGIServer",
    "GranianArgs",
    "GranianServer",
    "GranianWSGIArgs",
    "GranianWSGIServer",
]
# Imported when first used: the launcher, a module of this package, imports no pydantic model.
__getattr__ = lazy_attributes(
    __name__,
    {
        **dict.fromkeys(("GranianASGIServer", "GranianServer", "GranianWSGIServer"), ".backend"),
        **dict.fromkeys(("GranianArgs", "GranianASGIArgs", "GranianWSGIArgs"), ".options"),
    },
)
