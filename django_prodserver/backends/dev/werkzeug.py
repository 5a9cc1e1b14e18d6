"""3.x's ``django_prodserver.backends.dev.werkzeug``: runserver_plus, typed (``RunserverPlus`` is its alias)."""

from ..werkzeug import RunserverPlus, WerkzeugRunserver

__all__ = ["RunserverPlus", "WerkzeugRunserver"]
