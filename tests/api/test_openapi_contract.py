"""The OpenAPI document carries what a client needs to send valid input: the identifier patterns
(MSISDN, SID, AO, ...), the size limit (413) on every route and the login throttle (429)."""

from fastapi.testclient import TestClient

from mocks.params import EXPECTED


def test_every_identifier_parameter_documents_its_pattern(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    by_description = {text: pattern for pattern, text in EXPECTED.items()}
    checked = 0
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                schema = parameter["schema"]
                pattern = by_description.get(schema.get("description", ""))
                if pattern is None:
                    continue
                checked += 1
                assert schema.get("pattern") == pattern, (method, path, parameter["name"])
    assert checked >= 30


def test_limits_are_documented(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    operations = [op for ops in document["paths"].values() for op in ops.values()]
    assert all("413" in op["responses"] for op in operations if op.get("requestBody"))
    login = document["paths"]["/api/login"]["post"]["responses"]
    assert "Retry-After" in login["429"]["headers"]
