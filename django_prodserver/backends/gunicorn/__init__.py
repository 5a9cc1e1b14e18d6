"""gunicorn: serve the Django project's WSGI application (or its ASGI one, with an ASGI worker class) with gunicorn 27.

- ``options``: the ARGS model: the common options, then gunicorn's settings (``settings_*``, generated
  from its registry, and ``hooks``);
- ``rules`` (with ``lookups`` and ``sources``): what gunicorn refuses, ignores or changes that the types cannot say;
- ``rendering``: gunicorn's settings and the equivalent ``gunicorn`` command line;
- ``backend``: the backend class a setting names; ``launch``: the in-process start (imports gunicorn);
- ``catalogue``: an example setting for each check ID these rules emit.
"""

from typing import TYPE_CHECKING

from ..lazy import lazy_attributes

if TYPE_CHECKING:
    from .backend import GunicornServer
    from .options import GunicornArgs

__all__ = ["GunicornArgs", "GunicornServer"]
# Imported when first used: the launcher, a module of this package, imports no pydantic model.
__getattr__ = lazy_attributes(__name__, {"GunicornServer": ".backend", "GunicornArgs": ".options"})
