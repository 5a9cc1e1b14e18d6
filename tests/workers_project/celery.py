"""The project's Celery app, on Kombu's filesystem transport: no broker server to run."""

from __future__ import annotations

import os
from pathlib import Path

from celery import Celery  # type: ignore[import-untyped]


def make_app(directory: Path) -> Celery:
    """A Celery app whose broker and results are folders of ``directory`` (the tests send with one)."""
    broker = directory / "broker"
    for folder in ("queue", "processed", "control"):
        (broker / folder).mkdir(parents=True, exist_ok=True)
    app = Celery("workers_project")
    app.conf.update(
        broker_url="filesystem://",
        broker_transport_options={
            "data_folder_in": str(broker / "queue"),
            "data_folder_out": str(broker / "queue"),
            "processed_folder": str(broker / "processed"),
            # Kombu's fanout exchanges live here; its default is ./control in the current directory.
            "control_folder": str(broker / "control"),
        },
        result_backend=f"file://{directory / 'results'}",
        broker_connection_retry_on_startup=True,
        worker_enable_remote_control=False,
        beat_schedule={"tick": {"task": "tests.workers_project.tasks.tick", "schedule": 1.0}},
        include=["tests.workers_project.tasks"],
    )
    (directory / "results").mkdir(exist_ok=True)
    return app


app = make_app(Path(os.environ.get("WORKERS_DIR", "/tmp/prodserver-workers")))
