# ruff: noqa: E501  (exact messages, one per line)
"""Exact messages of the worker backends' checks, each with a passing twin, through the real validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from django_prodserver.rules import packages
from django_prodserver.validation import validate_process

WORKER = "django_prodserver.backends.workers.celery.CeleryWorker"
APP = "django_prodserver.backends.celery.catalogue.app"
TASKS = "django_prodserver.backends.workers.django_tasks.DjangoTasksWorker"
Q2 = "django_prodserver.backends.workers.django_q2.DjangoQ2Worker"


def problems(config: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    return [(p.id, p.message, p.hint) for p in validate_process("jobs", config).problems]


def celery(args: dict[str, Any], **keys: Any) -> dict[str, Any]:
    return {"BACKEND": WORKER, "APP": APP, "ARGS": args, **keys}


def test_a_valid_celery_worker_says_nothing() -> None:
    assert problems(celery({"concurrency": "auto", "queues": "a,b", "loglevel": "INFO"})) == []


def test_app_is_a_process_key_of_celery_only() -> None:
    assert problems(celery({}, APPS=1)) == [
        (
            "prodserver.E004",
            "PRODUCTION_PROCESSES['jobs']['APPS'] is not a process key; did you mean 'APP'?",
            "Rename it to 'APP'.",
        )
    ]
    granian = {"BACKEND": "django_prodserver.backends.granian.GranianASGIServer", "APP": APP}
    assert "prodserver.E004" in [p[0] for p in problems(granian)]


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            {"BACKEND": WORKER},
            ("prodserver.E120", "PRODUCTION_PROCESSES['jobs'] has no 'APP'; a Celery process runs a Celery app."),
        ),
        (
            celery({}, APP="mysite.celery.app"),
            (
                "prodserver.E121",
                "PRODUCTION_PROCESSES['jobs']['APP'] is 'mysite.celery.app', which cannot be imported (ModuleNotFoundError: No module named 'mysite').",
            ),
        ),
        (
            celery({}, APP="django.conf.settings"),
            (
                "prodserver.E122",
                "PRODUCTION_PROCESSES['jobs']['APP'] is 'django.conf.settings', which is LazySettings, not a Celery app.",
            ),
        ),
        (
            celery({"broker": "nope://x"}),
            (
                "prodserver.E123",
                "PRODUCTION_PROCESSES['jobs']['ARGS']['broker'] names the transport 'nope', which Kombu does not know.",
            ),
        ),
        (
            celery({"detach": True}),
            (
                "prodserver.E124",
                "PRODUCTION_PROCESSES['jobs']['ARGS']['detach'] is True: Celery would fork into the background and prodserver would exit at once.",
            ),
        ),
        (
            celery({"concurrency": "four"}),
            (
                "prodserver.E125",
                "PRODUCTION_PROCESSES['jobs']['ARGS']['concurrency'] is 'four'; expected a number of processes or 'auto'.",
            ),
        ),
        (
            celery({"concurrency": 0}),
            (
                "prodserver.W120",
                "PRODUCTION_PROCESSES['jobs']['ARGS']['concurrency'] is 0: Celery ignores it and starts worker_concurrency processes (one per CPU by default).",
            ),
        ),
        (
            celery({"time-limit": 30, "soft-time-limit": 40}),
            (
                "prodserver.W121",
                "PRODUCTION_PROCESSES['jobs']['ARGS']['soft-time-limit'] is 40, not below time-limit (30): a task is killed before it is warned.",
            ),
        ),
        (
            celery({"pool": "solo", "max-memory-per-child": 1000}),
            (
                "prodserver.W122",
                "PRODUCTION_PROCESSES['jobs']['ARGS']['max-memory-per-child'] is ignored by the solo pool: only prefork runs child processes.",
            ),
        ),
    ],
)
def test_celery_rule_messages(config: dict[str, Any], expected: tuple[str, str]) -> None:
    assert [p[:2] for p in problems(config)] == [expected]


def test_the_broker_stays_secret_in_the_command_line() -> None:
    report = validate_process("jobs", celery({"broker": "redis://:pw@h/0", "concurrency": 2}))
    assert report.backend is not None
    assert report.args is not None
    assert report.backend.command_line(report.args) == [
        "celery",
        "-A",
        APP,
        "--broker",
        "********",
        "worker",
        "--concurrency",
        "2",
    ]


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WITH_TASKS_DB = ["django.contrib.contenttypes", "django_prodserver", "django_tasks", "django_tasks_db"]


@override_settings(TASKS=DATABASE_TASKS, INSTALLED_APPS=WITH_TASKS_DB)
def test_db_worker_rules() -> None:
    assert problems({"BACKEND": TASKS, "ARGS": {"queue-name": "*", "exclude-queues": "a"}}) == []
    assert problems({"BACKEND": TASKS, "ARGS": {"exclude-queues": "a"}}) == [
        (
            "prodserver.E129",
            "PRODUCTION_PROCESSES['jobs']['ARGS']['exclude-queues'] is set without queue-name '*': db_worker refuses to start.",
            "Set queue-name to '*', or list the queues to process in queue-name.",
        )
    ]


@override_settings(TASKS={})  # Django 6.0 declares an ImmediateBackend 'default' when TASKS is unset
def test_db_worker_needs_its_app_and_a_database_backend() -> None:
    assert [p[:2] for p in problems({"BACKEND": TASKS})] == [
        (
            "prodserver.E128",
            "PRODUCTION_PROCESSES['jobs']['BACKEND'] runs db_worker, but 'django_tasks_db' is not in INSTALLED_APPS: its tasks table does not exist.",
        ),
        (
            "prodserver.E127",
            "PRODUCTION_PROCESSES['jobs']['BACKEND'] runs db_worker on the TASKS alias 'default', which TASKS does not declare.",
        ),
    ]


def test_qcluster_validates_q_cluster() -> None:
    with override_settings(Q_CLUSTER={"orm": "default", "workers": 0, "timeout": 10}):
        assert [p[:2] for p in problems({"BACKEND": Q2})] == [
            (
                "prodserver.E131",
                "PRODUCTION_PROCESSES['jobs']['BACKEND'] runs qcluster, but 'django_q' is not in INSTALLED_APPS: the command does not exist.",
            ),
            (
                "prodserver.E132",
                "PRODUCTION_PROCESSES['jobs'] reads Q_CLUSTER['workers'], which is 0; expected at least 1.",
            ),
        ]
    with override_settings(Q_CLUSTER={"orm": "other", "timeout": 10}):
        assert [p[0] for p in problems({"BACKEND": Q2})] == ["prodserver.E131", "prodserver.E134"]


def test_celery_queues_all_excluded_select_nothing() -> None:
    assert problems(celery({"queues": "emails,reports", "exclude-queues": "reports,emails"})) == [
        (
            "prodserver.E140",
            "PRODUCTION_PROCESSES['jobs']['ARGS']['exclude-queues'] excludes every queue of queues ('emails', 'reports'): the worker would consume nothing, and run no task.",
            "Remove those queues from exclude-queues, or from queues.",
        )
    ]
    assert problems(celery({"queues": "emails,reports", "exclude-queues": "reports"})) == []


def _queues(queues: list[str]) -> dict[str, Any]:
    return {"default": {**DATABASE_TASKS["default"], "QUEUES": queues}}


@pytest.mark.parametrize(
    ("tasks", "args", "expected"),
    [
        (
            DATABASE_TASKS,
            {"queue-name": "emails"},
            (
                "prodserver.E141",
                "PRODUCTION_PROCESSES['jobs']['ARGS']['queue-name'] names 'emails', which the backend's QUEUES ('default') does not hold: no task can be enqueued there, so this worker never runs one.",
                "Set queue-name to queues of QUEUES, or add them to QUEUES in TASKS.",
            ),
        ),
        (
            _queues(["emails"]),
            {},
            (
                "prodserver.E141",
                "PRODUCTION_PROCESSES['jobs']['BACKEND'] processes db_worker's default queue 'default', which the backend's QUEUES ('emails') does not hold: no task can be enqueued there, so this worker never runs one.",
                "Set queue-name to queues of QUEUES, or add them to QUEUES in TASKS.",
            ),
        ),
        (
            _queues(["a", "b"]),
            {"queue-name": "*", "exclude-queues": "b,a"},
            (
                "prodserver.E141",
                "PRODUCTION_PROCESSES['jobs']['ARGS']['exclude-queues'] excludes every queue of the backend's QUEUES ('a', 'b'): this worker never runs a task.",
                "Exclude fewer queues.",
            ),
        ),
    ],
)
def test_db_worker_queues_no_task_can_be_on(
    tasks: dict[str, Any], args: dict[str, Any], expected: tuple[str, str, str]
) -> None:
    with override_settings(TASKS=tasks, INSTALLED_APPS=WITH_TASKS_DB):
        assert problems({"BACKEND": TASKS, "ARGS": args}) == [expected]


@pytest.mark.parametrize(
    ("tasks", "args"),
    [
        (DATABASE_TASKS, {}),
        (_queues([]), {"queue-name": "anything"}),
        (_queues(["a", "b"]), {"queue-name": "b,z"}),
        (_queues(["a", "b"]), {"queue-name": "*", "exclude-queues": "a"}),
    ],
)
def test_db_worker_queues_a_task_can_be_on(tasks: dict[str, Any], args: dict[str, Any]) -> None:
    with override_settings(TASKS=tasks, INSTALLED_APPS=WITH_TASKS_DB):
        assert problems({"BACKEND": TASKS, "ARGS": args}) == []


@pytest.mark.parametrize(("key", "kind"), [("uid", "user"), ("gid", "group")])
def test_celery_switches_to_accounts_that_exist(key: str, kind: str) -> None:
    assert problems(celery({key: "no-such-account"})) == [
        (
            "prodserver.E085",
            f"PRODUCTION_PROCESSES['jobs']['ARGS']['{key}'] is 'no-such-account', but no {kind} has that name on this machine; the process would fail to start.",
            f"Name an existing {kind}, or give its numeric id.",
        )
    ]
    assert problems(celery({key: "root"})) == []
    assert problems(celery({key: "0"})) == []


@pytest.mark.parametrize(
    ("backend", "args", "what"),
    [
        (WORKER, {"concurrency": "auto"}, "['concurrency'] is 'auto'"),
        (WORKER, {"pool-start-method": "spawn"}, "['pool-start-method'] is set"),
        (
            "django_prodserver.backends.workers.celery.CeleryBeat",
            {"enable-remote-control": False},
            "['enable-remote-control'] is set",
        ),
    ],
)
def test_celery_5_7_options_on_an_older_celery_name_the_release(
    backend: str, args: dict[str, Any], what: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packages, "installed_version", lambda distribution: "5.5.3")
    assert problems({"BACKEND": backend, "APP": APP, "ARGS": args}) == [
        (
            "prodserver.E068",
            f"PRODUCTION_PROCESSES['jobs']['ARGS']{what}, which needs celery 5.7 or later; celery 5.5.3 is installed and would refuse it at start.",
            "Upgrade: pip install 'celery>=5.7', or remove it.",
        )
    ]
    monkeypatch.setattr(packages, "installed_version", lambda distribution: "5.7.0")
    assert problems({"BACKEND": backend, "APP": APP, "ARGS": args}) == []


def test_a_version_is_compared_by_its_numbers() -> None:
    assert packages.release("5.7.0rc1") == (5, 7, 0)
    assert packages.release("5.10") > packages.release("5.7")
    assert packages.release("27") < packages.release("27.0.1")


@pytest.mark.parametrize(
    ("key", "value", "known"),
    [
        ("hostname", "w%q@%h", "%h, %n, %d, %i, %I"),
        ("logfile", "/var/log/%z.log", "%h, %n, %d, %i, %I, %p"),
    ],
)
def test_celery_format_keys_it_does_not_expand(key: str, value: str, known: str) -> None:
    bad = value.split("%")[1][0]
    assert problems(celery({key: value})) == [
        (
            "prodserver.E069",
            f"PRODUCTION_PROCESSES['jobs']['ARGS']['{key}'] is '{value}', whose %{bad} Celery does not expand (it knows {known}); the process would fail to start.",
            "Use one of those, or write %% for a literal %.",
        )
    ]


def test_celery_format_keys_it_expands_pass() -> None:
    assert problems(celery({"hostname": "w%i@%h", "logfile": "/tmp/%n%I-%p.log", "pidfile": "/tmp/100%%.pid"})) == []
    # beat does not expand its log file's name: a % there is text.
    beat = {
        "BACKEND": "django_prodserver.backends.workers.celery.CeleryBeat",
        "APP": APP,
        "ARGS": {"logfile": "/tmp/%z.log"},
    }
    assert "prodserver.E069" not in [p[0] for p in problems(beat)]


BEAT = "django_prodserver.backends.workers.celery.CeleryBeat"


def test_celery_excluding_the_apps_queues_selects_nothing() -> None:
    """Without queues, the worker consumes the app's: the catalogue app's default queue 'celery'."""
    assert problems(celery({"exclude-queues": "celery"})) == [
        (
            "prodserver.E140",
            "PRODUCTION_PROCESSES['jobs']['ARGS']['exclude-queues'] excludes every queue the app consumes ('celery'): the worker would consume nothing, and run no task.",
            "Remove them from exclude-queues, or name the queues to consume in queues.",
        )
    ]
    assert problems(celery({"exclude-queues": "emails"})) == []
    assert problems(celery({"queues": "celery,emails", "exclude-queues": "celery"})) == []


def test_celery_the_apps_queues_are_celerys_own(settings: Any) -> None:
    """task_queues, when configured, replaces the default queue: excluding 'celery' then leaves them."""
    from django_prodserver.backends.celery.app import consumed_queues, load_app

    app = load_app(APP)
    assert consumed_queues({"APP": APP}) == frozenset({"celery"})
    assert consumed_queues({"APP": "mysite.celery.app"}) is None
    assert consumed_queues({"APP": "django.conf.settings"}) is None
    app.conf.task_queues = {"emails": {}, "reports": {}}
    app.amqp.__dict__.pop("queues", None)
    try:
        assert consumed_queues({"APP": APP}) == frozenset({"emails", "reports"})
        assert problems(celery({"exclude-queues": "celery"})) == []
        assert [p[0] for p in problems(celery({"exclude-queues": "emails,reports"}))] == ["prodserver.E140"]
    finally:
        app.conf.task_queues = None
        app.amqp.__dict__.pop("queues", None)


def test_celery_custom_pool_needs_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    hint = "Set the environment variable CELERY_CUSTOM_WORKER_POOL to your pool class, 'package.module:Class' (a subclass of celery.concurrency.base.BasePool), or choose another pool."
    monkeypatch.delenv("CELERY_CUSTOM_WORKER_POOL", raising=False)
    assert problems(celery({"pool": "custom"})) == [
        (
            "prodserver.E144",
            "PRODUCTION_PROCESSES['jobs']['ARGS']['pool'] is 'custom', but CELERY_CUSTOM_WORKER_POOL, the variable that names the pool class, is not set: the worker would fail to start.",
            hint,
        )
    ]
    monkeypatch.setenv("CELERY_CUSTOM_WORKER_POOL", "collections:OrderedDict")
    assert problems(celery({"pool": "custom"})) == [
        (
            "prodserver.E144",
            "PRODUCTION_PROCESSES['jobs']['ARGS']['pool'] is 'custom', and CELERY_CUSTOM_WORKER_POOL is 'collections:OrderedDict', which is not a Celery worker pool (a subclass of celery.concurrency.base.BasePool): the worker would fail to start.",
            hint,
        )
    ]
    monkeypatch.setenv("CELERY_CUSTOM_WORKER_POOL", "celery.concurrency.solo:TaskPool")
    assert problems(celery({"pool": "custom"})) == []
    monkeypatch.delenv("CELERY_CUSTOM_WORKER_POOL")
    assert problems(celery({"pool": "solo"})) == []


@pytest.mark.parametrize(
    ("autoscale", "refused"), [("0,0", True), ("0", True), ("1,0", False), ("1", False), ("0,3", False)]
)
def test_celery_autoscale_runs_at_least_one_process(autoscale: str, refused: bool) -> None:
    """Celery sorts the two numbers ('0,3' is max 3, min 0): only a largest of 0 runs nothing."""
    expected = [
        (
            "prodserver.E125",
            f"PRODUCTION_PROCESSES['jobs']['ARGS']['autoscale'] is '{autoscale}'; a pool of at most 0 processes runs no task, and the worker would not stop on SIGTERM.",
            "Write 'max,min' with a maximum of at least 1, e.g. '10,3'.",
        )
    ]
    assert problems(celery({"autoscale": autoscale})) == (expected if refused else [])


def test_beat_schedule_must_be_a_database_of_its_own(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    junk, database = Path("empty.txt"), Path("schedule")
    junk.write_text("")
    import shelve

    with shelve.open(str(database)) as shelf:
        shelf["entries"] = {}
    assert problems({"BACKEND": BEAT, "APP": APP, "ARGS": {"schedule": str(junk)}}) == [
        (
            "prodserver.E143",
            f"PRODUCTION_PROCESSES['jobs']['ARGS']['schedule'] is '{junk}', a file that is not a schedule database: Celery would delete it and print a traceback at start.",
            "Name a path of its own (Celery creates the database there), or remove that file.",
        )
    ]
    assert problems({"BACKEND": BEAT, "APP": APP, "ARGS": {"schedule": str(database)}}) == []
    assert problems({"BACKEND": BEAT, "APP": APP, "ARGS": {"schedule": "new"}}) == []
    # Another scheduler keeps no schedule file: the file is not read.
    other = {"schedule": str(junk), "scheduler": "celery.beat:Scheduler"}
    assert problems({"BACKEND": BEAT, "APP": APP, "ARGS": other}) == []
    same = {"schedule": "beat", "pidfile": str(tmp_path / "beat")}
    assert problems({"BACKEND": BEAT, "APP": APP, "ARGS": same}) == [
        (
            "prodserver.E143",
            "PRODUCTION_PROCESSES['jobs']['ARGS']['schedule'] is 'beat', the pidfile's path too: Celery would delete the pidfile and print a traceback at start.",
            "Give the schedule and the pidfile different paths.",
        )
    ]
    embedded = {"beat": True, "schedule-filename": str(junk)}
    assert [p[0] for p in problems(celery(embedded))] == ["prodserver.E143"]


def test_celery_uid_by_number_needs_an_account() -> None:
    """Celery's initgroups looks the uid's name up (getpwuid): a bare id fails there; a gid does not."""
    import pwd

    missing = next(uid for uid in range(99999, 2**20) if not _has_user(pwd, uid))
    assert problems({"BACKEND": BEAT, "APP": APP, "ARGS": {"uid": str(missing)}}) == [
        (
            "prodserver.E085",
            f"PRODUCTION_PROCESSES['jobs']['ARGS']['uid'] is {missing}, but no user has that id on this machine, and the process looks its account up when it switches to it: it would fail to start.",
            "Give the id or the name of an existing user.",
        )
    ]
    assert problems({"BACKEND": BEAT, "APP": APP, "ARGS": {"uid": "0", "gid": str(missing)}}) == []


def _has_user(pwd: Any, uid: int) -> bool:
    try:
        pwd.getpwuid(uid)
    except KeyError:
        return False
    return True
