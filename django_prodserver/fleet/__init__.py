"""The fleet: every process of the setting run together (``prodserver --all``), exported to the engines
that run Django in production (``prodserver --export``), and checked against the platform's stop budget.

Nothing here is imported by the system check except :mod:`.deploy` and :mod:`.platform` (small,
pydantic only); the runner and the exporters are imported by the command when asked for.
"""
