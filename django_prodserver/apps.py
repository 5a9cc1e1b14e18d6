"""The app: it registers the ``prodserver`` checks, and nothing more at start.

Every ``manage.py`` command runs :meth:`ProdserverConfig.ready`, most never a check: the checks
are registered as thin functions here, and :mod:`.checks` (validation, pydantic, the backends'
models) is imported only when a check runs.
"""

import importlib
from typing import Any

from django.apps import AppConfig
from django.core import checks

from .registry import APP_LOADING_GUARDS


def check_production_processes(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Everything wrong with ``PRODUCTION_PROCESSES``, except production advice."""
    from .checks import check_production_processes as check

    return check(app_configs, **kwargs)


def check_production_processes_deploy(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Production advice on ``PRODUCTION_PROCESSES``, for ``check --deploy``."""
    from .checks import check_production_processes_deploy as check

    return check(app_configs, **kwargs)


class ProdserverConfig(AppConfig):
    name = "django_prodserver"
    verbose_name = "Production server"

    def __init__(self, app_name: str, app_module: Any) -> None:
        # Django creates the app configs in INSTALLED_APPS order, importing each app's module.
        super().__init__(app_name, app_module)
        for dotted in APP_LOADING_GUARDS:
            module, _, name = dotted.rpartition(".")
            getattr(importlib.import_module(module), name)()

    def ready(self) -> None:
        checks.register(check_production_processes, "prodserver")
        checks.register(check_production_processes_deploy, "prodserver", deploy=True)
