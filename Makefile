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

PYTEST := $(BIN)/python -m pytest -q -n 2

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy gladi mocks scenarios seeds trainer_ui bench

test: $(STAMP) lint
	$(PYTEST)

# CI: the real parts must run (a skipped postgres or browser test fails). Pass 1: the world on
# SQLite, PostgreSQL-specific tests and the browser test included. Pass 2: the whole suite with
# the world on PostgreSQL, two pytest workers. The OpenAPI fuzzer (tests/fuzz) runs 5,000
# generated cases per role on each; `make test` runs its default sample (600 per role).
FUZZ_CI := GLADI_TEST_FUZZ_CASES=5000

ci: $(STAMP) lint
	./.ci/services.sh
	GLADI_REQUIRE_SERVICES=1 GLADI_TEST_POSTGRES_URL=$$(cat var/ci-postgres-url) $(FUZZ_CI) \
		$(PYTEST)
	GLADI_REQUIRE_SERVICES=1 GLADI_TEST_POSTGRES_URL=$$(cat var/ci-postgres-url) $(FUZZ_CI) \
		GLADI_TEST_WORLD=postgres $(PYTEST) -m "not browser"

bench: $(STAMP)
	./.ci/services.sh
	$(BIN)/python -m bench.run_all

clean:
	rm -rf $(VENV) var/*.db var/*.db-*
