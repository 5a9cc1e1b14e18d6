"""The four measurements: serving overhead, peers, start-up (with memory), ``manage.py check``."""
