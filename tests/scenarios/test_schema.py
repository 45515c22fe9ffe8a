"""The published JSON Schemas are up to date and accept the committed cases."""

import json

import jsonschema
import pytest
import yaml

from scenarios.schema_gen import FILES, schema_text
from tests.scenarios.conftest import SCENARIOS


@pytest.mark.parametrize("name", sorted(FILES))
def test_committed_schema_is_up_to_date(name: str) -> None:
    committed = (SCENARIOS / "schema" / name).read_text(encoding="utf-8")
    assert committed == schema_text(FILES[name]), "run `gladi scenario schema`"


def test_cases_and_sops_validate_against_the_schemas() -> None:
    for name, folder in (("case.schema.json", "cases"), ("sop.schema.json", "sops")):
        schema = json.loads((SCENARIOS / "schema" / name).read_text())
        files = sorted((SCENARIOS / folder).rglob("*.yaml"))
        assert files
        for path in files:
            jsonschema.validate(yaml.safe_load(path.read_text()), schema)


def test_schema_rejects_an_unknown_field() -> None:
    schema = json.loads((SCENARIOS / "schema" / "case.schema.json").read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {
                "id": "x",
                "sop": "sop-001",
                "title": "t",
                "difficulty": 1,
                "channel": "voice",
                "persona": {"opening": "Halo"},
                "colour": 1,
            },
            schema,
        )
