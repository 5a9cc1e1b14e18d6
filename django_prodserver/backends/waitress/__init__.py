"""waitress: serve the Django project's WSGI application with waitress 3 (pure Python, any platform).

- ``options``: the ARGS model, one field per option of waitress' ``Adjustments``;
- ``rules``: what waitress refuses together, ignores or changes that the model's types cannot say;
- ``rendering``: the ``waitress.serve`` keywords and the equivalent ``waitress-serve`` command line;
- ``backend``: the backend class a setting names;
- ``catalogue``: an example setting for each check ID these rules emit.

``django_prodserver.backends.waitress.WaitressServer`` is also django-prodserver 3.x's deprecated path.
"""

from typing import TYPE_CHECKING

from ..lazy import lazy_attributes

if TYPE_CHECKING:
    from .backend import WaitressServer
    from .options import WaitressArgs

__all__ = ["WaitressArgs", "WaitressServer"]
# Imported when first used: the launcher, a module of this package, imports no pydantic model.
__getattr__ = lazy_attributes(__name__, {"WaitressServer": ".backend", "WaitressArgs": ".options"})
