"""Every code example of the docs and the README is run or validated (see test_docs_blocks for the format).

- ``python``: executed; a ``PRODUCTION_PROCESSES`` it defines must pass the registered check
  (``check --deploy`` included), or give exactly the IDs its ``check`` marker lists.
- ``bash``: each command is parsed by the program's own parser (``manage.py`` commands by
  Django's, ``granian`` by Granian's click CLI, ``pip`` requirements by ``packaging``);
  ``prodserver`` commands also run, with ``--dry-run``.
- ``dockerfile``, ``ini``, Procfiles: parsed, and the commands they run checked as above.
- an export's output (the compose and Kubernetes ``yaml`` among them): compared with the export itself
  by ``tests/fleet/test_deployment_docs.py``.
- ``json``: Granian logging configurations, which Granian's merge and ``logging.dictConfig`` must take.
"""

from __future__ import annotations

import configparser
import io
import json
import re
import shlex
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core import checks
from django.core.management import call_command, get_commands, load_command_class
from django.test.utils import override_settings
from packaging.requirements import Requirement

from .test_docs_blocks import DOCUMENTS, ROOT, Block, all_blocks

ENVIRONMENT = {"PORT": "8000"}
"""Variables the shell examples use, as the platform would set them."""
# Commands that are not Django's or ours: the example is only split into words.
EXTERNAL_PROGRAMS = {"openssl", "sleep", "curl", "chmod"}
DOCKER_INSTRUCTIONS = {"FROM", "ENV", "WORKDIR", "COPY", "RUN", "USER", "EXPOSE", "CMD", "ARG", "LABEL"}
# Django commands of apps the test settings do not install.
OTHER_COMMANDS = {"collectstatic": "django.contrib.staticfiles"}


EVERYWHERE = {"prodserver.W072", "prodserver.W083"}
"""``check --deploy``'s advice for Granian's workers-kill-timeout and gunicorn 27's control socket."""
DOCS_PROJECT = {
    "INSTALLED_APPS": [*settings.INSTALLED_APPS, "django_tasks", "django_tasks_db", "django_q"],
    "TASKS": {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    "Q_CLUSTER": {"name": "mysite", "orm": "default", "timeout": 60, "retry": 120},
    # mysite/celery.py reads its broker from the settings; an example may set another.
    "CELERY_BROKER_URL": "memory://",
}
"""The settings of the project the worker pages describe (``mysite``, tests/docs_project)."""


PROXY_SETTINGS = {"SECURE_PROXY_SSL_HEADER", "USE_X_FORWARDED_HOST"}
"""Django settings an example may give that the check reads (rules/proxy_deploy.py)."""
DOCS_PROJECT_DIRECTORY = Path(__file__).resolve().parents[1] / "docs_project"


@contextmanager
def docs_project_on_path() -> Iterator[None]:
    """``mysite`` importable while an example is checked, and forgotten afterwards (other tests expect none)."""
    directory = str(DOCS_PROJECT_DIRECTORY)
    sys.path.insert(0, directory)
    try:
        yield
    finally:
        sys.path.remove(directory)
        for name in [name for name in sys.modules if name == "mysite" or name.startswith("mysite.")]:
            del sys.modules[name]


def examples(*languages: str) -> list[Any]:
    # An export's output is checked against the export itself (tests/fleet/test_deployment_docs.py).
    chosen = [block for block in all_blocks() if block.language in languages and block.kind != "export"]
    return [pytest.param(block, id=block.where) for block in chosen]


def expected_ids(block: Block) -> list[str]:
    if block.kind is None:
        return []
    assert block.kind == "check", f"{block.where}: a python example's marker is 'check IDS', not {block.kind!r}"
    return sorted(block.args)


@pytest.mark.parametrize("block", examples("python"))
def test_python_example(block: Block) -> None:
    if block.kind == "catalogue":
        # The checks reference's examples: the catalogue tests run them, with the files they name.
        return
    if block.kind == "file":
        # A file of the project the pages describe (mysite/celery.py): the one the examples import.
        (name,) = block.args
        assert block.text == (DOCS_PROJECT_DIRECTORY / name).read_text(), (
            f"{block.where} is not tests/docs_project/{name}"
        )
        return
    namespace = executed(block)
    processes = namespace.get("PRODUCTION_PROCESSES")
    if processes is None:
        assert block.kind is None, f"{block.where} is marked but defines no PRODUCTION_PROCESSES"
        return
    with page_settings(namespace), docs_project_on_path():
        messages = checks.run_checks(tags=["prodserver"], include_deployment_checks=True)
    found = {message.id for message in messages if message.id}
    # Production advice every example of its server gets; the examples show other things.
    found -= EVERYWHERE - set(expected_ids(block))
    assert sorted(found) == expected_ids(block), messages


def executed(block: Block) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "docs_example"}
    exec(compile(block.text, block.where, "exec"), namespace)
    return namespace


