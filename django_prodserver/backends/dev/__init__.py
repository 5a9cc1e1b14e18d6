"""django-prodserver 3.x's paths of the development servers, kept so that existing settings keep working.

Each module re-exports the typed backend of this version (``backends.django_runserver``,
``backends.daphne``, ``backends.werkzeug``); the documented path is ``django_prodserver.backends.<tool>``.
"""
