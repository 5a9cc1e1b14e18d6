"""A sampled mutation score of the whole package: ``python -m tests.tools.mutation_sample``.

Issue 22 measures the tests by the one-token bugs a hand slips in: a flipped comparison, ``and``
for ``or``, a dropped ``not``, a flipped boolean.  This tool seeds exactly those, and no other
kind (mutmut, ``make mutation``, also rewrites strings and numbers: a third of its survivors
are message texts, and a full run of the package takes many hours on 2 cores).

1. **Sites.** Every token of the four kinds in ``django_prodserver/`` (less the generated
   ``types.py``), each one mutant: ``<`` to ``<=`` and back (and ``>``/``>=``, ``==``/``!=``),
   ``is``/``is not``, ``in``/``not in``; ``and``/``or``; ``not x`` to ``x``; ``True``/``False``.
   A change that does not parse (the ``in`` of a ``for``) is not a site.
2. **Sample.** ``--count`` of them, drawn with ``random.Random(--seed)``: the same seed on the same
   code draws the same mutants.
3. **Which tests.** The unit, contract and fleet tests less those marked ``integration`` run once
   under coverage, each test its own context (``--cov-context``-like, subprocesses included).  A
   mutant is tried against the tests that ran its statement, fastest first; a statement run only at
   import time (a default, a class body) against the tests that ran any code of its package.
4. **Run.** One mutant at a time (one pytest process: the machine is shared), in a copy of the
   checkout under ``.mutation/``; killed when a test fails or the run exceeds 10 times its
   unmutated time.  The report lists each survivor as ``file:line: old -> new``.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import io
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tokenize
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "django_prodserver"
EXCLUDED = {"django_prodserver/types.py"}  # generated from the models (tests/tools/typegen.py)
TEST_DIRS = ("tests/unit", "tests/contract", "tests/fleet")
PYTEST_ARGS = ("-m", "not integration", "-p", "no:randomly", "-p", "no:cacheprovider", "-n", "0", "-q")
WORK = ROOT / ".mutation"
CONTEXT_ENV = "PRODSERVER_MUTATION_CONTEXT"
EQUIVALENT = {
    line.strip()
    for line in (Path(__file__).parent / "mutation_equivalent.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
}
# A declaration (a default, a class body) is tried against this many tests: those of the test
# modules that import its package, those that ran its module, then those that ran its package.
# The core's packages are used by nearly every test: a survivor would otherwise cost the suite.
IMPORT_TIME_LIMIT = 100
# The tests that read a module's declarations without running a line of it: all of them, first.
READERS = {"catalogue.py": "tests/unit/test_check_catalogue.py"}
FIRST_STAGE = 25

COMPARISON_FLIPS = {"==": "!=", "!=": "==", "<": "<=", "<=": "<", ">": ">=", ">=": ">"}


@dataclass(frozen=True)
class Mutant:
    path: str
    line: int
    col: int
    end_col: int
    old: str
    new: str
    kind: str

    def describe(self) -> str:
        return f"{self.path}:{self.line}: {self.old!r} -> {self.new!r}"


def _token_mutations(tokens: list[tokenize.TokenInfo]) -> Iterator[tuple[int, int, int, str, str, str]]:
    """(line, col, end_col, old, new, kind) for each token of the four kinds."""
    for index, token in enumerate(tokens):
        previous = tokens[index - 1].string if index else ""
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        (line, col), (_, end) = token.start, token.end
        if token.type == tokenize.OP and token.string in COMPARISON_FLIPS:
            yield line, col, end, token.string, COMPARISON_FLIPS[token.string], "comparison"
        if token.type != tokenize.NAME:
            continue
        if token.string in ("and", "or"):
            yield line, col, end, token.string, "or" if token.string == "and" else "and", "boolean operator"
        elif token.string in ("True", "False"):
            yield line, col, end, token.string, "False" if token.string == "True" else "True", "boolean constant"
        elif token.string == "is":
            if following is not None and following.string == "not" and following.start[0] == line:
                yield line, col, following.end[1], "is not", "is", "comparison"
            else:
                yield line, col, end, "is", "is not", "comparison"
        elif token.string == "in" and previous != "not":
            yield line, col, end, "in", "not in", "comparison"
        elif token.string == "not" and following is not None and following.start[0] == line:
            if following.string == "in":
                yield line, col, following.end[1], "not in", "in", "comparison"
            elif previous != "is":
                yield line, col, following.start[1], token.line[col : following.start[1]], "", "dropped not"


def _apply(lines: list[str], mutant: Mutant) -> str:
    mutated = list(lines)
    text = mutated[mutant.line - 1]
    mutated[mutant.line - 1] = text[: mutant.col] + mutant.new + text[mutant.end_col :]
    return "".join(mutated)


def sites(path: str) -> list[Mutant]:
    """Every mutant of the four kinds in one module that still parses and changes the program."""
    source = (ROOT / path).read_text()
    lines = source.splitlines(keepends=True)
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    original = ast.dump(ast.parse(source))
    found = []
    for line, col, end, old, new, kind in _token_mutations(tokens):
        mutant = Mutant(path, line, col, end, old, new, kind)
        try:
            tree = ast.parse(_apply(lines, mutant))
        except SyntaxError:
            continue
        if ast.dump(tree) != original:
            found.append(mutant)
    return found


def package_files() -> list[str]:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / PACKAGE).rglob("*.py"))
    return [f for f in files if f not in EXCLUDED]


# --- which tests run which lines ---------------------------------------------------------------

SITECUSTOMIZE = f"""\
import os
import coverage
_cov = coverage.process_startup()
if _cov is not None and os.environ.get({CONTEXT_ENV!r}):
    _cov.switch_context(os.environ[{CONTEXT_ENV!r}])
