"""Every export checked by its engine's own tool: kubernetes-validate --strict, the compose-spec schema,
systemd-analyze verify (silent); supervisord and the Procfile (under honcho) run for real."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from tests.integration.servers import (
    EXAMPLE_DIR,
    EXIT_TIMEOUT,
    answers_200,
    free_port,
    in_own_session,
    port_state,
    run_ok,
    wait_for,
)

from .project import GRANIAN, GUNICORN, environment, project

BIN = Path(sys.executable).parent
IMAGE = "registry.example/shop:1.4"
CELERY = "django_prodserver.backends.celery.CeleryWorker"
BEAT = "django_prodserver.backends.celery.CeleryBeat"
CONTAINER_FLEET = {
    "web": {
        "BACKEND": GRANIAN,
        "ARGS": {"address": "0.0.0.0", "port": 8000, "workers-kill-timeout": 20, "metrics": True, "metrics-port": 9090},
        "DEPLOY": {"replicas": 3, "health_path": "/healthz", "cpu": 0.5, "memory": 512, "env": {"SHOP": "1"}},
    },
    "api": {"BACKEND": GUNICORN, "ARGS": {"address": "0.0.0.0", "port": 8001, "graceful-timeout": 45}},
    "celery_worker": {"BACKEND": CELERY, "APP": "tests.workers_project.celery.app"},
    "beat": {"BACKEND": BEAT, "APP": "tests.workers_project.celery.app"},
}


def export(fmt: str, *argv: str, fleet: dict[str, Any] = CONTAINER_FLEET) -> str:
    with override_settings(PRODUCTION_PROCESSES=fleet):
        from io import StringIO

        out = StringIO()
        call_command("prodserver", "--export", fmt, *argv, stdout=out)
    return out.getvalue()


def tool(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd=cwd)


def test_kubernetes_manifests_pass_kubernetes_validate_strict(tmp_path: Path) -> None:
    manifest = tmp_path / "kubernetes.yaml"
    manifest.write_text(export("kubernetes", "--image", IMAGE))
    done = tool(str(BIN / "kubernetes-validate"), "--strict", str(manifest))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("passed") == 6, done.stdout  # 4 Deployments, 2 Services
    text = manifest.read_text()
    # The preStop sleep (5 s) + the drain (20 s, 45 s, 30 s assumed for one without limit, 0 s) + 5 s.
    assert [line.strip() for line in text.splitlines() if "terminationGracePeriodSeconds" in line] == [
        "terminationGracePeriodSeconds: 30",
        "terminationGracePeriodSeconds: 55",
        "terminationGracePeriodSeconds: 40",
        "terminationGracePeriodSeconds: 10",
    ]
    assert 'name: "celery-worker"' in text
    # Granian's metrics port beside its own: in the container's ports and the Service's.
    assert text.count('name: "metrics"') == 2
    assert "python -m celery -A tests.workers_project.celery.app inspect ping --destination celery@${HOSTNAME}" in text
    assert "# no probe: beat offers no health check a probe could run" in text


def test_compose_file_passes_the_compose_spec_schema(tmp_path: Path) -> None:
    compose = tmp_path / "compose.yaml"
    compose.write_text(export("compose", "--image", IMAGE))
    done = tool(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.compose-spec", str(compose))
    assert done.returncode == 0, done.stdout + done.stderr
    text = compose.read_text()
    assert 'stop_grace_period: "50s"' in text  # gunicorn's graceful-timeout 45 s + 5 s
    # $$: the container's shell reads ${HOSTNAME}, not compose from the host's environment.
    assert (
        'test: ["CMD-SHELL", "python -m celery -A tests.workers_project.celery.app inspect ping '
        '--destination celery@$${HOSTNAME} --timeout 10"]'
    ) in text
    assert 'ports: ["8001:8001"]' in text  # one api; web's three copies expose their port only
    assert 'expose: ["8000", "9090"]' in text


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="make test installs Debian's systemd")
def test_systemd_units_pass_systemd_analyze_verify_silently(tmp_path: Path) -> None:
    units = tmp_path / "units"
    with override_settings(PRODUCTION_PROCESSES=CONTAINER_FLEET):
        call_command("prodserver", "--export", "systemd", "--output", str(units))
    files = sorted(path.name for path in units.iterdir())
    assert files == ["api.service", "beat.service", "celery_worker.service", "web.service"]
    done = tool("systemd-analyze", "verify", *(str(units / name) for name in files))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    api = (units / "api.service").read_text()
    for line in ("KillSignal=SIGTERM", "KillMode=mixed", "TimeoutStopSec=50", "Restart=on-failure"):
        assert line in api.splitlines()


def test_supervisord_reads_the_environment_as_given(tmp_path: Path) -> None:
    from supervisor.options import ServerOptions  # type: ignore[import-untyped]

    env = {"MSG": 'a "b", 50% $HOME', "QUOTE": "it's", "EMPTY": "", "URL": "redis://h:1/0?a=b,c"}
    fleet = {"web": {"BACKEND": GRANIAN, "ARGS": {"port": 8000}, "DEPLOY": {"env": env}}}
    config = tmp_path / "supervisord.conf"
    config.write_text(export("supervisord", fleet=fleet))
    options = ServerOptions()
    options.configfile = str(config)
    options.process_config(do_usage=False)
    [program] = options.process_group_configs[0].process_configs
    assert program.environment == {"DJANGO_SETTINGS_MODULE": "tests.settings", **env}
    assert (program.stopsignal, program.stopwaitsecs, program.killasgroup) == (signal.SIGTERM, 35, True)


def test_supervisord_refuses_a_value_it_cannot_read() -> None:
    fleet = {"web": {"BACKEND": GRANIAN, "DEPLOY": {"env": {"MSG": '"quoted"'}}}}
    with pytest.raises(CommandError) as caught:
        export("supervisord", fleet=fleet)
    assert str(caught.value) == (
        "The variable MSG of supervisord's environment= cannot hold '\"quoted\"' "
        "(both quotes, or a quote at an end); set it in supervisord's own environment."
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["compose"], "--export compose needs --image IMAGE: the image that holds the project and its Python."),
        (["kubernetes"], "--export kubernetes needs --image IMAGE: the image that holds the project and its Python."),
        (["systemd"], "--export systemd needs --output DIR: it writes one <name>.service file per process."),
        (
            ["procfile", "nope"],
            "No process named 'nope' in PRODUCTION_PROCESSES; declared: 'web', 'api', 'celery_worker', 'beat'.",
        ),
        (["procfile", "--all"], "Error: argument --all: not allowed with argument --export"),
    ],
)
def test_export_refusals(argv: list[str], message: str) -> None:
    with pytest.raises(CommandError) as caught:
        export(*argv)
    assert str(caught.value) == message


@pytest.mark.parametrize("fmt", ["compose", "kubernetes"])
def test_a_container_export_is_one_document_on_stdout(fmt: str) -> None:
    # Only systemd needs --output DIR (a file per process); the container formats are one document.
    assert export(fmt, "--image", IMAGE).startswith("# ")


def test_a_server_on_loopback_is_no_container_service() -> None:
    fleet = {"web": {"BACKEND": GRANIAN, "ARGS": {"address": "127.0.0.1", "port": 8000}}}
    with pytest.raises(CommandError) as caught:
        export("kubernetes", "--image", IMAGE, fleet=fleet)
    assert str(caught.value) == (
        "Process 'web' listens on 127.0.0.1, which nothing outside its container reaches; "
        "set its ARGS address to '0.0.0.0' (or '::')."
    )


def test_procfile_binds_port_through_each_servers_override() -> None:
    fleet = {
        "web": {"BACKEND": GRANIAN, "ARGS": {"address": "::", "port": 8000}},
        "api": {"BACKEND": GUNICORN, "ARGS": {"bind": "[::]:8001"}},
        "beat": {"BACKEND": BEAT, "APP": "tests.workers_project.celery.app"},
    }
    lines = [line for line in export("procfile", fleet=fleet).splitlines() if not line.startswith("#")]
    settings = "exec env DJANGO_SETTINGS_MODULE=tests.settings"
    assert lines == [
        f"web: {settings} python -m django prodserver web --port ${{PORT:-8000}}",
        f"api: {settings} python -m django prodserver api --bind '[::]:'${{PORT:-8001}}",
        f"beat: {settings} python -m django prodserver beat",
    ]


def running(
    argv: list[str], directory: Path, cwd: Path | None = None
) -> AbstractContextManager[subprocess.Popen[bytes]]:
    """An engine in its own session, its output in directory/engine.txt; its session killed at the end."""
    return in_own_session(argv, directory / "engine.txt", environment(directory), cwd=cwd or directory)


def engine_output(directory: Path) -> str:
    return (directory / "engine.txt").read_text(errors="replace")


def exported(directory: Path, fmt: str, *names: str) -> str:
    argv = [sys.executable, "manage.py", "prodserver", "--export", fmt, *names]
    return run_ok(argv, environment(directory)).stdout


def test_supervisord_runs_the_export_and_sigterm_stops_everything(tmp_path: Path, database: Path) -> None:
    web, wsgi = project(tmp_path, database)
    (tmp_path / "supervisord.conf").write_text(exported(tmp_path, "supervisord", "web", "wsgi"))
    with running([str(BIN / "supervisord"), "-n", "-c", "supervisord.conf"], tmp_path) as process:
        wait_for(
            lambda: process.poll() is not None or (answers_200(web) and answers_200(wsgi)),
            "both servers",
            60,
            lambda: engine_output(tmp_path) + port_state(web) + port_state(wsgi),
        )
        assert process.poll() is None, engine_output(tmp_path)
        process.send_signal(signal.SIGTERM)
        assert process.wait(EXIT_TIMEOUT * 3) == 0, engine_output(tmp_path)
        # supervisord waited for each program: nothing is left in its session.
        assert subprocess.run(["pgrep", "-s", str(process.pid)], capture_output=True).stdout == b""
    text = engine_output(tmp_path)
    for name in ("web", "wsgi"):
        assert f"stopped: {name} (exit status 0)" in text, text


def test_the_procfile_runs_under_honcho_on_the_port_it_is_given(tmp_path: Path, database: Path) -> None:
    web, _ = project(tmp_path, database)
    # The web line only: honcho gives each process its own PORT (-p, then 100 more for each next one).
    procfile = [line for line in exported(tmp_path, "procfile").splitlines() if line.startswith(("#", "web:"))]
    (tmp_path / "Procfile").write_text("\n".join(procfile) + "\n")
    port = free_port()
    # honcho runs each line in its own directory, the project's, as a platform does.
    honcho = [str(BIN / "honcho"), "-f", str(tmp_path / "Procfile"), "start", "-p", str(port)]
    with running(honcho, tmp_path, cwd=EXAMPLE_DIR) as process:
        wait_for(
            lambda: process.poll() is not None or answers_200(port),
            "web on honcho's PORT",
            60,
            lambda: engine_output(tmp_path) + port_state(port),
        )
        assert process.poll() is None, engine_output(tmp_path)
        assert not answers_200(web)
        process.send_signal(signal.SIGTERM)
        # 143: honcho's own status after a SIGTERM, whatever its processes did; they drained and exited 0.
        assert process.wait(EXIT_TIMEOUT * 3) == 143, engine_output(tmp_path)
    text = engine_output(tmp_path)
    assert "web.1 stopped (rc=0)" in text, text
    assert not answers_200(port)
