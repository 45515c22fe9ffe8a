# Gladi: `make run` sets everything up and starts the product; `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint ci bench venv clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/gladi up

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP) lint
	$(BIN)/python -m pytest -q

ci: $(STAMP)
	./.ci/services.sh
	$(MAKE) test
	GLADI_TEST_POSTGRES_URL=$$(cat var/ci-postgres-url) GLADI_DATABASE_URL=$$(cat var/ci-postgres-url) \
		GLADI_REQUIRE_SERVICES=1 $(BIN)/python -m pytest -q

bench: $(STAMP)
	./.ci/services.sh
	$(BIN)/python -m bench.run_all

clean:
	rm -rf $(VENV) var/*.db var/*.db-*
