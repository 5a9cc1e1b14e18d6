"""Model -> Granian: the in-process server call and the equivalent ``granian`` command line."""

MASK = "********"
"""How every output of the package shows a secret (the TLS key password)."""
