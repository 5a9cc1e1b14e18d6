"""Process backends: the interfaces (``base``), and one package per tool (``backends/<tool>/``).

``django_prodserver.registry`` lists the built-in backends by dotted path; nothing else outside a
backend's package names one.  ``servers``, ``dev`` and ``workers`` are 3.x's paths of the same classes.
"""
