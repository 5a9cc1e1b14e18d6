"""daphne: the ASGI development server (daphne's ``runserver``), started from PRODUCTION_PROCESSES.

- ``options``: the ARGS model: runserver's options, daphne's, and 3.x's other daphne keys;
- ``rules``: daphne in INSTALLED_APPS (first), ASGI_APPLICATION;
- ``rendering``: shared with the other development servers (``backends.django_runserver.rendering``);
- ``backend``: the backend class a setting names;
- ``catalogue``: an example setting for each check ID these rules emit.

``django_prodserver.backends.daphne.DaphneRunserver`` is also django-prodserver 3.x's deprecated path.
"""

from .backend import DaphneRunserver
from .options import DaphneRunserverArgs

__all__ = ["DaphneRunserver", "DaphneRunserverArgs"]
