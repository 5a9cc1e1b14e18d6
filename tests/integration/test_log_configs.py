"""Log configurations that gunicorn and uvicorn pass to ``logging.dictConfig`` or ``fileConfig``, started for real.

A configuration dictConfig refuses is refused by the check, in one message, before the server
starts; with that check silenced, the real server does fail as it configures logging, which is
what the check stands for.  A configuration dictConfig takes serves, and logs where it says.  An INI
file, for ``fileConfig``, is held to the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import yaml

from django_prodserver.rules.text import shown

from .gunicorn_servers import start_gunicorn
from .servers import Launcher, ProdServer, wait_for
from .uvicorn_servers import start_uvicorn

pytestmark = pytest.mark.integration


def file_handler(log_file: Path, formatter: str) -> dict[str, object]:
    return {"class": "logging.FileHandler", "filename": str(log_file), "formatter": formatter}


def silencing(check_id: str) -> str:
    return f"SILENCED_SYSTEM_CHECKS = [{check_id!r}]\n"


def assert_refused(server: ProdServer, check_id: str, message: str) -> None:
    """The check stopped the start: the message at its key, exit 1, no traceback."""
    assert server.wait_for_exit() == 1
    assert f"({check_id}) " in server.stderr, server.output()
    assert message in server.stderr, server.output()
    assert "Traceback" not in server.stdout + server.stderr


def test_gunicorn_a_refused_log_config_json_is_one_check_message(launcher: Launcher, tmp_path: Path) -> None:
    # A file that sets handlers, not loggers: gunicorn's loggers still name its 'error_console'.
    config = tmp_path / "logging.json"
    config.write_text(json.dumps({"handlers": {"h": {"class": "logging.StreamHandler"}}}))

    checked = start_gunicorn(launcher, {"log-config-json": str(config)}, wait=False)

    assert_refused(
        checked,
        "prodserver.E088",
        f"names {shown(config)}, which logging.dictConfig would refuse: logger 'gunicorn.error': "
        "its handler 'error_console' is not among the handlers.",
    )

    unchecked = start_gunicorn(
        launcher, {"log-config-json": str(config)}, wait=False, extra_settings=silencing("prodserver.E088")
    )

    assert unchecked.wait_for_exit() != 0
    assert "Unable to configure logger 'gunicorn.error'" in unchecked.stderr, unchecked.output()


def test_gunicorn_a_refused_logconfig_dict_fails_gunicorn_without_the_check(launcher: Launcher) -> None:
    args = {"logconfig-dict": {"root": {"handlers": ["file"]}}}

    checked = start_gunicorn(launcher, args, wait=False)

    assert_refused(checked, "prodserver.E088", "logger 'root': its handler 'file' is not among the handlers.")

    unchecked = start_gunicorn(launcher, args, wait=False, extra_settings=silencing("prodserver.E088"))

    assert unchecked.wait_for_exit() != 0
    assert "Unable to configure root logger" in unchecked.stderr, unchecked.output()


def test_gunicorn_logs_to_the_file_its_log_config_json_names(launcher: Launcher, tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "gunicorn.log"
    log_file.parent.mkdir()
    config = tmp_path / "logging.json"
    # gunicorn keeps its own "generic" formatter: this file replaces handlers, loggers and root only.
    handlers = {"file": file_handler(log_file, "generic")}
    loggers = {"gunicorn.error": {"handlers": ["file"], "level": "INFO", "propagate": False}}
    config.write_text(json.dumps({"handlers": handlers, "loggers": loggers, "root": {"handlers": ["file"]}}))

    server = start_gunicorn(launcher, {"log-config-json": str(config)})

    assert httpx.get(server.url("/"), timeout=5).status_code == 200
    wait_for(lambda: "Booting worker with pid" in log_file.read_text(), "gunicorn's log in its file")


def test_gunicorn_a_log_file_in_a_missing_directory_stops_the_start(launcher: Launcher, tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "gunicorn.log"
    handlers = {"file": file_handler(log_file, "generic")}
    args = {"logconfig-dict": {"handlers": handlers, "loggers": {}, "root": {"handlers": ["file"]}}}

    checked = start_gunicorn(launcher, args, wait=False)

    assert_refused(checked, "prodserver.E050", f"writes to {shown(str(log_file))}, in a directory that does not exist.")

    unchecked = start_gunicorn(launcher, args, wait=False, extra_settings=silencing("prodserver.E050"))

    assert unchecked.wait_for_exit() != 0
    assert "FileNotFoundError" in unchecked.stderr, unchecked.output()
    assert not log_file.parent.exists()


def test_uvicorn_a_refused_log_config_is_one_check_message(launcher: Launcher, tmp_path: Path) -> None:
    # Written as for gunicorn or Granian, which add "version": 1; uvicorn passes the file as it is.
    config = tmp_path / "logging.json"
    config.write_text(json.dumps({"disable_existing_loggers": False}))

    checked = start_uvicorn(launcher, {"log-config": str(config)}, wait=False)

    assert_refused(
        checked,
        "prodserver.E095",
        f'names {shown(config)}, which has no "version": 1, which logging.dictConfig requires.',
    )

    unchecked = start_uvicorn(
        launcher, {"log-config": str(config)}, wait=False, extra_settings=silencing("prodserver.E095")
    )

    assert unchecked.wait_for_exit() != 0
    assert "dictionary doesn't specify a version" in unchecked.stderr, unchecked.output()


def test_uvicorn_a_refused_yaml_log_config_fails_uvicorn_without_the_check(launcher: Launcher, tmp_path: Path) -> None:
    config = tmp_path / "logging.yaml"
    config.write_text(yaml.safe_dump({"version": 1, "loggers": {"uvicorn": {"handlers": ["default"]}}}))

    checked = start_uvicorn(launcher, {"log-config": str(config)}, wait=False)

    assert_refused(checked, "prodserver.E095", "logger 'uvicorn': its handler 'default' is not among the handlers.")

    unchecked = start_uvicorn(
        launcher, {"log-config": str(config)}, wait=False, extra_settings=silencing("prodserver.E095")
    )

    assert unchecked.wait_for_exit() != 0
    assert "Unable to configure logger 'uvicorn'" in unchecked.stderr, unchecked.output()


UVICORN_INI = """
[formatters]
keys =

