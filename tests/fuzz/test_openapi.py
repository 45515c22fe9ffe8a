"""Property-based fuzzing of every operation in the OpenAPI document (schemathesis).

Each operation is called with generated input under a trainee token and under a trainer token
(at least GLADI_TEST_FUZZ_CASES generated cases per role; `make ci` asks for 5,000 on each of
SQLite and PostgreSQL, `make test` for a smaller sample) and, more briefly, with a wrong token:
no answer may be a server error, and every answer must match its own documented schema (status
code, content type, body). The library is a temporary copy (trainers may save cases) and failed
logins the fuzzer makes are forgotten afterwards.
"""

import math
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import Engine, delete

from gladi.episodes.tables import LoginFailure
from gladi.settings import ROOT, get_settings
from scenarios.library import clear_cache
from tests.helpers import make_user

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
CASES_PER_ROLE = int(os.environ.get("GLADI_TEST_FUZZ_CASES", "600"))
"""Generated cases per role; `make ci` sets GLADI_TEST_FUZZ_CASES=5000."""
WRONG_TOKEN_EXAMPLES = 2


@pytest.fixture
def fuzz_env(app_env: str, world_engine: Engine, tmp_path: Path, monkeypatch) -> Iterator[None]:
    """A writable copy of the library; the failed logins of the run removed afterwards."""
    library = tmp_path / "scenarios"
    for part in ("sops", "cases"):
        shutil.copytree(ROOT / "scenarios" / part, library / part)
    monkeypatch.setenv("GLADI_SCENARIOS_DIR", str(library))
    get_settings.cache_clear()
    clear_cache()
    yield
    with world_engine.begin() as conn:
        conn.execute(delete(LoginFailure.__table__))
    clear_cache()


def _operations(app: object) -> list[schemathesis.APIOperation]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def _fuzz(operation: schemathesis.APIOperation, headers: dict[str, str], examples: int) -> int:
    calls = 0

    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
    )
    @given(case=operation.as_strategy())
    def exercise(case: schemathesis.Case) -> None:
        nonlocal calls
        calls += 1
        case.call_and_validate(headers=headers, checks=CHECKS)

    exercise()
    return calls


@pytest.mark.slow
@pytest.mark.parametrize("role", ["trainee", "trainer"])
def test_every_operation_survives_generated_input(
    fuzz_env: None, world_engine: Engine, role: str
) -> None:
    from mocks.app import create_app

    operations = _operations(create_app())
    assert len(operations) >= 40
    token = make_user(world_engine, role)[1]
    wanted = CASES_PER_ROLE
    per_operation = math.ceil(wanted / len(operations))
    calls = 0
    rounds = 0
    while calls < wanted and rounds < 4:  # small operations run out of distinct inputs
        rounds += 1
        for operation in operations:
            calls += _fuzz(operation, {"Authorization": f"Bearer {token}"}, per_operation)
        per_operation *= 2
    wrong = sum(
        _fuzz(operation, {"Authorization": "Bearer not-a-real-token"}, WRONG_TOKEN_EXAMPLES)
        for operation in operations
    )
    print(f"{role}: {calls} generated cases over {len(operations)} operations (+{wrong} wrong)")
    assert calls >= wanted, f"only {calls} generated cases as {role}"
