# Quickstart: `make demo` serves example/ with Granian on 127.0.0.1:8000; `make test` runs everything CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test lint typecheck pytest docs docs-check matrix mutation mutation-sample fuzz bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(VENV)/.installed-demo: pyproject.toml | $(BIN)/python
	$(PIP) install -e ".[granian]"
	touch $@

$(VENV)/.installed-docs: pyproject.toml | $(BIN)/python
	$(PIP) install -e ".[docs]"
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install -e ".[dev]"
	touch $@ $(VENV)/.installed-demo $(VENV)/.installed-docs

demo: $(VENV)/.installed-demo
	cd example && ../$(BIN)/python manage.py migrate --verbosity 0
	cd example && ../$(BIN)/python manage.py prodserver web

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

# -n auto: one test process per core (pytest-xdist); every server a test starts has its own port.
# tests/fleet verifies systemd units with Debian's systemd-analyze, installed here when missing and root.
pytest: $(VENV)/.installed-dev
	@command -v systemd-analyze >/dev/null || [ "$$(id -u)" != 0 ] || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq systemd >/dev/null; }
	$(BIN)/pytest -n auto

# Only the docs extra (Sphinx, MyST, Furo): the reference pages are committed Markdown, written
# from the code by `python docs/_tools/generate.py` and drift-tested in `make pytest`.
docs: $(VENV)/.installed-docs
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

# The built pages in headless Chromium (Debian's package, installed here when missing and root)
# at 1280 and 390 px: fails on cut content or a broken internal link; screenshots of the key
# pages go to docs/_build/screenshots/ (~20 s).
CHROMIUM ?= /usr/bin/chromium
docs-check: docs $(VENV)/.installed-dev
	@test -x $(CHROMIUM) || [ "$$(id -u)" != 0 ] || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	$(BIN)/python docs/_tools/browser_check.py --chromium $(CHROMIUM)

# The rest of the support matrix: the suite again under each Python/Django pair of [tool.tox] in
# pyproject.toml, each in its own virtualenv (.tox/), less the tests marked main_run (the start-time
# fuzz and the benchmark harness' smoke test: they test this repository's tooling or search for
# defects, and add ~5 min to CI for nothing a Python release changes). Pythons come from PATH or
# pyenv; tox reports a missing one as skipped. Python 3.11 with Django 5.2 is the main run above.
PYENV_BINS := $(wildcard $(or $(PYENV_ROOT),$(HOME)/.pyenv)/versions/3.1[0-9].*/bin)
matrix: $(VENV)/.installed-dev
	PATH="$(subst $(eval) ,:,$(PYENV_BINS)):$$PATH" $(BIN)/tox run -q

# Mutation testing of the whole package with mutmut, every kind of mutant it makes (not in CI; one
# child: the machine may be shared). Never run whole yet: the core and Granian alone, 2,265 mutants,
# took about an hour on 2 cores; the package has about three times as much code: count several hours.
mutation: $(VENV)/.installed-dev
	$(BIN)/mutmut run --max-children 1; $(BIN)/mutmut results

# The measure of issue 22: MUTATION_COUNT one-token bugs (flipped comparison, and/or, dropped not,
# flipped True/False) drawn with MUTATION_SEED from the whole package, each tried one at a time
# against the tests that run its line (tests/tools/mutation_sample.py). The first run measures which
# test runs which line (5-10 min), cached in .mutation/ until a module changes; then 5-10 s a mutant
# (200: 25 min on 2 shared cores). Prints killed/total and each survivor (file:line: change).
MUTATION_COUNT ?= 200
MUTATION_SEED ?= 22
mutation-sample: $(VENV)/.installed-dev
	$(BIN)/python -m tests.tools.mutation_sample --count $(MUTATION_COUNT) --seed $(MUTATION_SEED)

# The start-time fuzz, long (not in CI; `make test` runs 2 fixed examples per backend): FUZZ_EXAMPLES
# random accepted configurations per backend, each started, used and stopped (tests/contract/test_fuzz.py).
# Every failure is listed at the end, and appended as a JSON line to FUZZ_LOG when set (~4 s an example).
FUZZ_EXAMPLES ?= 100
FUZZ_LOG ?=
fuzz: $(VENV)/.installed-dev
	PRODSERVER_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) PRODSERVER_FUZZ_LOG=$(FUZZ_LOG) \
		$(BIN)/pytest -n auto --timeout 0 tests/contract/test_fuzz.py

test: lint typecheck pytest docs docs-check matrix

# Installs wrk/h2load (apt) and the contenders' venvs under benchmarks/.work/, then writes
# docs/benchmarks.md, its plot and its numbers, docs/benchmarks.json (~20 min); then rewrites
# the generated regions (docs/choosing.md's tables read docs/benchmarks.json).
# Flags: make bench BENCH_ARGS="--rounds 3 --suites check".
bench: $(VENV)/.installed-dev
	$(BIN)/python -m benchmarks $(BENCH_ARGS)
	$(BIN)/python docs/_tools/generate.py

clean:
	rm -rf $(VENV) .tox mutants .mutation docs/_build .mypy_cache .ruff_cache .pytest_cache
