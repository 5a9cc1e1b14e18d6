"""Model -> Granian: the in-process server call and the equivalent ``granian`` command line."""
