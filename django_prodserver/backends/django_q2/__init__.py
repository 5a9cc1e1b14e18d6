"""django-q2: run a django-q2 cluster (``manage.py qcluster``) and validate ``settings.Q_CLUSTER``.

- ``options``: the ARGS model of ``qcluster`` and the model of Q_CLUSTER;
- ``rules``: django-q2's app, Q_CLUSTER's values, broker and timeouts;
- ``rendering``: the ``qcluster`` argv, copied by users and run in-process;
- ``backend``: the backend class a setting names;
- ``catalogue``: an example setting for each check ID these rules emit.
"""

from .backend import DjangoQ2Worker
from .options import DjangoQ2Args, QClusterSettings

__all__ = ["DjangoQ2Args", "DjangoQ2Worker", "QClusterSettings"]
