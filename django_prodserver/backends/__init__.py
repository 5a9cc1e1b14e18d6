"""Process backends: the legacy untyped interface and the typed one (``base``), and Granian."""

BUILTIN_BACKENDS = (
    "django_prodserver.backends.granian.GranianASGIServer",
    "django_prodserver.backends.granian.GranianWSGIServer",
)
"""The backends this package ships, by the dotted path a setting names them with."""
