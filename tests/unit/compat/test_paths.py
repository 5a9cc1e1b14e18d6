"""django-prodserver 3.x's backend paths resolve to this version's typed backends."""

from __future__ import annotations

import pytest
from django.utils.module_loading import import_string

from django_prodserver.backends.base import TypedBackend
from django_prodserver.registry import BUILTIN_BACKENDS, COMPAT_PATHS


@pytest.mark.parametrize(("old", "documented"), COMPAT_PATHS.items(), ids=list(COMPAT_PATHS))
def test_a_3x_path_names_the_documented_class(old: str, documented: str) -> None:
    backend = import_string(old)

    assert backend is import_string(documented)
    assert issubclass(backend, TypedBackend)
    assert documented in BUILTIN_BACKENDS


def test_3x_top_level_modules_are_this_versions_packages() -> None:
    # 3.x's deprecated `backends.waitress`, `backends.werkzeug`...: the documented paths now.
    for path in (
        "django_prodserver.backends.waitress.WaitressServer",
        "django_prodserver.backends.django_runserver.DjangoRunserver",
        "django_prodserver.backends.daphne.DaphneRunserver",
        "django_prodserver.backends.werkzeug.WerkzeugRunserver",
    ):
        assert path in BUILTIN_BACKENDS
    assert issubclass(import_string("django_prodserver.backends.werkzeug.RunserverPlus"), TypedBackend)


def test_every_dev_and_server_module_of_3x_is_kept() -> None:
    modules = {path.rpartition(".")[0] for path in COMPAT_PATHS}

    assert modules >= {
        "django_prodserver.backends.servers.granian",
        "django_prodserver.backends.servers.gunicorn",
        "django_prodserver.backends.servers.uvicorn",
        "django_prodserver.backends.servers.waitress",
        "django_prodserver.backends.servers.flower",
        "django_prodserver.backends.dev.django_runserver",
        "django_prodserver.backends.dev.daphne",
        "django_prodserver.backends.dev.werkzeug",
    }
