"""Rules over ``PRODUCTION_PROCESSES`` shared by every backend, one module per concern; pure, no Django.

- :mod:`.shape`: the setting and each process entry (keys, ``BACKEND``, the type of ``ARGS``);
- :mod:`.args`: pydantic's errors on ARGS, each turned into one problem;
- :mod:`.files`, :mod:`.dependencies`, :mod:`.packages`: what each option's metadata says it needs;
- :mod:`.tls`, :mod:`.application`, :mod:`.addresses`: a key pair, the application, two processes on one port;
- :mod:`.files`: files and directories named by ARGS;
- :mod:`.environment`: what the options need from this machine (extra packages, the platform);
- :mod:`.deploy`: production advice, shown by ``check --deploy``.

Every rule returns problems relative to what it inspects, with messages that follow the
location (see :mod:`django_prodserver.problems`).
"""
