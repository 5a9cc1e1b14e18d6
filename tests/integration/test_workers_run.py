"""Real worker processes of tests/workers_project: each runs a real task, and SIGTERM lets it finish.

Celery uses Kombu's filesystem transport (no broker server); django-tasks and django-q2 use the
project's SQLite database.  Every task writes ``<name>.started`` then ``<name>.done``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from .servers import EXIT_TIMEOUT, django_code, in_own_session, run_ok, wait_for

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
TASK_SECONDS = 2.0


def environment(directory: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(
        WORKERS_DIR=str(directory), DJANGO_SETTINGS_MODULE="tests.workers_project.settings", PYTHONPATH=str(ROOT)
    )
    return env


def django(directory: Path, code: str) -> None:
    """Run ``code`` in the project (after django.setup())."""
    run_ok(django_code(code), environment(directory), cwd=directory)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    django(tmp_path, "from django.core.management import call_command\ncall_command('migrate', verbosity=0)")
    return tmp_path


def worker(directory: Path, *argv: str) -> AbstractContextManager[subprocess.Popen[bytes]]:
    """``manage.py <argv>`` in its own session, its output in directory/output.txt; its session killed at the end."""
    argv = (sys.executable, "-m", "django", *argv)
    return in_own_session(argv, directory / "output.txt", environment(directory), cwd=directory)


def output(directory: Path) -> str:
    return (directory / "output.txt").read_text(errors="replace")


def stop_during_task(directory: Path, process: subprocess.Popen[bytes], task: str) -> int:
    """Wait until ``task`` runs, send SIGTERM, return the exit code once the process stopped."""
    wait_for(
        lambda: (directory / f"{task}.started").exists() or process.poll() is not None, f"task {task} to start", 60
    )
    assert process.poll() is None, output(directory)
    process.send_signal(signal.SIGTERM)
    code = process.wait(EXIT_TIMEOUT + TASK_SECONDS)
    assert (directory / f"{task}.done").exists(), f"the running task was cut short:\n{output(directory)}"
    return code


def send_celery(directory: Path, name: str) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.workers_project.celery import make_app

    make_app(directory).send_task("tests.workers_project.tasks.celery_mark", (name, TASK_SECONDS))


def test_celery_worker_runs_a_task_and_stops_warm(project: Path) -> None:
    with worker(project, "prodserver", "celery") as process:
        wait_for(lambda: "ready." in output(project) or process.poll() is not None, "the Celery worker", 60)
        send_celery(project, "warm")
        assert stop_during_task(project, process, "warm") == 0, output(project)
    assert "Warm shutdown" in output(project)


def test_celery_worker_passes_a_failure_exit_code_on(project: Path) -> None:
    with worker(project, "prodserver", "celery", "--broker", "nope://") as process:
        code = process.wait(60)
    assert code != 0, output(project)
    assert "Traceback" not in output(project)


def test_celery_beat_sends_its_scheduled_task(project: Path) -> None:
    queue = project / "broker" / "queue"
    with worker(project, "prodserver", "beat") as process:
        wait_for(
            lambda: (
                any("tick" in path.read_text(errors="replace") for path in queue.glob("*"))
                or process.poll() is not None
            ),
            "beat to send tests.workers_project.tasks.tick",
            60,
        )
        assert process.poll() is None, output(project)
        process.send_signal(signal.SIGTERM)
        assert process.wait(EXIT_TIMEOUT) == 0, output(project)


def test_db_worker_runs_a_task_and_stops_warm(project: Path) -> None:
    django(project, f"from tests.workers_project.tasks import tasks_mark\ntasks_mark.enqueue('db', {TASK_SECONDS})")
    with worker(project, "prodserver", "tasks") as process:
        assert stop_during_task(project, process, "db") == 0, output(project)


def test_qcluster_runs_a_task_and_stops_warm(project: Path) -> None:
    django(
        project,
        f"from django_q.tasks import async_task\nasync_task('tests.workers_project.tasks.mark', 'q2', {TASK_SECONDS})",
    )
    with worker(project, "prodserver", "q2") as process:
        assert stop_during_task(project, process, "q2") == 0, output(project)


@pytest.mark.parametrize(
    ("argv", "check_id"),
    [
        (("celery", "--exclude-queues=celery"), "prodserver.E140"),
        (("celery", "--pool=custom"), "prodserver.E144"),
        (("celery", "--autoscale=0,0"), "prodserver.E125"),
        (("beat", "--schedule=empty.txt"), "prodserver.E143"),
        (("beat", "--pidfile=beat-schedule", "--schedule=beat-schedule"), "prodserver.E143"),
        (("beat", "--uid=99999"), "prodserver.E085"),
    ],
)
def test_celery_settings_that_would_not_run_are_refused_before_the_start(
    project: Path, argv: tuple[str, ...], check_id: str
) -> None:
    """Each once started and ran nothing, printed a traceback, or ignored SIGTERM (the start-time fuzz)."""
    (project / "empty.txt").write_text("")
    with worker(project, "prodserver", *argv) as process:
        code = process.wait(60)
    assert code == 1, output(project)
    assert check_id in output(project)
    assert "Traceback" not in output(project)
    assert (project / "empty.txt").exists()


Q2_STOP_BOUND = 30.0
"""A cluster stopped as it starts finishes starting first (the sentinel forks its workers), then stops."""

# The signal lands as Cluster.start forks the sentinel (the moment django-q2 lost it: its handler found no
# process to stop, and the cluster ran on).  A real process; only the moment is chosen.
SIGNAL_AS_THE_SENTINEL_FORKS = """
import os, signal, django
django.setup()
from multiprocessing.context import ForkProcess
fork = ForkProcess.start
def fork_after_a_sigterm(self):
    ForkProcess.start = fork
    os.kill(os.getpid(), signal.SIGTERM)
    fork(self)
