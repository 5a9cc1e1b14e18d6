"""``manage.py worker [NAME]``: django-prodserver 3.x's command, ``prodserver`` for worker processes only."""

from __future__ import annotations

from .prodserver import Command as ProdserverCommand


class Command(ProdserverCommand):
    help = "Run a worker process of PRODUCTION_PROCESSES (the first worker by default); prodserver runs any."
    kind = "worker"
