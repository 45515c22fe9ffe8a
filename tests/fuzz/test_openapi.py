"""Property-based fuzzing of every operation in the OpenAPI document (schemathesis).

Each operation is called with generated valid and invalid input and with a valid trainee token,
a valid trainer token and a wrong token: no answer may be a server error, and every answer must
match its own documented schema (status code, content type, body).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import Engine

from tests.helpers import make_user

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES_PER_OPERATION = 9
MINIMUM_CASES = 1000


@pytest.mark.slow
def test_every_operation_survives_generated_input(app_env: str, world_engine: Engine) -> None:
    from mocks.app import create_app

    tokens = {
        "trainee": make_user(world_engine, "trainee")[1],
        "trainer": make_user(world_engine, "trainer")[1],
        "wrong": "not-a-real-token",
    }
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 40
    calls = 0

    def fuzz(operation: schemathesis.APIOperation, headers: dict[str, str]) -> None:
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
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

    for operation in operations:
        for token in tokens.values():
            fuzz(operation, {"Authorization": f"Bearer {token}"})
    print(f"{calls} generated cases over {len(operations)} operations")
    assert calls >= MINIMUM_CASES, f"only {calls} generated cases"
