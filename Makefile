# The two commands of the quick start: `make run` and `make test`.
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: run test test-sqlite test-postgres install install-test bank

# The PostgreSQL server of the second pass: the run creates, uses and drops databases of its own
# there (tests/dbtesting.py); this database is only where it connects to do so.
TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/test

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

# Install with the test extras, make sure chromium/PostgreSQL/Redis are there, and run every test
# twice: on SQLite, then on PostgreSQL. Both passes run; the exit status is non-zero if either fails.
test: install-test
	bash scripts/test-services
	@status=0; \
	echo "== make test: the suite on SQLite"; \
	$(BIN)/python -m pytest $(PYTEST_ARGS) || status=1; \
	echo "== make test: the suite on PostgreSQL ($(TEST_DATABASE_URL))"; \
	QUIZAPP_TEST_DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python -m pytest $(PYTEST_ARGS) || status=1; \
	exit $$status

test-sqlite: install-test
	bash scripts/test-services
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres: install-test
	bash scripts/test-services
	QUIZAPP_TEST_DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python -m pytest $(PYTEST_ARGS)

# Regenerate questions/bank/ from questions/sources/.
bank: install
	$(BIN)/quizapp generate
