# Tandem — run `make help` for what each target does.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
LOCK   := requirements/lock.txt
STAMP  := $(VENV)/.installed
TS     := $(wildcard resources/translations/*.ts)
QM     := $(TS:.ts=.qm)
TEST_TIMEOUT ?= 900

.PHONY: help setup run test lint typecheck layers pytest bench screenshots bundle lock translations clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[1mmake %-12s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv>=0.9" || true
	@if [ -x $(BIN)/uv ]; then \
	  $(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -c $(LOCK) -e '.[dev]'; \
	else \
	  $(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[dev]'; \
	fi
	@touch $(STAMP)

setup: $(STAMP) translations ## Create or refresh .venv with the locked dependencies

translations: $(QM) ## Compile Qt Linguist translations (.ts -> .qm)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	@$(BIN)/pyside6-lrelease -silent $< -qm $@

run: setup ## Set up, seed the demo on first run, open the console
	@$(BIN)/tandem demo --if-empty
	@scripts/with-display $(BIN)/tandem run $(ARGS)

test: setup ## Set up, then lint, check layers, type-check the core and run the tests headless
	@$(MAKE) --no-print-directory lint layers typecheck
	@QT_QPA_PLATFORM=offscreen timeout --kill-after=30 $(TEST_TIMEOUT) $(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP) ## Ruff lint and format check
	@$(BIN)/ruff check console tests bench
	@$(BIN)/ruff format --check console tests bench

layers: $(STAMP) ## Check the layer contracts (import-linter)
	@$(BIN)/lint-imports --no-cache

typecheck: $(STAMP) ## mypy --strict on the Qt-free core
	@$(BIN)/mypy

bench: setup ## Run the benchmarks and print their figures
	@for b in bench/[!_]*.py; do echo "== $$b"; QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

screenshots: setup ## Regenerate the README screenshots (offscreen)
	@scripts/screenshots

bundle: setup ## Build the one-folder PyInstaller bundle and smoke-test it
	@$(BIN)/uv pip install --quiet --python $(BIN)/python -c $(LOCK) -e '.[dev,bundle]'
	@scripts/bundle

lock: ## Re-resolve requirements/lock.txt from pyproject.toml
	@$(BIN)/uv pip compile --quiet --python-version 3.11 --extra dev --extra bundle pyproject.toml -o $(LOCK)

clean: ## Remove the virtualenv, build output and caches (never your data)
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache .import_linter_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
