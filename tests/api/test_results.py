"""Stored results: `gladi results export` (CSV, JSON, xAPI) and the cohort numbers."""

import csv
import io
import json
from collections.abc import Callable

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from gladi.cli.main import app
from tests.api.conftest import bearer

runner = CliRunner()


def _submitted(client: TestClient, start: Callable[..., dict], token: str) -> str:
    episode = start(token)
    response = client.post(
        f"/api/episodes/{episode['id']}/submit",
        headers=bearer(token),
        json={"resolution": "network_refresh"},
    )
    assert response.status_code == 200
    return episode["id"]


def test_export_writes_every_submitted_episode(
    client: TestClient, start: Callable[..., dict], tokens: dict[str, str], app_env: str
) -> None:
    done = _submitted(client, start, tokens["trainee"])
    open_one = start(tokens["trainee"])["id"]
    as_csv = runner.invoke(app, ["results", "export", "--format", "csv"])
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert done in {r["episode"] for r in rows} and open_one not in {r["episode"] for r in rows}
    row = next(r for r in rows if r["episode"] == done)
    assert row["scenario"] == "sop001-paid-blocked" and row["passed"] == "False"
    as_json = json.loads(runner.invoke(app, ["results", "export", "--format", "json"]).output)
    mine = next(r for r in as_json if r["episode"] == done)
    assert mine["items"] and {"id", "kind", "status"} <= set(mine["items"][0])
    xapi = json.loads(runner.invoke(app, ["results", "export", "--format", "xapi"]).output)
    statement = next(s for s in xapi if s["context"]["registration_hint"] == done)
    assert statement["verb"]["display"]["en-US"] == "failed"
    assert 0 <= statement["result"]["score"]["scaled"] <= 1
    assert statement["result"]["duration"].startswith("PT")
    bad = runner.invoke(app, ["results", "export", "--format", "xml"])
    assert bad.exit_code == 2 and "xml" in bad.output


def test_cohort_counts_attempts_and_item_facility(
    client: TestClient, start: Callable[..., dict], tokens: dict[str, str]
) -> None:
    _submitted(client, start, tokens["trainee"])
    cohort = client.get("/api/results/cohort", headers=bearer(tokens["trainer"])).json()
    assert cohort["attempts"] >= 1 and "sop-001" in cohort["by_sop"]
    item = cohort["items"][0]
    assert 0 <= item["facility"] <= 1 and -1 <= item["discrimination"] <= 1
    assert item["sop_ref"]
