"""How a process of the fleet is started: ``python manage.py prodserver NAME``, from here.

The runner's children and the exported commands start each process with the same command a user
types, so that it is validated again when it starts and behaves as when started alone.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

SETTINGS_VARIABLE = "DJANGO_SETTINGS_MODULE"


@dataclass(frozen=True)
class Launch:
    """The interpreter, the management script and the settings of this run."""

    interpreter: str
    manage: tuple[str, ...]
    """``("/srv/app/manage.py",)``, or ``("-m", "django")`` when no manage.py started this run."""
    workdir: str
    settings: str | None

    def argv(self, name: str, *extra: str) -> list[str]:
        """The command that starts process ``name`` on this machine, with this interpreter."""
        return [self.interpreter, *self.manage, "prodserver", name, *extra]

    def portable_argv(self, name: str, *extra: str) -> list[str]:
        """The same command for another machine (a container): ``python`` and manage.py relative to the workdir."""
        manage = self.manage
        if manage[:1] != ("-m",):
            manage = (os.path.relpath(manage[0], self.workdir),)
        return ["python", *manage, "prodserver", name, *extra]

    def environment(self) -> dict[str, str]:
        """The variables every exported process needs: the settings module it serves."""
        return {SETTINGS_VARIABLE: self.settings} if self.settings else {}


def current() -> Launch:
    """This run's launch: ``sys.executable``, the manage.py that started it (or ``-m django``), the cwd."""
    workdir = os.getcwd()
    script = Path(sys.argv[0]) if sys.argv else None
    if script is not None and script.suffix == ".py" and script.is_file():
        manage: tuple[str, ...] = (str(script.resolve()),)
    elif Path("manage.py").is_file():
        manage = (str(Path("manage.py").resolve()),)
    else:
        manage = ("-m", "django")
    # Normalised, not resolved: a virtualenv's python is a symlink that must stay one.
    return Launch(os.path.abspath(sys.executable), manage, workdir, os.environ.get(SETTINGS_VARIABLE))
