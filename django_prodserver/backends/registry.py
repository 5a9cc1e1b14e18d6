"""The built-in backends: the only shared module (with the generated ``types.py``) that lists them.

Dotted paths, not classes: the check reads this on every ``manage.py`` command, and importing a
backend package is cheap but not free.
"""

from __future__ import annotations

BUILTIN_PACKAGES = ("django_prodserver.backends.granian",)
"""One package per tool; each has ``options``, ``rules``, ``rendering``, ``backend`` and ``catalogue``."""

BUILTIN_BACKENDS = (
    "django_prodserver.backends.granian.GranianASGIServer",
    "django_prodserver.backends.granian.GranianWSGIServer",
)
"""The backends this package ships, by the dotted path a setting names them with."""
