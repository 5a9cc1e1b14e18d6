"""Each backend's command line hides its secrets unless asked to reveal them, whoever calls it."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils.module_loading import import_string

from django_prodserver.backends.base import TypedBackend

SECRET = "hunter2-s3cret"


@pytest.mark.parametrize(
    ("backend", "args"),
    [
        ("django_prodserver.backends.granian.GranianASGIServer", {"ssl-keyfile-password": SECRET}),
        ("django_prodserver.backends.uvicorn.UvicornServer", {"ssl-keyfile-password": SECRET}),
        ("django_prodserver.backends.celery.CeleryWorker", {"broker": f"redis://:{SECRET}@localhost:6379/0"}),
        ("django_prodserver.backends.celery.CeleryBeat", {"result-backend": f"redis://:{SECRET}@localhost/1"}),
        ("django_prodserver.backends.celery.CeleryFlower", {"cookie-secret": SECRET}),
    ],
)
def test_the_command_line_hides_a_secret_unless_revealed(backend: str, args: dict[str, Any]) -> None:
    process: TypedBackend[Any] = import_string(backend)()
    validated = process.args_model.model_validate(args)
    assert SECRET not in " ".join(process.command_line(validated))
    assert SECRET in " ".join(process.command_line(validated, reveal_secrets=True))
