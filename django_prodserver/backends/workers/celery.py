"""3.x's ``django_prodserver.backends.workers.celery``: the typed Celery worker and beat."""

from ..celery import CeleryBeat, CeleryWorker

__all__ = ["CeleryBeat", "CeleryWorker"]
