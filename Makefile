# Quickstart: `make demo` serves example/ with Granian on 127.0.0.1:8000; `make test` runs everything CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test lint typecheck pytest docs matrix bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(VENV)/.installed-demo: pyproject.toml | $(BIN)/python
	$(PIP) install -e ".[granian]"
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install -e ".[dev]"
	touch $@ $(VENV)/.installed-demo

demo: $(VENV)/.installed-demo
	cd example && ../$(BIN)/python manage.py migrate --verbosity 0
	cd example && ../$(BIN)/python manage.py prodserver web

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

pytest: $(VENV)/.installed-dev
	$(BIN)/pytest

docs: $(VENV)/.installed-dev
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

# The rest of the support matrix: the whole suite again under each Python/Django pair, in its
# own virtualenv, when that Python is on the machine (pyenv's versions count); one that is not
# is reported as skipped. Python 3.11 with Django 5.2 is the main run above.
MATRIX := 3.10:django~=5.2.0 3.12:django~=6.0.0 3.13:django~=6.0.0

matrix:
	@for entry in $(MATRIX); do \
	  version=$${entry%%:*}; django=$${entry#*:}; \
	  python=$$(for candidate in python$$version $${PYENV_ROOT:-$$HOME/.pyenv}/versions/$$version.*/bin/python$$version; do \
	    $$candidate -c "" 2>/dev/null && { echo $$candidate; break; }; done); \
	  if [ -z "$$python" ]; then echo "matrix: Python $$version not found, skipped"; continue; fi; \
	  venv=.venv-$$version; \
	  echo "matrix: Python $$version with $$django"; \
	  [ -x $$venv/bin/python ] || $$python -m venv $$venv || exit 1; \
	  $$venv/bin/python -m pip --disable-pip-version-check -q install -e ".[dev]" "$$django" || exit 1; \
	  $$venv/bin/python -c "import django, sys; print('matrix:', sys.version.split()[0], 'Django', django.__version__)"; \
	  $$venv/bin/python -m pytest -q -p no:cacheprovider || exit 1; \
	done

test: lint typecheck pytest docs matrix

# Installs wrk/h2load (apt) and the contenders' venvs under benchmarks/.work/, then writes
# docs/benchmarks.md and its plot (~20 min). Flags: make bench BENCH_ARGS="--rounds 3 --suites check".
bench: $(VENV)/.installed-dev
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .venv-3.* docs/_build .mypy_cache .ruff_cache .pytest_cache
