"""Django's ``runserver``: the development server, started from PRODUCTION_PROCESSES.

- ``options``: the ARGS model of ``runserver``, which the other development servers extend;
- ``rules``: what runserver refuses (an ``addrport`` that does not parse...), shared by them;
- ``rendering``: the ``call_command`` keywords and the equivalent ``python manage.py`` line;
- ``backend``: the backend classes (and the base of the daphne and Werkzeug ones);
- ``catalogue``: an example setting for each check ID these rules emit.

``django_prodserver.backends.django_runserver.DjangoRunserver`` is also django-prodserver 3.x's deprecated path.
"""

from .backend import DjangoRunserver, RunserverBackend
from .options import RunserverArgs

__all__ = ["DjangoRunserver", "RunserverArgs", "RunserverBackend"]
