# The two commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEMO   ?= .demo-data

.PHONY: run test lint typecheck bench clean package

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m counter_app --data-dir $(DEMO) demo-setup
	$(PY) -m counter_app --data-dir $(DEMO)

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/run_all.py

# Onedir bundle dist/QuayMotCua/ (PyInstaller, the `packaging` extra), then its checks: docs/packaging.md
package: $(STAMP)
	PY=$(PY) packaging/build.sh

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache .mypy_cache .ruff_cache dist build