@contextmanager
def page_settings(namespace: dict[str, Any]) -> Iterator[None]:
    """The setting an example defines, with the Celery settings it gives (``CELERY_BROKER_URL``) and
    Django's proxy settings, which the check --deploy cross-checks with the servers'."""
    celery = {name: value for name, value in namespace.items() if name.startswith("CELERY_") or name in PROXY_SETTINGS}
    with override_settings(PRODUCTION_PROCESSES=namespace["PRODUCTION_PROCESSES"], **{**DOCS_PROJECT, **celery}):
        yield


def setting_above(block: Block) -> dict[str, Any]:
    """The namespace of the last example above ``block`` on its page that defines PRODUCTION_PROCESSES."""
    above = [other for other in all_blocks() if other.path == block.path and other.line < block.line]
    for other in reversed(above):
        if other.language == "python" and other.kind != "file" and "PRODUCTION_PROCESSES" in other.text:
            return executed(other)
    raise AssertionError(f"{block.where}: no setting above it")


@pytest.mark.parametrize("block", examples("bash"))
def test_shell_example(block: Block) -> None:
    assert block.kind in (None, "with-the-setting-above"), block.where
    if block.kind is None:
        for command in shell_commands(block.text):
            check_command(command)
        return
    # The commands of a page's walkthrough, run against the setting the page has just shown.
    with page_settings(setting_above(block)), docs_project_on_path():
        for command in shell_commands(block.text):
            check_command(command)


@pytest.mark.parametrize("block", examples("dockerfile"))
def test_dockerfile_example(block: Block) -> None:
    for line in block.text.splitlines():
        instruction, _, rest = line.partition(" ")
        assert instruction in DOCKER_INSTRUCTIONS, f"{block.where}: {line}"
        if instruction == "CMD":
            check_command(json.loads(rest))
        elif instruction == "RUN":
            check_command(shlex.split(rest))


@pytest.mark.parametrize("block", examples("json"))
def test_log_config_example(block: Block) -> None:
    from django_prodserver.backends.granian.logs import granian_logging
    from django_prodserver.rules.logging_config import dict_config_fault

    assert dict_config_fault(granian_logging(json.loads(block.text))) is None


@pytest.mark.parametrize("block", examples("ini"))
def test_ini_example(block: Block) -> None:
    config = configparser.ConfigParser()
    config.read_string(block.text)
    for plugin in config.get("mypy", "plugins", fallback="").split(","):
        __import__(plugin.strip())


@pytest.mark.parametrize("block", examples("text", ""))
def test_text_blocks_say_what_they_are(block: Block) -> None:
    # An unmarked text block would be an example nothing checks.
    kinds = (
        "procfile",
        "mypy-output",
        "mypy-plugin-output",
        "pyright-output",
        "usage",
        "all-output",
        "catalogue",
        "check-output",
        "help",
    )
    assert block.kind in kinds, f"{block.where}: mark it, or give it a checked language"
    if block.kind == "usage":
        parser = load_command_class("django_prodserver", "prodserver").create_parser("manage.py", "prodserver")
        assert block.text == "python " + parser.format_usage().removeprefix("usage: ")
    if block.kind == "all-output":
        # prodserver --all's lines: the time, the process's name padded to the longest, a bar.
        bars = {line.index(" | ") for line in block.text.splitlines()}
        assert all(re.match(r"\d\d:\d\d:\d\d [\w-]+ +\| ", line) for line in block.text.splitlines()), block.where
        assert len(bars) == 1, f"{block.where}: the names are not aligned"
    if block.kind == "procfile":
        for line in block.text.splitlines():
            process_type, _, command = line.partition(": ")
            assert process_type.isidentifier(), line
            check_command(shell_words(command))


def shell_commands(text: str) -> list[list[str]]:
    """The commands of a shell example: one per line, comments dropped, ``&&`` splits."""
    commands: list[list[str]] = []
    for line in text.splitlines():
        words = shell_words(line)
        while "&&" in words:
            split = words.index("&&")
            commands.append(words[:split])
            words = words[split + 1 :]
        if words:
            commands.append(words)
    return commands


