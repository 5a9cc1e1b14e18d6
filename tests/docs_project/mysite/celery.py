"""``mysite.celery.app``, as the docs' examples name it: a Celery app on an in-memory broker."""

from celery import Celery

app = Celery("mysite", broker="memory://")
