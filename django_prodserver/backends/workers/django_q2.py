"""3.x's ``django_prodserver.backends.workers.django_q2``: the typed django-q2 cluster."""

from ..django_q2 import DjangoQ2Worker

__all__ = ["DjangoQ2Worker"]
