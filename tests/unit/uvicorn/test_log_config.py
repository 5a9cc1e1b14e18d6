"""uvicorn's log-config, judged as ``logging.dictConfig`` judges the file uvicorn loads.

uvicorn loads a file ending in .json with json, in .yaml or .yml with PyYAML, and passes what it
loaded to ``dictConfig`` as it is, without its own defaults (``Config.configure_logging``).  Each case
also builds uvicorn's own ``Config`` in a child process (it configures logging, so this process's
logging stays as it is): the check must refuse exactly what uvicorn fails on.  A file of any other
name goes to ``logging.fileConfig`` (without defaults), and is judged as fileConfig would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from django_prodserver.backends.uvicorn.rules import INI_HINT, LOG_CONFIG_HINT
from django_prodserver.problems import Severity
from django_prodserver.validation import validate_process

BACKEND = "django_prodserver.backends.uvicorn.UvicornServer"
ARGS = "PRODUCTION_PROCESSES['web']['ARGS']"
MISSING_HINT = "Create it where prodserver runs, or fix the path; prodserver refuses to start without it."
TO_FILE = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"file": {"class": "logging.FileHandler", "filename": "logs/web.log", "formatter": "plain"}},
    "loggers": {"uvicorn": {"handlers": ["file"], "level": "INFO", "propagate": False}},
}


def problems(args: dict[str, Any], *, starting: bool = False) -> list[tuple[str, Severity, str, str | None]]:
    report = validate_process("web", {"BACKEND": BACKEND, "ARGS": args}, starting=starting)
    return [(p.id, p.severity, p.message, p.hint) for p in report.problems if not p.deploy]


UVICORN_CONFIG = "import sys; from uvicorn import Config; Config(app='demo.asgi:application', log_config=sys.argv[1])"
"""uvicorn's Config configures logging as it is created."""


