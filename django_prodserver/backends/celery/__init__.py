"""Celery: run a Celery worker, beat, or Flower for the app a process names with ``APP``.

- ``options``: the ARGS models, one field per option of Celery's click commands (and Flower's);
- ``app``: the app ``APP`` names and its broker's transport;
- ``rules``: what Celery refuses late, ignores or changes that the models' types cannot say;
- ``rendering``: the ``celery`` argv, copied by users and run in-process;
- ``backend``: the backend classes a setting names;
- ``catalogue``: an example setting for each check ID these rules emit.
"""

from .backend import CeleryBeat, CeleryProcess, CeleryWorker
from .options import CeleryArgs, CeleryBeatArgs, CeleryWorkerArgs

__all__ = ["CeleryArgs", "CeleryBeat", "CeleryBeatArgs", "CeleryProcess", "CeleryWorker", "CeleryWorkerArgs"]
