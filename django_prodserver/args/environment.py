"""Environment conventions a server's own command honours, which prodserver honours the same way.

gunicorn binds ``0.0.0.0:$PORT`` when ``PORT`` is set and no bind is given, runs ``$WEB_CONCURRENCY``
workers when none are given, and trusts ``$FORWARDED_ALLOW_IPS`` when the option is not given
(``gunicorn.config``: each is the *default* of its setting); uvicorn reads ``WEB_CONCURRENCY`` and
``FORWARDED_ALLOW_IPS`` the same way (``uvicorn.Config``).  Procfile platforms (Heroku, Render,
Railway, Dokku) set ``PORT`` and ``WEB_CONCURRENCY``.  A model declares each convention as a
:class:`FromEnvironment` in its ``environment_defaults``; validation reads the variable where the bare tool
would, so the precedence is the tool's: default < environment < settings < command line, and
``--dry-run`` shows the value's source as ``environment``.

Pure: reads nothing itself (validation passes ``os.environ``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

VALUE = None
"""In :attr:`FromEnvironment.values`: the option takes the variable's own value."""


@dataclass(frozen=True)
class FromEnvironment:
    """One variable, and the options it sets when the settings and the command line give none of ``unless``."""

    variable: str
    values: Mapping[str, str | None]
    """Field -> the value it takes: :data:`VALUE` (the variable's text) or a fixed text (``0.0.0.0``)."""
    unless: tuple[str, ...] = ()
    """Fields whose being given means the tool ignores the variable (gunicorn's ``bind``); default: ``values``."""

    def applies(self, environ: Mapping[str, str], given: Collection[str]) -> bool:
        """Whether the tool would read the variable: it is set, and none of the options it defaults is given."""
        return self.variable in environ and not set(self.unless or self.values) & set(given)

    def raw(self, environ: Mapping[str, str]) -> dict[str, str]:
        """The options' raw values, as settings would hold them (the model validates them the same way)."""
        text = environ[self.variable]
        return {name: text if value is None else value for name, value in self.values.items()}


@dataclass(frozen=True)
class FromEnvironmentValues:
    """What the environment gave a process: raw values by field, and the variable each came from."""

    raw: dict[str, str] = field(default_factory=dict)
    variables: dict[str, str] = field(default_factory=dict)


def environment_values(
    conventions: Collection[FromEnvironment], environ: Mapping[str, str], given: Collection[str]
) -> FromEnvironmentValues:
    """The values ``conventions`` take from ``environ``, for the fields not ``given`` by settings or command line."""
    found = FromEnvironmentValues()
    for convention in conventions:
        if convention.applies(environ, given):
            for name, value in convention.raw(environ).items():
                found.raw[name] = value
                found.variables[name] = convention.variable
    return found


__all__ = ["VALUE", "FromEnvironment", "FromEnvironmentValues", "environment_values"]