def shell_words(line: str) -> list[str]:
    lexer = shlex.shlex(line, posix=True, punctuation_chars="&")
    lexer.whitespace_split = True
    return [expand(word) for word in lexer]


def expand(word: str) -> str:
    for name, value in ENVIRONMENT.items():
        word = word.replace(f"${name}", value)
    assert "$" not in word, f"no value for {word!r}: add it to ENVIRONMENT"
    return word


def check_command(argv: list[str]) -> None:
    program, *args = argv
    handler = HANDLERS.get(program)
    if handler is None:
        assert program in EXTERNAL_PROGRAMS, f"no test knows the program of: {shlex.join(argv)}"
        return
    handler(args)


def check_python(args: list[str]) -> None:
    if args[:1] == ["manage.py"]:
        check_manage_py(args[1:])
    elif args == ["docs/_tools/generate.py"]:
        # The generator's output is what test_docs_generated compares the pages with.
        assert (ROOT / args[0]).is_file()
    else:
        pytest.fail(f"unexpected python command: python {shlex.join(args)}")


def check_manage_py(args: list[str]) -> None:
    name, *options = args
    app = get_commands().get(name) or OTHER_COMMANDS[name]
    command = load_command_class(app, name)
    command.create_parser("manage.py", name).parse_args(options)
    if name == "prodserver":
        run_prodserver(options)


def run_prodserver(options: list[str]) -> None:
    """Run the example for real; serving is replaced by a dry run, which validates everything else.

    An export is written (to a scratch directory for ``--output``); ``--all`` or several names are
    each process's dry run.
    """
    if "--export" in options:
        with tempfile.TemporaryDirectory() as scratch:
            if "--output" in options:
                at = options.index("--output") + 1
                options = [*options[:at], str(Path(scratch) / "out"), *options[at + 1 :]]
            call_command("prodserver", *options, stdout=io.StringIO(), stderr=io.StringIO())
        return
    parsed = load_command_class("django_prodserver", "prodserver").create_parser("manage.py", "prodserver")
    given = parsed.parse_args(options)
    if given.all or given.more:
        for name in [given.name, *given.more] if given.more else list(settings.PRODUCTION_PROCESSES):
            run_prodserver([name])
        return
    if "--list" not in options and "--dry-run" not in options:
        options = [*options, "--dry-run"]
    call_command("prodserver", *options, stdout=io.StringIO(), stderr=io.StringIO())


def check_pip(args: list[str]) -> None:
    assert args[0] == "install", args
    words = iter(args[1:])
    for word in words:
        if word == "-r":
            assert (ROOT / next(words)).name == "requirements.txt"
        elif not word.startswith("-"):
            Requirement(word)


def check_granian(args: list[str]) -> None:
    from granian.cli import cli

    cli.make_context("granian", list(args))


def check_make(args: list[str]) -> None:
    makefile = (ROOT / "Makefile").read_text()
    for target in args:
        assert f"\n{target}:" in makefile, f"no make target {target!r}"


HANDLERS: dict[str, Callable[[list[str]], None]] = {
    "python": check_python,
    "pip": check_pip,
    "granian": check_granian,
    "make": check_make,
}


def test_every_example_language_is_checked() -> None:
    # Equality both ways: a new language needs a test, and a test over no block checks nothing.
    assert {block.language for block in all_blocks()} == {"python", "bash", "dockerfile", "yaml", "ini", "json", "text"}


def test_a_refused_example_is_marked() -> None:
    marked = [block for block in all_blocks() if block.kind == "check" and any(".E" in i for i in block.args)]
    assert [block.args for block in marked if block.path.name == "granian.md"] == [("prodserver.E040",)]


def test_deliberately_wrong_example_fails() -> None:
    # The marker is honoured both ways: an unmarked refused setting fails its test.
    block = next(block for block in all_blocks() if block.args == ("prodserver.E040",))
    with pytest.raises(AssertionError, match=r"prodserver\.E040"):
        test_python_example(Block(block.path, block.line, block.language, block.text))


def test_check_ids_named_in_the_docs_exist() -> None:
    from django_prodserver.catalogue import catalogue

    known = {example.id for example in catalogue()}
    named = {
        (path.name, found) for path in DOCUMENTS for found in re.findall(r"prodserver\.[EW]\d{3}", path.read_text())
    }
    assert {(name, found) for name, found in named if found not in known} == set()
    assert len(named) > 10
