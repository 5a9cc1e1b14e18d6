"""Celery: run a Celery worker, beat, or Flower for the app a process names with ``APP``.

- ``options``, ``flower_options``: the ARGS models, one field per option of Celery's click commands
  and of Flower's tornado options;
- ``app``: the app ``APP`` names and its broker's transport;
- ``rules``, ``flower_rules``: what Celery and Flower refuse late, ignore or change that the models'
  types cannot say;
- ``rendering``: the ``celery`` argv, copied by users and run in-process;
- ``backend``: the backend classes a setting names;
- ``catalogue``: an example setting for each check ID these rules emit.
"""

from .backend import CeleryBeat, CeleryFlower, CeleryProcess, CeleryWorker
from .flower_options import FlowerArgs
from .options import CeleryArgs, CeleryBeatArgs, CeleryWorkerArgs

__all__ = [
    "CeleryArgs",
    "CeleryBeat",
    "CeleryBeatArgs",
    "CeleryFlower",
    "CeleryProcess",
    "CeleryWorker",
    "CeleryWorkerArgs",
    "FlowerArgs",
]
