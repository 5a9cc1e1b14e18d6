"""The fleet: every process of the setting run together (``prodserver --all``), and exported to the
engines that run Django in production (``prodserver --export``).

Imported only by those two modes of the command: the checks of ``DEPLOY`` and
``PRODUCTION_PLATFORM`` live below validation (``args/deploy.py``, ``args/platform.py``,
``rules/deploy_key.py``, ``rules/platform.py``), because ``check`` reports them.
"""
