"""A django-prodserver 3.x settings file, kept as its users wrote it, that this version must accept."""
