"""``PRODUCTION_PLATFORM``: where the processes run, and so how they are stopped.

``PRODUCTION_PLATFORM = "heroku"`` or ``{"platform": "kubernetes", "stop_timeout": 60}``.  Each
platform's facts (the signal it sends, how long it waits before SIGKILL, under its own names) are
declared in :data:`PLATFORMS`; ``check --deploy`` compares them with each process's drain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from .base import BackendArgs, option
from .values import Choice, Duration

SETTING = "PRODUCTION_PLATFORM"
Signal = Literal["SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP", "SIGUSR1", "SIGUSR2"]


@dataclass(frozen=True)
class Facts:
    """How a platform stops a process: ``signal``, then SIGKILL ``timeout`` seconds later."""

    label: str
    timeout: int | None
    """Its default; None when it documents none (the setting must then say it)."""
    signal: str
    timeout_name: str
    """The platform's own name for the timeout, for messages."""
    signal_name: str | None
    """The platform's own name for the signal; None when it cannot be changed."""
    fixed_timeout: bool = False


PLATFORMS = {
    "kubernetes": Facts("Kubernetes", 30, "SIGTERM", "terminationGracePeriodSeconds", "the image's STOPSIGNAL"),
    "heroku": Facts("Heroku", 30, "SIGTERM", "the dyno's 30 s", None, fixed_timeout=True),
    "fly": Facts("Fly.io", 5, "SIGINT", "kill_timeout", "kill_signal"),
    "render": Facts("Render", 30, "SIGTERM", "maxShutdownDelaySeconds", None),
    "railway": Facts("Railway", None, "SIGTERM", "RAILWAY_DEPLOYMENT_DRAINING_SECONDS", None),
    "nomad": Facts("Nomad", 5, "SIGINT", "kill_timeout", "kill_signal"),
    "systemd": Facts("systemd", 90, "SIGTERM", "TimeoutStopSec", "KillSignal"),
    "compose": Facts("docker compose", 10, "SIGTERM", "stop_grace_period", "stop_signal"),
    "other": Facts("the platform", None, "SIGTERM", "its stop timeout", "its stop signal"),
}
"""Each platform's documented stop: Heroku's dyno shutdown, Render's maxShutdownDelaySeconds, fly.toml's
kill_signal and kill_timeout, Nomad's task kill_signal and kill_timeout, systemd's DefaultTimeoutStopSec,
docker's stop; Railway documents no default draining time."""

PlatformName = Literal["kubernetes", "heroku", "fly", "render", "railway", "nomad", "systemd", "compose", "other"]


class Platform(BackendArgs):
    """``PRODUCTION_PLATFORM``: the platform, and its stop timeout and signal where they differ from its default."""

    platform: Annotated[PlatformName, Choice] = option(
        "other", "Where the processes run", cli=None, documented="platform", group="platform"
    )
    stop_timeout: Duration | None = option(
        None,
        "Seconds the platform waits after its stop signal before SIGKILL (default: the platform's)",
        cli=None,
        documented="stop_timeout",
        group="platform",
        ge=0,
    )
    stop_signal: Signal | None = option(
        None,
        "The signal the platform stops a process with (default: the platform's)",
        cli=None,
        documented="stop_signal",
        group="platform",
    )

    @property
    def facts(self) -> Facts:
        return PLATFORMS[self.platform]

    @property
    def timeout(self) -> int | None:
        return self.stop_timeout if self.stop_timeout is not None else self.facts.timeout

    @property
    def signal(self) -> str:
        return self.stop_signal or self.facts.signal
