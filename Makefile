# Quickstart: `make demo` serves example/ with Granian on 127.0.0.1:8000; `make test` runs everything CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test lint typecheck pytest docs bench clean

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

test: lint typecheck pytest docs

# Installs wrk/h2load (apt) and the contenders' venvs under benchmarks/.work/, then writes
# docs/benchmarks.md and its plot (~20 min). Flags: make bench BENCH_ARGS="--rounds 3 --suites check".
bench: $(VENV)/.installed-dev
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf $(VENV) docs/_build .mypy_cache .ruff_cache .pytest_cache
