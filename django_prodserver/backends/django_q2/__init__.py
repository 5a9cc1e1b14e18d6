"""django-q2: run a django-q2 cluster (``manage.py qcluster``) and validate ``settings.Q_CLUSTER``.

- ``options``: the ARGS model of ``qcluster`` and the model of Q_CLUSTER;
- ``rules``: django-q2's app, Q_CLUSTER's values, broker and timeouts;
- ``rendering``: the ``qcluster`` argv, copied by users and run in-process;
- ``backend``: the backend class a setting names;
- ``catalogue``: an example setting for each check ID these rules emit;
- ``loading``: Q_CLUSTER judged before django-q2 reads it, while Django imports the apps.
"""

from typing import TYPE_CHECKING

from ..lazy import lazy_attributes

if TYPE_CHECKING:
    from .backend import DjangoQ2Worker
    from .options import DjangoQ2Args, QClusterSettings

__all__ = ["DjangoQ2Args", "DjangoQ2Worker", "QClusterSettings"]
# Lazy (PEP 562): the app imports .loading on every management command, which must not load the models.
__getattr__ = lazy_attributes(
    __name__, {"DjangoQ2Worker": ".backend", "DjangoQ2Args": ".options", "QClusterSettings": ".options"}
)
