"""django-prodserver 3.x's paths of the worker backends, kept so that existing settings keep working.

Each module re-exports the typed backend of this version (``backends.celery``,
``backends.django_tasks``, ``backends.django_q2``); either path names the same class.
"""
