"""Process backends: the legacy untyped interface and the typed one (``base``), and Granian."""
