"""The built-in backends: the only shared module (with the generated ``types.py``) that lists them.

Dotted paths, not classes: the check reads this on every ``manage.py`` command, and importing a
backend package is cheap but not free.
"""

from __future__ import annotations

BUILTIN_PACKAGES = (
    "django_prodserver.backends.granian",
    "django_prodserver.backends.gunicorn",
    "django_prodserver.backends.uvicorn",
    "django_prodserver.backends.celery",
    "django_prodserver.backends.django_tasks",
    "django_prodserver.backends.django_q2",
    "django_prodserver.backends.waitress",
    "django_prodserver.backends.django_runserver",
    "django_prodserver.backends.daphne",
    "django_prodserver.backends.werkzeug",
)
"""One package per tool; each has ``options``, ``rules``, ``rendering``, ``backend`` and ``catalogue``
(daphne and werkzeug render as Django's runserver does: ``django_runserver.rendering``)."""

BUILTIN_BACKENDS = (
    "django_prodserver.backends.granian.GranianASGIServer",
    "django_prodserver.backends.granian.GranianWSGIServer",
    "django_prodserver.backends.gunicorn.GunicornServer",
    "django_prodserver.backends.uvicorn.UvicornServer",
    "django_prodserver.backends.uvicorn.UvicornWSGIServer",
    "django_prodserver.backends.celery.CeleryWorker",
    "django_prodserver.backends.celery.CeleryBeat",
    "django_prodserver.backends.celery.CeleryFlower",
    "django_prodserver.backends.django_tasks.DjangoTasksWorker",
    "django_prodserver.backends.django_q2.DjangoQ2Worker",
    "django_prodserver.backends.waitress.WaitressServer",
    "django_prodserver.backends.django_runserver.DjangoRunserver",
    "django_prodserver.backends.daphne.DaphneRunserver",
    "django_prodserver.backends.werkzeug.WerkzeugRunserver",
)
"""The backends this package ships, by the dotted path a setting names them with."""

_V3 = "django_prodserver.backends."
COMPAT_PATHS = {
    f"{_V3}servers.granian.GranianASGIServer": f"{_V3}granian.GranianASGIServer",
    f"{_V3}servers.granian.GranianWSGIServer": f"{_V3}granian.GranianWSGIServer",
    f"{_V3}servers.gunicorn.GunicornServer": f"{_V3}gunicorn.GunicornServer",
    f"{_V3}servers.uvicorn.UvicornServer": f"{_V3}uvicorn.UvicornServer",
    f"{_V3}servers.uvicorn.UvicornWSGIServer": f"{_V3}uvicorn.UvicornWSGIServer",
    f"{_V3}servers.waitress.WaitressServer": f"{_V3}waitress.WaitressServer",
    f"{_V3}dev.django_runserver.DjangoRunserver": f"{_V3}django_runserver.DjangoRunserver",
    f"{_V3}dev.daphne.DaphneRunserver": f"{_V3}daphne.DaphneRunserver",
    f"{_V3}dev.werkzeug.WerkzeugRunserver": f"{_V3}werkzeug.WerkzeugRunserver",
    f"{_V3}dev.werkzeug.RunserverPlus": f"{_V3}werkzeug.WerkzeugRunserver",
    f"{_V3}werkzeug.RunserverPlus": f"{_V3}werkzeug.WerkzeugRunserver",
    f"{_V3}workers.celery.CeleryWorker": f"{_V3}celery.CeleryWorker",
    f"{_V3}workers.celery.CeleryBeat": f"{_V3}celery.CeleryBeat",
    f"{_V3}servers.flower.CeleryFlower": f"{_V3}celery.CeleryFlower",
    f"{_V3}workers.django_tasks.DjangoTasksWorker": f"{_V3}django_tasks.DjangoTasksWorker",
    f"{_V3}workers.django_q2.DjangoQ2Worker": f"{_V3}django_q2.DjangoQ2Worker",
}
"""django-prodserver 3.x's dotted paths -> the documented path of the same class here.

3.x's deprecated top-level modules (``backends.gunicorn``, ``backends.waitress``...) are this
version's packages, so their paths are documented ones already.
"""


APP_LOADING_GUARDS = ("django_prodserver.backends.django_q2.loading.judge_q_cluster",)
"""Settings another app reads while Django imports it, judged before (when this app is listed first):
a value that crashes that import is then one line, not a traceback in every management command.
Each is a backend's function, named here so that ``apps.py`` names no backend."""
