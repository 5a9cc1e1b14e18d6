"""3.x's ``django_prodserver.backends.dev.daphne``: daphne's runserver, typed."""

from ..daphne import DaphneRunserver

__all__ = ["DaphneRunserver"]
