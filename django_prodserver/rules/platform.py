"""``PRODUCTION_PLATFORM`` against each process's drain: ``check --deploy`` advice.

A process whose drain outlasts the platform's stop timeout is killed mid-drain on every deploy
(W160); one the platform stops with a signal it does not drain on stops abruptly (W161); one that
drains without a limit while an option would bound it is at the platform's mercy (W162).
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError

from ..args.platform import SETTING, Facts, Platform
from ..problems import Key, Problem, Severity, located, setting_path
from .args import error_problems
from .text import shown

E163 = "prodserver.E163"
E164 = "prodserver.E164"
E165 = "prodserver.E165"
W160 = "prodserver.W160"
W161 = "prodserver.W161"
W162 = "prodserver.W162"


def platform_of(value: object) -> Platform | list[Problem]:
    """The validated ``PRODUCTION_PLATFORM``, or its problems (located at that setting)."""
    given = {"platform": value} if isinstance(value, str) else value
    if not isinstance(given, Mapping):
        problem = Problem(
            E163,
            Severity.ERROR,
            (),
            f"is {shown(value)}; expected a platform name or a dict.",
            "Write e.g. PRODUCTION_PLATFORM = 'heroku' or {'platform': 'kubernetes', 'stop_timeout': 60}.",
        )
        return [_at_platform(problem)]
    try:
        platform = Platform.model_validate(given)
    except ValidationError as error:
        problems = error_problems(error.errors(), Platform, given, SETTING)
        return [_at_platform(problem, problem.path[1:]) for problem in problems]
    return _fixed_problems(platform, given) or platform


def _at_platform(problem: Problem, path: tuple[Key, ...] = ()) -> Problem:
    return located(problem, path, setting_path(path, SETTING))


def _fixed_problems(platform: Platform, given: Mapping[object, object]) -> list[Problem]:
    facts = platform.facts
    problems = []
    if platform.stop_timeout is not None and facts.fixed_timeout:
        problems.append(
            Problem(
                E164,
                Severity.ERROR,
                (),
                f"sets a stop timeout; {facts.label} always waits {facts.timeout} s.",
                "Remove 'stop_timeout'.",
            )
        )
    if platform.stop_signal is not None and facts.signal_name is None:
        problems.append(
            Problem(
                E164,
                Severity.ERROR,
                (),
                f"sets a stop signal; {facts.label} always sends {facts.signal}.",
                "Remove 'stop_signal'.",
            )
        )
    if platform.timeout is None:
        problems.append(
            Problem(
                E165,
                Severity.ERROR,
                (),
                f"has no 'stop_timeout'; {facts.label} documents no default.",
                f"Give 'stop_timeout': the seconds of {facts.timeout_name} on your {facts.label}.",
            )
        )
    return [_at_platform(problem) for problem in problems]


def drain_problems(
    platform: Platform, name: str, signals: tuple[str, ...], seconds: float | None, option: str | None
) -> list[Problem]:
    """A process's drain (the signals it drains on, for how long, set by which option) against the platform."""
    facts, timeout = platform.facts, platform.timeout
    assert timeout is not None
    path: tuple[Key, ...] = (name,)
    problems = []
    if platform.signal not in signals:
        problems.append(_w161(facts, platform.signal, signals, platform.stop_signal is not None))
    if seconds is not None and seconds > timeout:
        problems.append(_w160(facts, timeout, seconds, option))
    elif seconds is None and option is not None:
        problems.append(
            Problem(
                W162,
                Severity.WARNING,
                (),
                f"waits for its work without a limit; {facts.label} kills it after {timeout} s.",
                f"Set ARGS '{option}' below {timeout} seconds.",
                deploy=True,
            )
        )
    return [located(problem, path, setting_path(path)) for problem in problems]


def _w160(facts: Facts, timeout: int, seconds: float, option: str | None) -> Problem:
    lower = f"Lower ARGS '{option}' to {timeout} s or less" if option else "Shorten its drain"
    if facts.fixed_timeout:
        where, hint = "", f"{lower}: {facts.label}'s {timeout} s cannot be changed."
    else:
        where = f" ({facts.timeout_name})"
        hint = f"{lower}, or raise {facts.timeout_name} and PRODUCTION_PLATFORM['stop_timeout'] with it."
    return Problem(
        W160,
        Severity.WARNING,
        (),
        f"drains for up to {seconds:g} s; {facts.label} kills it after {timeout} s{where}.",
        hint,
        deploy=True,
    )


def _w161(facts: Facts, sent: str, signals: tuple[str, ...], chosen: bool) -> Problem:
    where = "PRODUCTION_PLATFORM['stop_signal']" if chosen else f"{facts.label}'s default"
    if facts.signal_name is None:
        hint = f"{facts.label} always sends {sent}: run a backend that drains on it."
    else:
        hint = f"On {facts.label}, set {facts.signal_name} to {signals[0]} (and PRODUCTION_PLATFORM['stop_signal'])."
    return Problem(
        W161,
        Severity.WARNING,
        (),
        f"drains on {' or '.join(signals)}, but {facts.label} stops it with {sent} ({where}).",
        hint,
        deploy=True,
    )
