"""3.x's ``django_prodserver.backends.servers.flower``: the typed Flower server."""

from ..celery import CeleryFlower

__all__ = ["CeleryFlower"]
