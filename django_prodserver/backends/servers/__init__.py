"""django-prodserver 3.x's paths of the server backends, kept so that existing settings keep working.

Each module re-exports the typed backend of this version (``backends.granian``, ``backends.gunicorn``,
``backends.uvicorn``, ``backends.waitress``); either path names the same class, and the documented
one is ``django_prodserver.backends.<tool>`` (``django_prodserver.registry.COMPAT_PATHS`` maps them).
"""
