"""The project the documentation's worker examples name (``mysite.celery.app``), for their tests."""