def uvicorn_takes(directory: Path, name: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", UVICORN_CONFIG, str(directory / name)]
    return subprocess.run(command, cwd=directory, capture_output=True, text=True, timeout=60)


# (configuration, the end of the E095 message after "which", or None).
CASES: dict[str, tuple[Any, str | None]] = {
    "minimal": ({"version": 1}, None),
    "to-a-file": (TO_FILE, None),
    "no-version": (
        {"disable_existing_loggers": False, "loggers": {"uvicorn": {"level": "INFO"}}},
        'has no "version": 1, which logging.dictConfig requires',
    ),
    "unknown-handler": (
        {**TO_FILE, "loggers": {"uvicorn": {"handlers": ["default"]}}},
        "logging.dictConfig would refuse: logger 'uvicorn': its handler 'default' is not among the handlers",
    ),
    "unknown-keyword": (
        {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "strem": "ext://sys.stderr"}}},
        "logging.dictConfig would refuse: handler 'h': StreamHandler() does not take these arguments "
        "(got an unexpected keyword argument 'strem')",
    ),
}


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".yml"])
@pytest.mark.parametrize(("config", "reason"), CASES.values(), ids=CASES)
def test_a_log_config_is_judged_as_uvicorn_configures_it(
    config: Any, reason: str | None, suffix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logs").mkdir()
    name = f"logging{suffix}"
    (tmp_path / name).write_text(json.dumps(config) if suffix == ".json" else yaml.safe_dump(config))
    real = uvicorn_takes(tmp_path, name)

    message = f"{ARGS}['log-config'] names {name!r}, which {reason}."
    expected = [] if reason is None else [("prodserver.E095", Severity.ERROR, message, LOG_CONFIG_HINT)]
    assert problems({"log-config": name}) == expected
    assert (real.returncode == 0) is (reason is None), real.stderr


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("logging.json", "{", "is not valid JSON (Expecting property name enclosed in double quotes, line 1)"),
        ("logging.json", "[]", "holds a list, not a JSON object"),
        ("logging.yaml", "version: [1\n", "is not valid YAML (expected ',' or ']', but got '<stream end>', line 2)"),
        ("logging.yaml", "# nothing yet\n", "holds None, not a YAML mapping"),
        ("logging.yml", "- version: 1\n", "holds a list, not a YAML mapping"),
    ],
)
def test_a_file_uvicorn_cannot_load(
    name: str, content: str, reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(content)

    assert problems({"log-config": name}) == [
        ("prodserver.E095", Severity.ERROR, f"{ARGS}['log-config'] names {name!r}, which {reason}.", LOG_CONFIG_HINT)
    ]
    assert uvicorn_takes(tmp_path, name).returncode != 0


def test_a_log_file_in_a_missing_directory_is_a_missing_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logging.json").write_text(json.dumps(TO_FILE))
    message = (
        f"{ARGS}['log-config'] names 'logging.json', whose handler 'file' writes to 'logs/web.log', "
        "in a directory that does not exist."
    )

    assert problems({"log-config": "logging.json"}) == [("prodserver.W050", Severity.WARNING, message, MISSING_HINT)]
    assert problems({"log-config": "logging.json"}, starting=True) == [
        ("prodserver.E050", Severity.ERROR, message, "Create it, or fix the path.")
    ]
    real = uvicorn_takes(tmp_path, "logging.json")
    assert real.returncode != 0
    assert "FileNotFoundError" in real.stderr
    assert not (tmp_path / "logs").exists()


def test_judging_creates_no_log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logs").mkdir()
    (tmp_path / "logging.json").write_text(json.dumps(TO_FILE))

    assert problems({"log-config": "logging.json"}) == []
    assert not (tmp_path / "logs" / "web.log").exists()


INI = """
[formatters]
keys = plain

[handlers]
keys = {handlers}

[loggers]
keys = root, uvicorn

[formatter_plain]
format = %(asctime)s %(levelname)s %(name)s %(message)s

[logger_root]
level = INFO
handlers =

[logger_uvicorn]
qualname = uvicorn
{uvicorn}
"""


def ini(handlers: str = "", uvicorn: str = "handlers =", **sections: str) -> str:
    return INI.format(handlers=handlers, uvicorn=uvicorn) + "".join(f"\n[{k}]\n{v}\n" for k, v in sections.items())


TO_STDERR = "class = StreamHandler\nargs = (sys.stderr,)\nformatter = plain"

# (file name, INI text, the end of the E095 message after "which", or None).
INI_CASES: dict[str, tuple[str, str, str | None]] = {
    "to-stderr": ("logging.ini", ini("err", "handlers = err", handler_err=TO_STDERR), None),
    "to-a-file": (
        "logging.conf",
        ini("file", "handlers = file", handler_file="class = FileHandler\nargs = ('logs/web.log',)"),
        None,
    ),
    "no-formatters": ("logging.ini", "[loggers]\nkeys = root\n", "has no [formatters] section"),
    "json-in-capitals": (
        "logging.JSON",
        json.dumps(TO_FILE),
        "cannot be parsed as INI: line 1 comes before any [section]",
    ),
    "unknown-class": (
        "logging.cfg",
        ini("h", "handlers = h", handler_h="class = logging.StreamHandlr"),
        "logging.fileConfig would refuse: handler 'h': 'logging.StreamHandlr' cannot be imported "
        "(ModuleNotFoundError: No module named 'logging.StreamHandlr')",
    ),
    "logger-without-handlers": (
        "logging.ini",
        ini(uvicorn="level = INFO"),
        "logging.fileConfig would refuse: logger 'uvicorn': it has no 'handlers' (write 'handlers =' for none)",
    ),
    "args-do-not-evaluate": (
        "logging",
        ini("h", "handlers = h", handler_h="class = FileHandler\nargs = (logs/web.log,)"),
        "logging.fileConfig would refuse: handler 'h': its args '(logs/web.log,)' cannot be evaluated "
        "(NameError: name 'logs' is not defined)",
    ),
}


@pytest.mark.parametrize(("name", "text", "reason"), INI_CASES.values(), ids=INI_CASES)
def test_any_other_log_config_is_judged_as_file_config_takes_it(
    name: str, text: str, reason: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logs").mkdir()
    (tmp_path / name).write_text(text)
    real = uvicorn_takes(tmp_path, name)

    message = f"{ARGS}['log-config'] names {name!r}, which {reason}."
    expected = [] if reason is None else [("prodserver.E095", Severity.ERROR, message, INI_HINT)]
    assert problems({"log-config": name}) == expected
    assert (real.returncode == 0) is (reason is None), real.stderr


def test_an_ini_log_file_in_a_missing_directory_is_a_missing_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logging.ini").write_text(
        ini("file", "handlers = file", handler_file="class = FileHandler\nargs = ('logs/web.log',)")
    )
    message = (
        f"{ARGS}['log-config'] names 'logging.ini', whose handler 'file' writes to 'logs/web.log', "
        "in a directory that does not exist."
    )

    assert problems({"log-config": "logging.ini"}) == [("prodserver.W050", Severity.WARNING, message, MISSING_HINT)]
    assert problems({"log-config": "logging.ini"}, starting=True) == [
        ("prodserver.E050", Severity.ERROR, message, "Create it, or fix the path.")
    ]
    real = uvicorn_takes(tmp_path, "logging.ini")
    assert real.returncode != 0
    assert "FileNotFoundError" in real.stderr
    assert not (tmp_path / "logs").exists()
