"""PRODUCTION_PLATFORM and DEPLOY: exact messages, each with a setting one step away that says nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from django_prodserver.problems import Problem
from django_prodserver.validation import validate_setting

GRANIAN = "django_prodserver.backends.granian.GranianASGIServer"
GUNICORN = "django_prodserver.backends.gunicorn.GunicornServer"
UVICORN = "django_prodserver.backends.uvicorn.UvicornServer"
WAITRESS = "django_prodserver.backends.waitress.WaitressServer"
WEB = "PRODUCTION_PROCESSES['web']"


def fleet_problems(processes: dict[str, Any], platform: object, *, deploy: bool = True) -> list[tuple[str, str, str]]:
    with override_settings(PRODUCTION_PLATFORM=platform):
        problems = validate_setting(processes)
    # Only the fleet's problems: the backends' own are tested with them.
    ours = [p for p in problems if p.id[-3:-1] == "16" or "PLATFORM" in p.message or "DEPLOY" in p.message]
    return [_shown(problem) for problem in ours if problem.deploy == deploy]


def _shown(problem: Problem) -> tuple[str, str, str]:
    return problem.id, problem.message, str(problem.hint)


def gunicorn(**args: object) -> dict[str, Any]:
    return {"web": {"BACKEND": GUNICORN, "ARGS": {"no-control-socket": True, **args}}}


def test_drain_longer_than_the_platform_waits() -> None:
    assert fleet_problems(gunicorn(graceful_timeout=45), {"platform": "kubernetes"}) == [
        (
            "prodserver.W160",
            f"{WEB} drains for up to 45 s; Kubernetes kills it after 30 s (terminationGracePeriodSeconds).",
            "Lower ARGS 'graceful-timeout' to 30 s or less, or raise terminationGracePeriodSeconds and "
            "PRODUCTION_PLATFORM['stop_timeout'] with it.",
        )
    ]
    assert fleet_problems(gunicorn(graceful_timeout=45), {"platform": "kubernetes", "stop_timeout": 60}) == []
    assert fleet_problems(gunicorn(graceful_timeout=31), "heroku") == [
        (
            "prodserver.W160",
            f"{WEB} drains for up to 31 s; Heroku kills it after 30 s.",
            "Lower ARGS 'graceful-timeout' to 30 s or less: Heroku's 30 s cannot be changed.",
        )
    ]
    assert fleet_problems(gunicorn(graceful_timeout=30), "heroku") == []


def test_a_signal_the_backend_does_not_drain_on() -> None:
    # An image whose STOPSIGNAL is SIGQUIT (nginx's graceful stop): gunicorn's quick stop.
    assert fleet_problems(gunicorn(), {"platform": "kubernetes", "stop_signal": "SIGQUIT"}) == [
        (
            "prodserver.W161",
            f"{WEB} drains on SIGTERM or SIGINT, but Kubernetes stops it with SIGQUIT "
            "(PRODUCTION_PLATFORM['stop_signal']).",
            "On Kubernetes, set the image's STOPSIGNAL to SIGTERM (and PRODUCTION_PLATFORM['stop_signal']).",
        )
    ]
    assert fleet_problems(gunicorn(), {"platform": "kubernetes", "stop_signal": "SIGTERM"}) == []
    # Fly.io's and Nomad's SIGINT: every built-in backend drains on it (gunicorn as prodserver runs it).
    quick = {GUNICORN: {"graceful-timeout": 3}, GRANIAN: {"workers-kill-timeout": 3}, WAITRESS: {}}
    for backend, args in quick.items():
        assert fleet_problems({"web": {"BACKEND": backend, "ARGS": args}}, "fly") == [], backend


def test_a_drain_without_limit_that_an_option_would_bound() -> None:
    # uvicorn drains on SIGINT too, Nomad's default signal: only its unbounded drain is advice.
    assert fleet_problems({"web": {"BACKEND": UVICORN}}, "nomad") == [
        (
            "prodserver.W162",
            f"{WEB} waits for its work without a limit; Nomad kills it after 5 s.",
            "Set ARGS 'timeout-graceful-shutdown' below 5 seconds.",
        )
    ]
    assert fleet_problems({"web": {"BACKEND": UVICORN, "ARGS": {"timeout-graceful-shutdown": 4}}}, "nomad") == []


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        (
            30,
            (
                "prodserver.E163",
                "PRODUCTION_PLATFORM is 30; expected a platform name or a dict.",
                "Write e.g. PRODUCTION_PLATFORM = 'heroku' or {'platform': 'kubernetes', 'stop_timeout': 60}.",
            ),
        ),
        (
            "herok",
            (
                "prodserver.E024",
                "PRODUCTION_PLATFORM['platform'] is 'herok'; expected 'kubernetes', 'heroku', 'fly', "
                "'render', 'railway', 'nomad', 'systemd', 'compose' or 'other'.",
                "Use 'kubernetes', 'heroku', 'fly', 'render', 'railway', 'nomad', 'systemd', 'compose' or 'other'.",
            ),
        ),
        (
            {"platform": "kubernetes", "grace": 60},
            (
                "prodserver.E020",
                "PRODUCTION_PLATFORM['grace'] is not an option of PRODUCTION_PLATFORM.",
                "Remove it; the configuration reference lists every option.",
            ),
        ),
        (
            {"platform": "heroku", "stop_timeout": 60},
            (
                "prodserver.E164",
                "PRODUCTION_PLATFORM sets a stop timeout; Heroku always waits 30 s.",
                "Remove 'stop_timeout'.",
            ),
        ),
        (
            "railway",
            (
                "prodserver.E165",
                "PRODUCTION_PLATFORM has no 'stop_timeout'; Railway documents no default.",
                "Give 'stop_timeout': the seconds of RAILWAY_DEPLOYMENT_DRAINING_SECONDS on your Railway.",
            ),
        ),
    ],
)
def test_platform_setting_errors(platform: object, expected: tuple[str, str, str]) -> None:
    assert fleet_problems(gunicorn(), platform, deploy=False) == [expected]


def test_deploy_key_errors() -> None:
    def deploy(value: object) -> list[tuple[str, str, str]]:
        return fleet_problems({"web": {"BACKEND": GRANIAN, "DEPLOY": value}}, None, deploy=False)

    assert deploy({"replica": 2, "health_path": "/healthz"}) == [
        (
            "prodserver.E020",
            f"{WEB}['DEPLOY']['replica'] is not an option of DEPLOY; did you mean 'replicas'?",
            "Rename it to 'replicas'.",
        ),
    ]
    assert deploy({"health_path": "healthz", "env": {"2X": "a"}}) == [
        (
            "prodserver.E161",
            f"{WEB}['DEPLOY']['health_path'] is 'healthz'; expected a URL path starting with '/'.",
            "Write '/healthz'.",
        ),
        (
            "prodserver.E162",
            f"{WEB}['DEPLOY']['env']['2X'] is not a variable name; expected letters, digits and "
            "underscores, not starting with a digit.",
            "Rename the variable.",
        ),
    ]
    assert deploy({"replicas": 2, "health_path": "/healthz", "env": {"X2": "a"}, "cpu": 0.5, "memory": 64}) == []


def test_a_health_path_on_a_worker_is_probed_by_nothing() -> None:
    beat = {"BACKEND": "django_prodserver.backends.celery.CeleryBeat", "APP": "tests.workers_project.celery.app"}
    assert fleet_problems({"beat": {**beat, "DEPLOY": {"health_path": "/healthz"}}}, None, deploy=False) == [
        (
            "prodserver.W163",
            "PRODUCTION_PROCESSES['beat']['DEPLOY']['health_path'] is '/healthz', but a worker listens nowhere: "
            "no export probes it.",
            "Remove it; the exports give a Celery worker its own ping, other workers no probe.",
        )
    ]
    assert fleet_problems({"beat": {**beat, "DEPLOY": {"replicas": 1}}}, None, deploy=False) == []


def test_check_deploy_shows_the_platform_advice() -> None:
    with override_settings(PRODUCTION_PROCESSES=gunicorn(graceful_timeout=45), PRODUCTION_PLATFORM="heroku"):
        call_command("check", "--tag", "prodserver")
        with pytest.raises(SystemCheckError, match=r"prodserver\.W160"):
            call_command("check", "--deploy", "--tag", "prodserver", "--fail-level", "WARNING")
