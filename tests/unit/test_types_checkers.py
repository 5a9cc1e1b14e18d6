"""mypy and pyright on the sample settings of tests/typing/, and the docs that quote them.

``settings_ok.py`` holds one ordinary process per backend: no checker says anything.  Each other
sample holds one mistake; what each checker prints for it, with the sample renamed
``settings.py``, is what docs/typed-settings.md quotes in its ``mypy-output``,
``mypy-plugin-output`` and ``pyright-output`` blocks (the sample itself is quoted there too), so
the page cannot drift from the installed releases.  One test per checker: each runs it once.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import pytest

from ..tools import typegen
from .test_docs_blocks import Block, all_blocks

MAIN_RUN = sys.version_info[:2] == (3, 11)
"""Python 3.11, the main run: the docs quote what its checkers print."""

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "typing"
SAMPLE_FILES = sorted(path.name for path in SAMPLES.glob("*.py"))
CHECKERS = {
    "mypy-output": SAMPLES / "mypy.ini",
    "mypy-plugin-output": SAMPLES / "mypy-plugin.ini",
}
_PYRIGHT_LINE = re.compile(r"^  (?P<path>/\S+?\.py):(?P<rest>\d+:\d+ - .*)$")


def run(command: list[str]) -> str:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode in (0, 1), done.stdout + done.stderr
    return done.stdout


def mypy_output(config: Path, cache: Path) -> dict[str, str]:
    """``{sample: what mypy prints about it}``, the sample's path written ``settings.py``."""
    samples = [f"tests/typing/{name}" for name in SAMPLE_FILES]
    output = run([sys.executable, "-m", "mypy", "--config-file", str(config), "--cache-dir", str(cache), *samples])
    assert output.rstrip().endswith(f"(checked {len(samples)} source files)"), output
    reported: dict[str, str] = defaultdict(str)
    for line in output.splitlines():
        path, sep, rest = line.partition(":")
        # Notes point at definitions ("defined in ..."); errors in the package itself are not the samples'.
        if sep and path.startswith("tests/typing/") and ": note: " not in rest:
            reported[Path(path).name] += f"settings.py:{rest}\n"
    return reported


def pyright_output() -> dict[str, str]:
    """``{sample: what pyright prints about it}``, each diagnostic with its detail lines."""
    output = run([sys.executable, "-m", "pyright", "--pythonpath", sys.executable, str(SAMPLES)])
    reported: dict[str, str] = defaultdict(str)
    sample = None
    for line in output.splitlines():
        if match := _PYRIGHT_LINE.match(line):
            sample = Path(match["path"]).name
            reported[sample] += f"settings.py:{match['rest']}\n"
        elif line.startswith("  \xa0") and sample is not None:
            # A detail line, indented with no-break spaces under its diagnostic.
            reported[sample] += line.removeprefix("  ").replace("\xa0", " ") + "\n"
    return reported


def quoted(kind: str) -> list[Block]:
    return [block for block in all_blocks() if block.kind == kind]


def assert_docs_quote(kind: str, reported: dict[str, str]) -> None:
    blocks = quoted(kind)
    assert blocks, f"the docs quote no {kind}"
    # The page names the releases it quotes: those installed.
    checker = "pyright" if kind == "pyright-output" else "mypy"
    release = version(checker) if checker == "pyright" else ".".join(version(checker).split(".")[:2])
    assert all(f"{checker} {release}" in block.path.read_text() for block in blocks), f"{checker} {release}"
    for block in blocks:
        (sample,) = block.args
        assert block.text == reported[sample], f"{block.where} is not what the checker prints for {sample}"
        samples = [other.text for other in all_blocks() if other.path == block.path and other.language == "python"]
        assert (SAMPLES / sample).read_text() in samples, f"{block.path.name} does not show tests/typing/{sample}"


# Without the plugin, each process is checked against ``Process`` (every backend's option names);
# with it, against its own backend's typed dictionary.
BY_BACKEND = {
    "mypy-output": "",
    "mypy-plugin-output": (
        'settings.py:4: error: Missing key "APP" for TypedDict "CeleryWorkerProcess"  [typeddict-item]\n'
        'settings.py:10: error: Extra key "bind" for TypedDict "GranianWSGIArgsDict"  [typeddict-unknown-key]\n'
    ),
}


@pytest.mark.parametrize("kind", CHECKERS)
def test_mypy(kind: str, tmp_path: Path) -> None:
    reported = mypy_output(CHECKERS[kind], tmp_path)
    assert reported["settings_ok.py"] == ""
    # The key at fault, by name, with or without the plugin.
    assert 'Extra key "wokers"' in reported["settings_misspelt_key.py"]
    assert 'TypedDict item "workers"' in reported["settings_wrong_type.py"]
    assert "GunicornServr" in reported["settings_misspelt_backend.py"]
    assert reported["settings_other_backends_keys.py"] == BY_BACKEND[kind]
    # A model's keyword, by the pydantic plugin; a process annotated on its own (beside a custom backend).
    assert reported["settings_model_typo.py"] == (
        'settings.py:8: error: Unexpected keyword argument "adress" for "GranianASGIArgs"; did you mean "address"?'
        "  [call-arg]\n"
    )
    assert reported["settings_custom_backend.py"] == (
        'settings.py:7: error: Incompatible types (expression has type "dict[str, object]", TypedDict item "ARGS"'
        ' has type "GranianASGIArgsDict | GranianASGIArgs")  [typeddict-item]\n'
    )
    if MAIN_RUN:
        # The page quotes the main run's mypy; the matrix's Pythons may install another release
        # (mypy 2.4 needs Python 3.11: 3.10 gets 2.3), whose behaviour is asserted above.
        assert_docs_quote(kind, reported)


def test_pyright() -> None:
    reported = pyright_output()
    assert reported["settings_ok.py"] == ""
    assert '"wokers" is an undefined item in type "ArgsDict"' in reported["settings_misspelt_key.py"]
    assert 'Type "float" is not assignable to type "Integer"' in reported["settings_wrong_type.py"]
    assert "GunicornServr" in reported["settings_misspelt_backend.py"]
    assert reported["settings_other_backends_keys.py"] == ""
    assert (
        reported["settings_model_typo.py"]
        == 'settings.py:8:29 - error: No parameter named "adress" (reportCallIssue)\n'
    )
    assert_docs_quote("pyright-output", reported)


def test_samples_hold_one_ordinary_process_per_backend() -> None:
    text = (SAMPLES / "settings_ok.py").read_text()
    for backend in typegen.BACKENDS:
        assert text.count(f'"BACKEND": "{typegen.dotted_path(backend)}"') >= 1, backend.__name__
