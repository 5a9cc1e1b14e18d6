"""``manage.py server [NAME]``: django-prodserver 3.x's command, ``prodserver`` for server processes only."""

from __future__ import annotations

from .prodserver import Command as ProdserverCommand


class Command(ProdserverCommand):
    help = "Run a server process of PRODUCTION_PROCESSES (the first server by default); prodserver runs any."
    kind = "server"
