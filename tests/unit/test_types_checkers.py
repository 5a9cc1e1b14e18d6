"""mypy and pyright on the sample settings of tests/typing/: the typed setting reports mistakes.

Inside ``ProductionProcesses`` the process is a union (one TypedDict per backend), so both
checkers name the process rather than the key; ARGS written as ``GranianASGIArgsDict({...})``
or as a model instance get the exact key.  Each expected line below is the checker's own text.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from ..tools import typegen
from .test_docs_blocks import all_blocks

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "typing"
# Every process type of ProductionProcesses, in the order of the union (the registry's).
PROCESSES = [typegen.process_name(backend) for backend in typegen.BACKENDS]
AMBIGUOUS = (
    f"Type of TypedDict is ambiguous, none of ({', '.join(map(repr, PROCESSES))}) matches cleanly  [misc]".replace(
        "'", '"'
    )
)
# mypy names the first five members of a long union, then counts the rest.
UNION = " | ".join(PROCESSES[:5]) + (f" | <{len(PROCESSES) - 5} more items>" if len(PROCESSES) > 5 else "")


def dict_entry(inferred: str) -> str:
    expected = f'"str": "{UNION}"'
    return f'Dict entry 0 has incompatible type "str": "{inferred}"; expected {expected}  [dict-item]'


def run(command: list[str], timeout: int = 180) -> str:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """``{file name: ["line: error: message  [code]", ...]}`` from one mypy run over every sample."""
    cache = tmp_path_factory.mktemp("mypy-cache")
    config = SAMPLES / "mypy.ini"
    samples = sorted(str(path.relative_to(ROOT)) for path in SAMPLES.glob("*.py"))
    output = run([sys.executable, "-m", "mypy", "--config-file", str(config), "--cache-dir", str(cache), *samples])
    assert output.rstrip().endswith(f"(checked {len(samples)} source files)"), output
    errors: dict[str, list[str]] = defaultdict(list)
    for line in output.splitlines():
        path, sep, rest = line.partition(":")
        if sep and path.startswith("tests/typing/") and ": note: " not in rest:
            errors[Path(path).name].append(rest)
    return errors


@pytest.fixture(scope="module")
def pyright_errors() -> dict[str, list[tuple[int, str, str]]]:
    """``{file name: [(line, rule, first line of the message), ...]}`` from one pyright run."""
    output = run([sys.executable, "-m", "pyright", "--pythonpath", sys.executable, "--outputjson", str(SAMPLES)])
    report = json.loads(output)
    assert report["summary"]["filesAnalyzed"] == len(list(SAMPLES.glob("*.py")))
    errors: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for diagnostic in report["generalDiagnostics"]:
        lines = [line.replace("\xa0", " ").strip() for line in diagnostic["message"].splitlines()]
        where = (diagnostic["range"]["start"]["line"] + 1, diagnostic["rule"], lines[0])
        errors[Path(diagnostic["file"]).name].append(where)
        errors[Path(diagnostic["file"]).name].extend((where[0], "detail", line) for line in lines[1:])
    return errors


def test_mypy_accepts_correct_settings(mypy_errors: dict[str, list[str]]) -> None:
    assert mypy_errors["settings_ok.py"] == []


def test_mypy_reports_misspelt_key(mypy_errors: dict[str, list[str]]) -> None:
    assert mypy_errors["settings_misspelt_key.py"] == [
        f"6: error: {dict_entry('dict[str, Collection[str]]')}",
        f"6: error: {AMBIGUOUS}",
        f"14: error: {dict_entry('dict[str, Collection[str]]')}",
        f"14: error: {AMBIGUOUS}",
        '16: error: Extra key "wokers" for TypedDict "GranianASGIArgsDict"  [typeddict-unknown-key]',
    ]


def test_mypy_reports_wrong_value_type(mypy_errors: dict[str, list[str]]) -> None:
    assert mypy_errors["settings_wrong_type.py"] == [
        f"6: error: {dict_entry('dict[str, Collection[str]]')}",
        f"6: error: {AMBIGUOUS}",
        f"14: error: {dict_entry('dict[str, Collection[str]]')}",
        f"14: error: {AMBIGUOUS}",
        '16: error: Incompatible types (expression has type "float", TypedDict item "workers" has type "int | str")'
        "  [typeddict-item]",
    ]


def test_mypy_reports_bad_http_choice(mypy_errors: dict[str, list[str]]) -> None:
    assert mypy_errors["settings_bad_choice.py"] == [
        f"6: error: {dict_entry('dict[str, Collection[str]]')}",
        f"6: error: {AMBIGUOUS}",
        f"14: error: {dict_entry('dict[str, Collection[str]]')}",
        f"14: error: {AMBIGUOUS}",
        """16: error: Incompatible types (expression has type "Literal['3']", TypedDict item "http" has type"""
        """ "Literal['auto', '1', '2', 1, 2]")  [typeddict-item]""",
    ]


def test_mypy_reports_misspelt_model_keyword(mypy_errors: dict[str, list[str]]) -> None:
    assert mypy_errors["settings_model_typo.py"] == [
        f"7: error: {dict_entry('dict[str, object]')}",
        f"7: error: {AMBIGUOUS}",
        '9: error: Unexpected keyword argument "adress" for "GranianASGIArgs"; did you mean "address"?  [call-arg]',
    ]


def test_mypy_reports_misspelt_key_beside_a_custom_backend(mypy_errors: dict[str, list[str]]) -> None:
    # The custom process itself is accepted; the Granian one, annotated on its own, is checked.
    assert mypy_errors["settings_custom_backend.py"] == [
        '7: error: Incompatible types (expression has type "dict[str, object]", TypedDict item "ARGS" has type'
        ' "GranianASGIArgsDict | GranianASGIArgs")  [typeddict-item]',
    ]


def test_pyright_accepts_correct_settings(pyright_errors: dict[str, list[tuple[int, str, str]]]) -> None:
    assert pyright_errors["settings_ok.py"] == []


def test_pyright_names_the_exact_problem(pyright_errors: dict[str, list[tuple[int, str, str]]]) -> None:
    assert (16, "detail", '"wokers" is an undefined item in type "GranianASGIArgsDict"') in pyright_errors[
        "settings_misspelt_key.py"
    ]
    assert (16, "detail", 'Type "float" is not assignable to type "Integer"') in pyright_errors[
        "settings_wrong_type.py"
    ]
    assert (
        16,
        "detail",
        """Type "Literal['3']" is not assignable to type "Literal['auto', '1', '2', 1, 2]\"""",
    ) in pyright_errors["settings_bad_choice.py"]
    assert pyright_errors["settings_model_typo.py"] == [(9, "reportCallIssue", 'No parameter named "adress"')]


@pytest.mark.parametrize("sample", ["settings_misspelt_key.py", "settings_wrong_type.py", "settings_bad_choice.py"])
def test_pyright_reports_the_process(pyright_errors: dict[str, list[tuple[int, str, str]]], sample: str) -> None:
    rules = [(line, rule) for line, rule, _ in pyright_errors[sample] if rule != "detail"]
    assert rules == [(6, "reportAssignmentType"), (16, "reportArgumentType")]


def test_docs_quote_mypy_as_it_reports(mypy_errors: dict[str, list[str]]) -> None:
    # docs/typed-settings.md shows mypy's output; each line must be one mypy gives on the samples.
    reported = {line.partition(": ")[2] for lines in mypy_errors.values() for line in lines}
    quoted = [block for block in all_blocks() if block.kind == "mypy-output"]
    assert len(quoted) == 2
    for block in quoted:
        for line in block.text.splitlines():
            assert line.split(": ", 1)[1] in reported, f"{block.where}: {line}"
