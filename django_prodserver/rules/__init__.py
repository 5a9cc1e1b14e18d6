"""Rules over ``PRODUCTION_PROCESSES``, one module per concern; pure, no Django, no granian import.

- :mod:`.shape`: the setting and each process entry (keys, ``BACKEND``, the type of ``ARGS``);
- :mod:`.args`: pydantic's errors on ARGS, each turned into one problem;
- :mod:`.granian`: combinations of valid Granian options that Granian refuses, ignores or changes;
- :mod:`.files`: files and directories named by ARGS;
- :mod:`.environment`: what the options need from this machine (extra packages, the platform);
- :mod:`.deploy`: production advice, shown by ``check --deploy``.

Every rule returns problems relative to what it inspects, with messages that follow the
location (see :mod:`django_prodserver.problems`).
"""
