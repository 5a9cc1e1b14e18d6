# ruff: noqa: E501  (exact messages, one per line)
"""Messages that point the right way (issue 22, class 10): the backend a typo was meant to be, a base
class named as such, a flag given twice, the command-line override behind a conflict, a default
said to be one."""

from __future__ import annotations

import pytest

from django_prodserver.validation import validate_process

B = "django_prodserver.backends."
BACKEND = "PRODUCTION_PROCESSES['web']['BACKEND']"


def messages(config: object, **options: object) -> list[tuple[str, str, str | None]]:
    return [(p.id, p.message, p.hint) for p in validate_process("web", config, **options).problems]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("dotted", "hint"),
    [
        (f"{B}gunicorn.GunicornServr", f"Write '{B}gunicorn.GunicornServer'."),
        (f"{B}servers.gunicorn.GunicornServr", f"Write '{B}gunicorn.GunicornServer'."),
        (f"{B}celery.Nope", f"Write '{B}celery.CeleryWorker', '{B}celery.CeleryBeat' or '{B}celery.CeleryFlower'."),
    ],
)
def test_a_backend_typo_is_answered_with_the_backend_it_was_meant_to_be(dotted: str, hint: str) -> None:
    [(check_id, _, given)] = messages({"BACKEND": dotted})
    assert (check_id, given) == ("prodserver.E007", hint)


@pytest.mark.parametrize(
    ("dotted", "kind", "names"),
    [
        (
            f"{B}base.TypedServer",
            "server",
            "GranianASGIServer, GranianWSGIServer, GunicornServer, UvicornServer, UvicornWSGIServer, CeleryFlower, WaitressServer, DjangoRunserver, DaphneRunserver, WerkzeugRunserver",
        ),
        (f"{B}base.BaseWorkerBackend", "worker", "CeleryWorker, CeleryBeat, DjangoTasksWorker, DjangoQ2Worker"),
    ],
)
def test_a_base_class_is_one_line_naming_the_concrete_backends(dotted: str, kind: str, names: str) -> None:
    assert messages({"BACKEND": dotted}) == [
        (
            "prodserver.E008",
            f"{BACKEND} is '{dotted}', a base class of {kind} backends, not one that runs a process.",
            f"Name a {kind} backend: {names} (in django_prodserver.backends.<tool>).",
        )
    ]


def test_a_flag_given_twice_in_3x_flags_says_so() -> None:
    config = {"BACKEND": f"{B}gunicorn.GunicornServer", "ARGS": "--workers=2 --no-control-socket --workers 4"}

    assert messages(config) == [
        (
            "prodserver.E021",
            "PRODUCTION_PROCESSES['web']['ARGS'] gives --workers twice ('2', then '4'); it takes one value.",
            "Keep one --workers.",
        )
    ]
    repeatable = {"BACKEND": f"{B}gunicorn.GunicornServer", "ARGS": "--bind 127.0.0.1:8001 --bind 127.0.0.1:8002"}
    assert "prodserver.E021" not in [m[0] for m in messages(repeatable)]


def test_a_conflict_caused_by_a_command_line_override_names_it() -> None:
    config = {"BACKEND": f"{B}gunicorn.GunicornServer", "ARGS": {"port": 8001, "no-control-socket": True}}

    assert messages(config, overrides={"bind": ["127.0.0.1:9000"]}) == [
        (
            "prodserver.E082",
            "PRODUCTION_PROCESSES['web']['ARGS']['port'] and --bind (command line) both say where to listen; only one of them can.",
            "Keep bind (gunicorn's form) or address and port.",
        )
    ]


def test_a_warning_about_a_default_says_it_is_the_default() -> None:
    config = {"BACKEND": f"{B}gunicorn.GunicornServer"}
    [message] = [m[1] for m in messages(config) if m[0] == "prodserver.W083"]
    assert message.startswith(
        "PRODUCTION_PROCESSES['web']['ARGS']['no-control-socket'] (not set, so its default) is False"
    )

    given = {"BACKEND": f"{B}gunicorn.GunicornServer", "ARGS": {"no-control-socket": False}}
    [message] = [m[1] for m in messages(given) if m[0] == "prodserver.W083"]
    assert message.startswith("PRODUCTION_PROCESSES['web']['ARGS']['no-control-socket'] is False")
