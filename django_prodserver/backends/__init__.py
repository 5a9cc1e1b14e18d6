"""Process backends: the interfaces (``base``), and one package per tool (``backends/<tool>/``).

``registry`` lists the built-in backends; nothing else outside a backend's package names one.
"""
