"""A Django project with every worker tool installed: the integration tests run its processes.

Everything it writes (database, broker folders, marker files) goes to ``$WORKERS_DIR``.
"""
