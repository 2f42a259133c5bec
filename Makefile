# The two commands of the quick start: `make run` and `make test`.
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: run test install install-test bank

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Install, set up the embedded SQLite database with the sample bank, and serve on :5000.
run: install
	$(BIN)/quizapp init
	$(BIN)/quizapp run --host 127.0.0.1 --port 5000

# Install with the test extras, make sure chromium/PostgreSQL/Redis are there, run every test.
test: install-test
	bash scripts/test-services
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Regenerate questions/bank/ from questions/sources/.
bank: install
	$(BIN)/quizapp generate
