"""3.x's ``django_prodserver.backends.dev.django_runserver``: Django's runserver, typed."""

from ..django_runserver import DjangoRunserver

__all__ = ["DjangoRunserver"]
