"""``mysite.celery.app``, as the docs' examples name it: a Celery app on an in-memory broker."""

from celery import Celery  # type: ignore[import-untyped]

app = Celery("mysite", broker="memory://")
