"""Granian: serve the Django project's ASGI or WSGI application with Granian 2.x.

- ``options``: the ARGS models, one field per option of Granian's CLI;
- ``rules``: what Granian refuses, ignores or changes that the models' types cannot say;
- ``rendering``: the in-process ``Server`` call and the equivalent ``granian`` command line;
- ``backend``: the backend classes a setting names;
- ``catalogue``: an example setting for each check ID these rules emit.
"""

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