"""


def _tree_digest() -> str:
    digest = hashlib.sha256()
    for directory in (PACKAGE, "tests"):
        for path in sorted((ROOT / directory).rglob("*.py")):
            if path.name.startswith("mutation_"):  # this tool
                continue
            digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def _measure_coverage(cache: Path) -> dict[str, Any]:
    """Runs the tests once under coverage, one context per test; returns lines -> tests, durations."""
    import coverage

    scratch = Path(tempfile.mkdtemp(prefix="coverage-", dir=WORK))
    rc = scratch / "coveragerc"
    rc.write_text(f"[run]\nsource = {PACKAGE}\nparallel = true\ndata_file = {scratch / 'data'}\n")
    (scratch / "sitecustomize.py").write_text(SITECUSTOMIZE)
    durations = scratch / "durations.json"
    env = dict(os.environ, COVERAGE_PROCESS_START=str(rc), PRODSERVER_MUTATION_DURATIONS=str(durations))
    env["PYTHONPATH"] = os.pathsep.join([str(scratch), str(ROOT)])
    command = [sys.executable, "-m", "pytest", *TEST_DIRS, *PYTEST_ARGS, "-p", "tests.tools.mutation_contexts"]
    print("measuring which tests run which lines (the tests once, under coverage)...", flush=True)
    subprocess.run(command, cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL)
    combined = coverage.Coverage(data_file=str(scratch / "data"))  # combines the data.* files
    combined.combine([str(scratch)])
    combined.save()
    data = combined.get_data()
    lines: dict[str, dict[str, list[str]]] = {}
    for measured in data.measured_files():
        relative = os.path.relpath(measured, ROOT)
        if relative.startswith(PACKAGE):
            by_line = data.contexts_by_lineno(measured)
            lines[relative] = {str(n): sorted(set(c)) for n, c in by_line.items()}
    if not lines:
        raise SystemExit(f"the coverage run measured no line of {PACKAGE}: see {scratch}")
    recorded = json.loads(durations.read_text())
    result: dict[str, Any] = {"lines": lines, "durations": recorded["durations"], "failed": recorded["failed"]}
    cache.write_text(json.dumps(result))
    shutil.rmtree(scratch)
    return result


@dataclass
class TestMap:
    lines: dict[str, dict[str, list[str]]]
    durations: dict[str, float]
    failed: set[str]
    _cache: dict[str, set[str]] = field(default_factory=dict)

    def tests_for(self, mutant: Mutant, statement: tuple[int, int, bool]) -> tuple[list[str], str]:
        """The tests to try a mutant against, fastest first, and how they were chosen."""
        by_line = self.lines.get(mutant.path, {})
        contexts = {c for n in range(statement[0], statement[1] + 1) for c in by_line.get(str(n), [])}
        tests = {c for c in contexts if c}
        how = "ran its statement"
        if contexts and (statement[2] or not tests):
            # A declaration (a default, a decorator's argument): the tests that ran its module, then
            # those that ran its package (a drift test reads a model's defaults without running it).
            package = mutant.path.rsplit("/", 1)[0] + "/"
            first, then = self._fastest(self._running(mutant.path)), self._fastest(self._running(package))
            readers = [t for t in self._fastest(set(self.durations)) if t.split("::")[0] in _readers(mutant.path)]
            ordered = list(dict.fromkeys(readers + self._fastest(tests) + first + then))
            tests, how = set(ordered[:IMPORT_TIME_LIMIT]), "a declaration: the tests that ran its module, then package"
        return self._fastest(tests), how

    def _fastest(self, tests: set[str]) -> list[str]:
        return sorted(tests - self.failed, key=lambda t: (self.durations.get(t, 0.0), t))

    def _running(self, prefix: str) -> set[str]:
        """The tests that ran a line of the modules under ``prefix`` (one module, or a package)."""
        if prefix not in self._cache:
            self._cache[prefix] = {
                c
                for path, lines in self.lines.items()
                if path.startswith(prefix)
                for cs in lines.values()
                for c in cs
                if c
            }
        return self._cache[prefix]


def _readers(path: str) -> set[str]:
    """The test modules that import the package of ``path`` by name (a drift test reads a model's
    declarations and runs none of its lines), and the catalogue tests for a catalogue."""
    package = path.rsplit("/", 1)[0].replace("/", ".")
    found = {READERS[Path(path).name]} if Path(path).name in READERS else set()
    for directory in TEST_DIRS:
        for test in (ROOT / directory).rglob("test_*.py"):
            if re.search(rf"\b{re.escape(package)}(\.\w+)* import|import {re.escape(package)}\b", test.read_text()):
                found.add(str(test.relative_to(ROOT)))
    return found


def test_map() -> TestMap:
    WORK.mkdir(exist_ok=True)
    cache = WORK / f"coverage-{_tree_digest()}.json"
    raw: dict[str, Any] = json.loads(cache.read_text()) if cache.exists() else _measure_coverage(cache)
    return TestMap(raw["lines"], raw["durations"], set(raw["failed"]))


def statement_span(path: str, line: int) -> tuple[int, int, bool]:
    """The lines of the innermost simple statement (or compound header) holding ``line``, and
    whether it is a declaration: run when its module is imported (outside any function's body).

    A declaration's lines are recorded for whichever test happened to import the module first, so
    its tests are chosen as an import-time statement's are.
    """
    tree = ast.parse((ROOT / path).read_text())
    best = (line, line)
    declaration = True
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.body[0].lineno <= line <= (
            node.end_lineno or line
        ):
            declaration = False
        if isinstance(node, ast.stmt) and node.lineno <= line <= (node.end_lineno or line):
            body = getattr(node, "body", None)
            end = body[0].lineno - 1 if isinstance(body, list) and body and line < body[0].lineno else node.end_lineno
            span = (node.lineno, end or line)
            if span[1] - span[0] <= best[1] - best[0] or best == (line, line):
                best = span
    return best[0], best[1], declaration


# --- running the mutants -----------------------------------------------------------------------


def _copy_checkout(seed: int) -> Path:
    tree = WORK / f"tree-{seed}"
    if tree.exists():
        shutil.rmtree(tree)
    ignore = shutil.ignore_patterns(
        ".git", ".mutation", "mutants", ".venv*", ".tox", "__pycache__", "*.pyc", "_build", ".work"
    )
    shutil.copytree(ROOT, tree, ignore=ignore)
    return tree


def _run_tests(tree: Path, tests: list[str], timeout: float) -> str:
    args_file = tree.with_suffix(".tests")
    args_file.write_text("\n".join(tests) + "\n")
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONDONTWRITEBYTECODE="1")
    command = [sys.executable, "-m", "pytest", "-x", *PYTEST_ARGS, f"@{args_file}"]
    process = subprocess.Popen(
        command, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return "killed (timeout)"
    return "survived" if code == 0 else "killed"


def run(count: int, seed: int, paths: list[str], retry: Path | None = None) -> int:
    population = [m for path in paths for m in sites(path)]
    sample = sorted(
        random.Random(seed).sample(population, min(count, len(population))), key=lambda m: (m.path, m.line, m.col)
    )
    print(f"{len(population)} mutants of the four kinds in {len(paths)} modules; {len(sample)} drawn with seed {seed}")
    earlier: dict[Mutant, str] = {}
    if retry is not None:
        # Tests were only added since that report: its killed mutants stay killed, its survivors run again.
        for result in json.loads(retry.read_text())["results"]:
            outcome = result.pop("outcome")
            del result["tests"], result["chosen"]
            earlier[Mutant(**result)] = outcome
    tests = test_map()
    tree = _copy_checkout(seed)
    results = []
    started = time.monotonic()
    for number, mutant in enumerate(sample, 1):
        if mutant.describe() in EQUIVALENT:
            outcome, how = "survived (judged equivalent)", "not run"
            results.append({**asdict(mutant), "outcome": outcome, "tests": 0, "chosen": how})
            print(f"[{number}/{len(sample)}] {outcome:<28} {mutant.describe()}", flush=True)
            continue
        if earlier.get(mutant, "").startswith("killed"):
            outcome, how = earlier[mutant], "killed in the earlier report"
            results.append({**asdict(mutant), "outcome": outcome, "tests": 0, "chosen": how})
            print(f"[{number}/{len(sample)}] {outcome:<28} {mutant.describe()}", flush=True)
            continue
        selected, how = tests.tests_for(mutant, statement_span(mutant.path, mutant.line))
        if not selected:
            outcome = "survived (no test runs it)"
        else:
            original = (tree / mutant.path).read_text()
            (tree / mutant.path).write_text(_apply(original.splitlines(keepends=True), mutant))
            budget = 30 + 10 * sum(tests.durations.get(t, 1.0) for t in selected)
            try:
                # The fastest few first: most mutants fail one of them, and pytest then imports
                # only their modules; a mutant that passes them is tried against all the others.
                outcome = _run_tests(tree, selected[:FIRST_STAGE], budget)
                if outcome == "survived" and len(selected) > FIRST_STAGE:
                    outcome = _run_tests(tree, selected[FIRST_STAGE:], budget)
            finally:
                (tree / mutant.path).write_text(original)
        results.append({**asdict(mutant), "outcome": outcome, "tests": len(selected), "chosen": how})
        print(f"[{number}/{len(sample)}] {outcome:<28} {mutant.describe()}", flush=True)
    killed = sum(r["outcome"].startswith("killed") for r in results)
    report = WORK / f"report-seed{seed}-n{count}{'-retry' if retry else ''}.json"
    report.write_text(json.dumps({"seed": seed, "count": count, "killed": killed, "results": results}, indent=1))
    score = 100 * killed / max(1, len(results))
    print(f"\nkilled {killed}/{len(results)} ({score:.1f} %) in {time.monotonic() - started:.0f} s")
    judged = sum(r["outcome"] == "survived (judged equivalent)" for r in results)
    if judged:
        print(f"{judged} judged equivalent: killed {killed} of the other {len(results) - judged}")
    print("survivors:")
    for r in results:
        if not r["outcome"].startswith("killed"):
            print(f"  {r['path']}:{r['line']}: {r['old']!r} -> {r['new']!r}  [{r['outcome']}]")
    print(f"report: {report.relative_to(ROOT)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="mutants to draw (default 200)")
    parser.add_argument("--seed", type=int, default=22, help="the draw's seed (default 22)")
    parser.add_argument("--list", action="store_true", help="count the sites per module, run nothing")
    parser.add_argument("--retry", type=Path, help="a report of the same draw: run again only its survivors")
    parser.add_argument("paths", nargs="*", help="modules to mutate (default: the whole package)")
    options = parser.parse_args(argv)
    paths = options.paths or package_files()
    if options.list:
        for path in paths:
            print(f"{len(sites(path)):5} {path}")
        return 0
    return run(options.count, options.seed, paths, options.retry)


if __name__ == "__main__":
    sys.exit(main())
