"""gunicorn's log configurations, judged as ``logging.dictConfig`` judges what gunicorn gives it.

gunicorn lays a logconfig-dict or a log-config-json file over its own defaults, key by key, and
passes the result to ``dictConfig`` when its arbiter starts: the check judges that merged
configuration.  Each case also runs gunicorn's own ``glogging.Logger`` in a child process (so that
this process's logging stays as it is): the check must refuse exactly what gunicorn fails on.
An INI log-config goes to ``logging.fileConfig`` with gunicorn's defaults, judged the same way; and
gunicorn uses one configuration only: the others given are ignored (W087).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from gunicorn import glogging  # type: ignore[import-untyped]

from django_prodserver.backends.gunicorn.sources import DICT_CONFIG_HINT, GUNICORN_LOGGING, INI_HINT, gunicorn_logging
from django_prodserver.problems import Severity
from django_prodserver.rules.text import shown
from django_prodserver.validation import validate_process

BACKEND = "django_prodserver.backends.gunicorn.GunicornServer"
ARGS = "PRODUCTION_PROCESSES['web']['ARGS']"
MISSING_HINT = "Create it where prodserver runs, or fix the path; prodserver refuses to start without it."
STDOUT = {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}
TO_FILE = {
    "handlers": {"file": {"class": "logging.FileHandler", "filename": "logs/web.log", "formatter": "generic"}},
    "loggers": {"gunicorn.error": {"handlers": ["file"], "level": "INFO", "propagate": False}},
    "root": {"handlers": ["file"], "level": "INFO"},
}
"""Every log to one file: gunicorn's handlers replaced, so its loggers and root too."""


def problems(args: dict[str, Any], *, starting: bool = False) -> list[tuple[str, Severity, str, str | None]]:
    setting = {"BACKEND": BACKEND, "ARGS": {"no-control-socket": True, **args}}
    report = validate_process("web", setting, starting=starting)
    # W084 (when starting): logconfig-dict has no flag on gunicorn's command line.
    shown_here = [p for p in report.problems if not p.deploy and p.id != "prodserver.W084"]
    return [(p.id, p.severity, p.message, p.hint) for p in shown_here]


def test_the_defaults_are_gunicorns() -> None:
    assert GUNICORN_LOGGING == glogging.CONFIG_DEFAULTS


def test_the_merge_replaces_top_level_keys_as_gunicorn_does() -> None:
    config = {"handlers": {"h": STDOUT}, "version": 1}
    expected = glogging.CONFIG_DEFAULTS.copy()
    expected.update(config)

    assert gunicorn_logging(config) == expected
    assert gunicorn_logging({}) == glogging.CONFIG_DEFAULTS
    # A list of pairs is what dict.update takes; anything else gunicorn fails on before dictConfig.
    pairs = [["disable_existing_loggers", True]]
    assert gunicorn_logging(pairs) == {**GUNICORN_LOGGING, "disable_existing_loggers": True}
    assert gunicorn_logging(["version"]) is None
    assert gunicorn_logging(1) is None


# (configuration, what the check says about it: None, or the end of the E088 message after "which").
CASES: dict[str, tuple[Any, str | None]] = {
    "root-level": ({"root": {"handlers": ["console"], "level": "WARNING"}}, None),
    "everything-to-a-file": (TO_FILE, None),
    "own-formatter": (
        {"formatters": {**GUNICORN_LOGGING["formatters"], "json": {"format": '{"message": "%(message)s"}'}}},
        None,
    ),
    "version-2": ({"version": 2}, 'has "version": 2; logging.dictConfig supports only 1'),
    "handlers-without-loggers": (
        {"handlers": {"h": STDOUT}},
        "logging.dictConfig would refuse: logger 'gunicorn.error': its handler 'error_console' is not among "
        "the handlers",
    ),
    "formatters-without-generic": (
        {"formatters": {"plain": {"format": "%(message)s"}}},
        "logging.dictConfig would refuse: handler 'console': its formatter 'generic' is not among the formatters",
    ),
    "unknown-class": (
        {**TO_FILE, "handlers": {"file": {"class": "logging.FileHandlr", "filename": "web.log"}}},
        "logging.dictConfig would refuse: handler 'file': 'logging.FileHandlr' cannot be imported "
        "(ModuleNotFoundError: No module named 'logging.FileHandlr')",
    ),
    "unknown-level": (
        {"loggers": {"gunicorn.error": {"level": "LOUD", "handlers": ["error_console"]}}},
        "logging.dictConfig would refuse: logger 'gunicorn.error': level 'LOUD' is not a logging level "
        "(ValueError: Unknown level: 'LOUD')",
    ),
}