[handlers]
keys = file

[loggers]
keys = root

[handler_file]
class = logging.handlers.RotatingFileHandlr
args = ('uvicorn.log',)

[logger_root]
level = INFO
handlers = file
"""
"""An INI file with a misspelt handler class: uvicorn gives any file not named .json, .yaml or .yml to fileConfig."""


def test_uvicorn_a_refused_ini_log_config_fails_uvicorn_without_the_check(launcher: Launcher, tmp_path: Path) -> None:
    config = tmp_path / "logging.ini"
    config.write_text(UVICORN_INI)

    checked = start_uvicorn(launcher, {"log-config": str(config)}, wait=False)

    assert_refused(
        checked,
        "prodserver.E095",
        f"names {shown(config)}, which logging.fileConfig would refuse: handler 'file': "
        "'logging.handlers.RotatingFileHandlr' cannot be imported",
    )

    unchecked = start_uvicorn(
        launcher, {"log-config": str(config)}, wait=False, extra_settings=silencing("prodserver.E095")
    )

    assert unchecked.wait_for_exit() != 0
    assert "logging.config.fileConfig(" in unchecked.stderr, unchecked.output()
    assert "No module named 'logging.handlers.RotatingFileHandlr'" in unchecked.stderr, unchecked.output()


def test_uvicorn_logs_to_the_file_its_yaml_log_config_names(launcher: Launcher, tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "uvicorn.log"
    log_file.parent.mkdir()
    config = tmp_path / "logging.yaml"
    formatters = {"plain": {"format": "%(levelname)s %(name)s %(message)s"}}
    loggers = {"uvicorn": {"handlers": ["file"], "level": "INFO", "propagate": False}}
    handlers = {"file": file_handler(log_file, "plain")}
    config.write_text(
        yaml.safe_dump({"version": 1, "formatters": formatters, "handlers": handlers, "loggers": loggers})
    )

    server = start_uvicorn(launcher, {"log-config": str(config)})

    assert httpx.get(server.url("/"), timeout=5).status_code == 200
    wait_for(lambda: "Started server process" in log_file.read_text(), "uvicorn's log in its file")