ForkProcess.start = fork_after_a_sigterm
from django.core.management import call_command
call_command("prodserver", "q2", skip_checks=False)  # as manage.py runs it: with the checks
"""


def _group_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


def test_qcluster_stops_on_a_sigterm_sent_as_the_sentinel_forks(project: Path) -> None:
    argv = (sys.executable, "-c", SIGNAL_AS_THE_SENTINEL_FORKS)
    with in_own_session(argv, project / "output.txt", environment(project), cwd=project) as process:
        assert process.wait(Q2_STOP_BOUND) == 0, output(project)
        wait_for(lambda: _group_gone(process.pid), "the cluster's processes to exit", EXIT_TIMEOUT)
    assert "has stopped" in output(project)
    assert "Traceback" not in output(project)


@pytest.mark.parametrize("delay", [0.2, 0.5, 1.0, 1.5, 2.0, 3.0])
def test_qcluster_stops_on_a_sigterm_at_any_moment_of_its_start(project: Path, delay: float) -> None:
    """Before the command runs, SIGTERM's default action ends it (-15); after, the cluster stops and exits 0."""
    with worker(project, "prodserver", "q2") as process:
        time.sleep(delay)
        process.send_signal(signal.SIGTERM)
        code = process.wait(Q2_STOP_BOUND)
        wait_for(lambda: _group_gone(process.pid), "the cluster's processes to exit", EXIT_TIMEOUT)
    assert code in (0, -signal.SIGTERM), output(project)
    assert "Traceback" not in output(project)


# A project check that queries the database, as many do: the validating process opened a connection.
SETTINGS_WITH_A_DATABASE_CHECK = """
from tests.workers_project.settings import *  # noqa: F403
from django.core import checks as _checks


@_checks.register
def _queries_the_database(app_configs, **kwargs):
    from django.db import connection

    connection.cursor().execute("SELECT 1")
    return []
"""
# What the process holds as django-q2 forks its sentinel (Cluster.start): the sentinel inherits it.
RECORD_WHAT_THE_SENTINEL_INHERITS = """
import contextlib, os, django
django.setup()
from django_q.cluster import Cluster
start = Cluster.start
def record_then_start(self):
    held = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            held.append(os.readlink(f"/proc/self/fd/{fd}"))
    with open("inherited.txt", "w") as record:
        record.write("\\n".join(held))
    return start(self)
Cluster.start = record_then_start
from django.core.management import call_command
call_command("prodserver", "q2", skip_checks=False)  # as manage.py runs it: with the checks
"""


def test_the_sentinel_inherits_no_connection_of_the_checks(project: Path) -> None:
    """django-q2 forks its sentinel from this process: a connection the checks opened would be shared with it."""
    (project / "check_settings.py").write_text(SETTINGS_WITH_A_DATABASE_CHECK)
    env = {**environment(project), "DJANGO_SETTINGS_MODULE": "check_settings"}
    env["PYTHONPATH"] = os.pathsep.join([str(project), str(ROOT)])
    argv = (sys.executable, "-c", RECORD_WHAT_THE_SENTINEL_INHERITS)
    with in_own_session(argv, project / "output.txt", env, cwd=project) as process:
        wait_for(lambda: "running." in output(project) or process.poll() is not None, "the cluster", 60)
        assert process.poll() is None, output(project)
        process.send_signal(signal.SIGTERM)
        assert process.wait(EXIT_TIMEOUT) == 0, output(project)
    inherited = (project / "inherited.txt").read_text().splitlines()
    assert inherited, "the record was not written"
    database = [path for path in inherited if path.startswith(str(project / "db.sqlite3"))]
    assert database == [], output(project)