GUNICORN_LOGGER = """
import json, sys
from gunicorn.config import Config
from gunicorn.glogging import Logger
cfg = Config()
cfg.set(sys.argv[1], json.loads(sys.argv[2]) if sys.argv[1] == "logconfig_dict" else sys.argv[2])
Logger(cfg)
"""
"""What gunicorn's arbiter does first: create its logger, which configures logging."""


def gunicorn_takes(directory: Path, setting: str, value: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", GUNICORN_LOGGER, setting, value]
    return subprocess.run(command, cwd=directory, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(("config", "reason"), CASES.values(), ids=CASES)
def test_a_logconfig_dict_is_judged_as_gunicorn_configures_it(
    config: Any, reason: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logs").mkdir()
    real = gunicorn_takes(tmp_path, "logconfig_dict", json.dumps(config))

    message = f"{ARGS}['logconfig-dict'] is {shown(config)}, which {reason}."
    expected = [] if reason is None else [("prodserver.E088", Severity.ERROR, message, DICT_CONFIG_HINT)]
    assert problems({"logconfig-dict": config}) == expected
    assert (real.returncode == 0) is (reason is None), real.stderr


@pytest.mark.parametrize(("config", "reason"), CASES.values(), ids=CASES)
def test_a_log_config_json_is_judged_as_gunicorn_configures_it(
    config: Any, reason: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logs").mkdir()
    (tmp_path / "logging.json").write_text(json.dumps(config))
    real = gunicorn_takes(tmp_path, "logconfig_json", "logging.json")

    message = f"{ARGS}['log-config-json'] names 'logging.json', which {reason}."
    expected = [] if reason is None else [("prodserver.E088", Severity.ERROR, message, DICT_CONFIG_HINT)]
    assert problems({"log-config-json": "logging.json"}) == expected
    assert (real.returncode == 0) is (reason is None), real.stderr


def test_the_dict_is_shown_abridged_in_the_message() -> None:
    assert problems({"logconfig_dict": {"version": 2}}) == [
        (
            "prodserver.E088",
            Severity.ERROR,
            f"{ARGS}['logconfig_dict'] is {{'version': 2}}, which has \"version\": 2; "
            "logging.dictConfig supports only 1.",
            DICT_CONFIG_HINT,
        )
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{", "is not valid JSON (Expecting property name enclosed in double quotes, line 1)"),
        ("[1]", "holds a list, not a JSON object"),
        ('"version"', "holds a str, not a JSON object"),
    ],
)
def test_a_log_config_json_gunicorn_cannot_load(
    content: str, reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logging.json").write_text(content)

    message = f"{ARGS}['log-config-json'] names 'logging.json', which {reason}."
    assert problems({"log-config-json": "logging.json"}) == [
        ("prodserver.E088", Severity.ERROR, message, DICT_CONFIG_HINT)
    ]
    real = gunicorn_takes(tmp_path, "logconfig_json", "logging.json")
    assert real.returncode != 0
    assert "RuntimeError" in real.stderr


def test_a_list_of_pairs_is_what_gunicorn_takes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logging.json").write_text('[["disable_existing_loggers", true]]')

    assert problems({"log-config-json": "logging.json"}) == []
    assert gunicorn_takes(tmp_path, "logconfig_json", "logging.json").returncode == 0


def test_an_empty_dict_is_no_configuration() -> None:
    # gunicorn skips a falsy logconfig_dict and configures nothing.
    assert problems({"logconfig-dict": {}}) == []


def test_a_log_file_in_a_missing_directory_is_a_missing_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logging.json").write_text(json.dumps(TO_FILE))
    json_message = (
        f"{ARGS}['log-config-json'] names 'logging.json', whose handler 'file' writes to 'logs/web.log', "
        "in a directory that does not exist."
    )
    dict_message = (
        f"{ARGS}['logconfig-dict'] is {shown(TO_FILE)}, whose handler 'file' writes to 'logs/web.log', "
        "in a directory that does not exist."
    )

    assert problems({"log-config-json": "logging.json"}) == [
        ("prodserver.W050", Severity.WARNING, json_message, MISSING_HINT)
    ]
    assert problems({"logconfig-dict": TO_FILE}, starting=True) == [
        ("prodserver.E050", Severity.ERROR, dict_message, "Create it, or fix the path.")
    ]
    real = gunicorn_takes(tmp_path, "logconfig_dict", json.dumps(TO_FILE))
    assert real.returncode != 0
    assert "FileNotFoundError" in real.stderr
    assert not (tmp_path / "logs").exists()


def test_a_relative_log_file_is_found_from_chdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # gunicorn changes to chdir before it configures logging.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app" / "logs").mkdir(parents=True)

    assert problems({"logconfig-dict": TO_FILE, "chdir": "app"}) == []
    [(check_id, _, message, _)] = problems({"logconfig-dict": TO_FILE, "chdir": "."})
    assert (check_id, message.endswith("writes to 'logs/web.log', in a directory that does not exist.")) == (
        "prodserver.W050",
        True,
    )


def test_a_log_file_that_is_a_directory_needs_another_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logs" / "web.log").mkdir(parents=True)

    [(check_id, _, message, hint)] = problems({"logconfig-dict": TO_FILE})
    assert (check_id, hint) == ("prodserver.W050", "Fix the path; prodserver refuses to start without it.")
    assert message.endswith("whose handler 'file' writes to 'logs/web.log', which is a directory.")


INI = """
[formatters]
keys = generic

[handlers]
keys = {handlers}

[loggers]
keys = root

[formatter_generic]
format = %(asctime)s [%(process)d] [%(levelname)s] %(message)s

[logger_root]
level = INFO
{root}
"""


def ini(handlers: str = "", root: str = "handlers =", **sections: str) -> str:
    return INI.format(handlers=handlers, root=root) + "".join(f"\n[{k}]\n{v}\n" for k, v in sections.items())


# (INI file, the end of the E088 message after "which", or None).  gunicorn gives fileConfig its own
# defaults: every section has a 'handlers' (gunicorn's dict, as text), and %(here)s is the file's directory.
INI_CASES: dict[str, tuple[str, str | None]] = {
    "to-stderr": (ini("err", "handlers = err", handler_err="class = StreamHandler\nargs = (sys.stderr,)"), None),
    "to-a-file-beside-it": (
        ini("file", "handlers = file", handler_file="class = FileHandler\nargs = ('%(here)s/logs/web.log',)"),
        None,
    ),
    "loggers-only": ("[loggers]\nkeys=root\n", "has no [formatters] section"),
    "root-without-handlers": (
        ini(root=""),
        "logging.fileConfig would refuse: logger 'root': it has no 'handlers' (write 'handlers =' for none)",
    ),
    "unknown-class": (
        ini("h", handler_h="class = logging.FileHandlr\nargs = ('web.log',)"),
        "logging.fileConfig would refuse: handler 'h': 'logging.FileHandlr' cannot be imported "
        "(ModuleNotFoundError: No module named 'logging.FileHandlr')",
    ),
    "unknown-handler": (
        ini(root="handlers = console"),
        "logging.fileConfig would refuse: logger 'root': its handler 'console' is not among the handlers",
    ),
}


@pytest.mark.parametrize(("text", "reason"), INI_CASES.values(), ids=INI_CASES)
def test_a_log_config_is_judged_as_gunicorn_gives_it_to_file_config(
    text: str, reason: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "conf" / "logs").mkdir(parents=True)
    (tmp_path / "conf" / "logging.ini").write_text(text)
    real = gunicorn_takes(tmp_path, "logconfig", "conf/logging.ini")

    message = f"{ARGS}['log-config'] names 'conf/logging.ini', which {reason}."
    expected = [] if reason is None else [("prodserver.E088", Severity.ERROR, message, INI_HINT)]
    assert problems({"log-config": "conf/logging.ini"}) == expected
    assert (real.returncode == 0) is (reason is None), real.stderr


def test_an_ini_log_file_in_a_missing_directory_is_a_missing_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app").mkdir()
    (tmp_path / "logging.ini").write_text(
        ini("file", "handlers = file", handler_file="class = FileHandler\nargs = ('logs/web.log',)")
    )
    message = (
        f"{ARGS}['log-config'] names 'logging.ini', whose handler 'file' writes to {{}}, "
        "in a directory that does not exist."
    )

    assert problems({"log-config": "logging.ini"}) == [
        ("prodserver.W050", Severity.WARNING, message.format("'logs/web.log'"), MISSING_HINT)
    ]
    # gunicorn changes to chdir before it configures logging.
    assert problems({"log-config": "logging.ini", "chdir": "app"}, starting=True) == [
        ("prodserver.E050", Severity.ERROR, message.format("'app/logs/web.log'"), "Create it, or fix the path.")
    ]
    real = gunicorn_takes(tmp_path, "logconfig", "logging.ini")
    assert real.returncode != 0
    assert "FileNotFoundError" in real.stderr
    (tmp_path / "logs").mkdir()
    assert problems({"log-config": "logging.ini"}) == []


def ignored(field: str, winner: str) -> tuple[str, Severity, str, str]:
    return (
        "prodserver.W087",
        Severity.WARNING,
        f"{ARGS}['{field}'] is ignored: gunicorn uses {winner} instead "
        "(it takes logconfig-dict, else log-config-json, else log-config).",
        f"Remove {field}, or remove {winner} to use it.",
    )


def test_gunicorn_uses_one_log_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logging.json").write_text('{"version": 1}')
    (tmp_path / "logging.ini").write_text(ini())
    dict_config = {"root": {"level": "WARNING"}}

    assert problems({"logconfig-dict": dict_config, "log-config-json": "logging.json"}) == [
        ignored("log-config-json", "logconfig-dict")
    ]
    assert problems({"logconfig-dict": dict_config, "log-config": "logging.ini"}) == [
        ignored("log-config", "logconfig-dict")
    ]
    assert problems({"log-config-json": "logging.json", "log-config": "logging.ini"}) == [
        ignored("log-config", "log-config-json")
    ]
    assert problems(
        {"log-config": "logging.ini", "log-config-json": "logging.json", "logconfig-dict": dict_config}
    ) == [
        ignored("log-config-json", "logconfig-dict"),
        ignored("log-config", "logconfig-dict"),
    ]
    # gunicorn skips an empty dict: the file is used.
    assert problems({"logconfig-dict": {}, "log-config-json": "logging.json"}) == []


def test_the_precedence_is_gunicorns(tmp_path: Path) -> None:
    """gunicorn configures logging from the dict alone: the JSON file would have failed."""
    (tmp_path / "logging.json").write_text('{"version": 2}')
    script = GUNICORN_LOGGER.replace("Logger(cfg)", "cfg.set('logconfig_json', 'logging.json'); Logger(cfg)")
    command = [sys.executable, "-c", script, "logconfig_dict", json.dumps({"root": {"level": "WARNING"}})]
    assert subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60).returncode == 0
    command = [sys.executable, "-c", script, "logconfig_dict", "{}"]
    assert subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60).returncode != 0
