"""The gunicorn backend: serve the Django project's WSGI application (or, with an ASGI worker class,
its ASGI application) with gunicorn.

Importing this module reads no setting and does not import gunicorn: the check imports it.
:meth:`GunicornServer.run` hands the validated settings over to :mod:`.launch`, which replaces
this process and imports gunicorn.
"""

from __future__ import annotations

import importlib
import inspect

from ...args.base import Package
from ...problems import Problem
from ...rules.application import lifespan_problems, target_problems
from ..applications import asgi_target, wsgi_target
from ..base import TypedServer
from ..drain import INT, TERM, Drain
from ..handover import hand_over
from ..listening import Listener
from .options import GunicornArgs
from .rendering import ASGI_WORKERS, Invocation, command_line, listeners, settings, worker_path
from .rules import gunicorn_problems


def speaks_asgi(worker_class: str, *, load: bool) -> bool:
    """Whether the worker class serves an ASGI application.

    Known classes are recognised by name; another class is imported (only when ``load``) and
    recognised by its bases, so that a subclass of gunicorn's ``ASGIWorker`` gets ASGI too.
    """
    path = worker_path(worker_class)
    if path in ASGI_WORKERS or worker_class in ASGI_WORKERS:
        return True
    if not load or "." not in path or path.startswith("gunicorn.workers."):
        return False
    module, _, name = path.rpartition(".")
    try:
        found = getattr(importlib.import_module(module), name)
    except Exception:
        # An unimportable class: the rules report it, and gunicorn would not start.
        return False
    bases = inspect.getmro(found) if inspect.isclass(found) else ()
    return any(f"{base.__module__}.{base.__qualname__}" in ASGI_WORKERS for base in bases)


class GunicornServer(TypedServer[GunicornArgs]):
    """Serve ``WSGI_APPLICATION`` with gunicorn; ``ASGI_APPLICATION`` with an ASGI worker class."""

    args_model = GunicornArgs
    program = "gunicorn"
    requires = Package("gunicorn", "django-prodserver[gunicorn]")

    def target(self) -> str:
        """The WSGI application; :meth:`invocation` picks the ASGI one for an ASGI worker class."""
        return wsgi_target()

    def invocation(self, args: GunicornArgs, *, load: bool = True) -> Invocation:
        target = asgi_target() if speaks_asgi(args.worker_class, load=load) else wsgi_target()
        return Invocation(target=target, args=args)

    def target_problems(self, args: GunicornArgs | None) -> list[Problem]:
        if args is not None and (args.chdir is not None or args.python_path):
            # gunicorn imports the application from its chdir and Python path, not from here.
            return []
        target = self.invocation(args, load=False).target if args is not None else self.target()
        return target_problems(target)

    def rules(self, args: GunicornArgs, *, starting: bool) -> list[Problem]:
        problems = gunicorn_problems(args, starting=starting)
        if speaks_asgi(args.worker_class, load=False):
            outcome = "each worker fails to boot, and gunicorn exits"
            problems += lifespan_problems("asgi_lifespan", args.asgi_lifespan, asgi_target(), outcome)
        return problems

    def command_line(self, args: GunicornArgs, *, reveal_secrets: bool = False) -> list[str]:
        return command_line(self.invocation(args), reveal_secrets=reveal_secrets)

    def listeners(self, args: GunicornArgs) -> tuple[Listener, ...]:
        return listeners(args)

    def drain(self, args: GunicornArgs) -> Drain:
        # SIGTERM is gunicorn's graceful stop, and SIGINT too under prodserver (launch.DrainingArbiter);
        # SIGQUIT stays its quick one (workers exit at once).
        return Drain((TERM, INT), args.graceful_timeout, "graceful-timeout")

    def launch(self, args: GunicornArgs) -> tuple[str, dict[str, object]]:
        """What :mod:`.launch` serves: the application and gunicorn's settings (``Config.set`` calls)."""
        invocation = self.invocation(args)
        return invocation.target, settings(invocation)

    def run(self, args: GunicornArgs) -> None:
        target, settings = self.launch(args)
        if settings.get("certfile") is not None:
            # Judged here, in one line, before the hand-over (imports gunicorn, in this process only then).
            from .launch import check_tls

            check_tls(target, settings)
        # launch.LAUNCHER, not imported: gunicorn is imported here only to judge TLS.
        hand_over("django_prodserver.backends.gunicorn.launch", (target, settings))
