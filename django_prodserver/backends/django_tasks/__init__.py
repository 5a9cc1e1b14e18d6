"""django-tasks: run the database worker of django-tasks-db (``manage.py db_worker``).

- ``options``: the ARGS model, one field per option of ``db_worker``;
- ``rules``: what ``db_worker`` refuses or ignores, and the settings it needs;
- ``rendering``: the ``db_worker`` argv, copied by users and run in-process;
- ``backend``: the backend class a setting names;
- ``catalogue``: an example setting for each check ID these rules emit.
"""

from .backend import DjangoTasksWorker
from .options import DjangoTasksArgs

__all__ = ["DjangoTasksArgs", "DjangoTasksWorker"]
