from django.apps import AppConfig


class ProdserverConfig(AppConfig):
    name = "django_prodserver"
    verbose_name = "Production server"

    def ready(self) -> None:
        from django.core import checks

        from .checks import check_production_processes, check_production_processes_deploy

        checks.register(check_production_processes, "prodserver")
        checks.register(check_production_processes_deploy, "prodserver", deploy=True)
