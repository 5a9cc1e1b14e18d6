"""Werkzeug: django-extensions' ``runserver_plus`` (Werkzeug's debugger), started from PRODUCTION_PROCESSES.

- ``options``: the ARGS model: runserver_plus' options and 3.x's other Werkzeug keys;
- ``rules``: django-extensions in INSTALLED_APPS, ``processes`` it cannot serve;
- ``rendering``: shared with the other development servers (``backends.django_runserver.rendering``);
- ``backend``: the backend classes a setting names (``RunserverPlus`` is 3.x's alias);
- ``catalogue``: an example setting for each check ID these rules emit.

``django_prodserver.backends.werkzeug.WerkzeugRunserver`` is also django-prodserver 3.x's deprecated path.
"""

from .backend import RunserverPlus, WerkzeugRunserver
from .options import WerkzeugRunserverArgs

__all__ = ["RunserverPlus", "WerkzeugRunserver", "WerkzeugRunserverArgs"]
