"""3.x's ``django_prodserver.backends.workers.django_tasks``: the typed django-tasks database worker."""

from ..django_tasks import DjangoTasksWorker

__all__ = ["DjangoTasksWorker"]
