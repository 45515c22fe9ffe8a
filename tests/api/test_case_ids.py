"""What trainees are shown of a case: opaque ids and neutral titles, never the readable id or the
staff title that name the branch; exam-only cases are never offered for practice."""

import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gladi.episodes.case_ids import opaque_id
from gladi.settings import ROOT, get_settings
from scenarios.library import clear_cache
from tests.api.conftest import CASE, bearer

OPAQUE = re.compile(r"^c_[0-9a-f]{16}$")
EXAM_ONLY = "sop001-hum-block"


@pytest.fixture
def exam_only_library(
    app_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """The library with one case marked `exam_only: true`."""
    root = tmp_path / "scenarios"
    for part in ("sops", "cases"):
        shutil.copytree(ROOT / "scenarios" / part, root / part)
    path = root / "cases" / "sop-001" / f"{EXAM_ONLY}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "exam_only: true\n", "utf-8")
    monkeypatch.setenv("GLADI_SCENARIOS_DIR", str(root))
    get_settings.cache_clear()
    clear_cache()
    yield
    clear_cache()


def test_trainees_see_opaque_ids_and_neutral_titles(
    client: TestClient, tokens: dict[str, str]
) -> None:
    staff = client.get("/api/scenarios", headers=bearer(tokens["trainer"])).json()
    titles = {c["title"] for c in staff}
    listed = client.get("/api/scenarios", headers=bearer(tokens["trainee"])).json()
    assert all(OPAQUE.match(c["id"]) for c in listed)
    assert not {c["title"] for c in listed} & titles
    assert not any("sop0" in c["title"] for c in listed)
    assert {c["id"] for c in listed} == {opaque_id(c["id"]) for c in staff}
    order = [(c["sop"], c["id"]) for c in listed]
    assert order == sorted(order)  # not grouped the readable way (by branch name)


def test_an_opaque_id_starts_the_case_and_stays_opaque_for_the_trainee(
    client: TestClient, tokens: dict[str, str]
) -> None:
    trainee = bearer(tokens["trainee"])
    opaque = opaque_id(CASE)
    started = client.post("/api/episodes", json={"scenario": opaque, "seed": 2}, headers=trainee)
    assert started.status_code == 201, started.text
    body = started.json()
    staff_title = client.get(f"/api/episodes/{body['id']}", headers=bearer(tokens["trainer"]))
    assert staff_title.json()["scenario"] == CASE
    shown = [
        body,
        client.get(f"/api/episodes/{body['id']}", headers=trainee).json(),
        client.get(f"/api/episodes/{body['id']}/trace", headers=trainee).json(),
        next(
            e for e in client.get("/api/episodes", headers=trainee).json() if e["id"] == body["id"]
        ),
    ]
    assert {s["scenario"] for s in shown} == {opaque}
    assert body["brief"]["title"] != staff_title.json()["brief"]["title"]
    assert CASE not in str(body) and CASE not in str(shown[1])
    code = body["brief"]["resolutions"][0]["code"]
    submitted = client.post(
        f"/api/episodes/{body['id']}/submit", json={"resolution": code}, headers=trainee
    )
    assert submitted.status_code == 200, submitted.text
    mine = client.get("/api/me/results", headers=trainee).json()
    assert {r["scenario"] for r in mine if r["episode"] == body["id"]} == {opaque}
    unknown = client.post("/api/episodes", json={"scenario": "c_0000000000000000"}, headers=trainee)
    assert unknown.status_code == 404 and unknown.json()["field"] == "scenario"


def test_an_exam_only_case_is_never_offered_for_practice(
    exam_only_library: None, client: TestClient, tokens: dict[str, str]
) -> None:
    trainee, trainer = bearer(tokens["trainee"]), bearer(tokens["trainer"])
    listed = client.get("/api/scenarios", headers=trainee).json()
    assert opaque_id(EXAM_ONLY) not in {c["id"] for c in listed}
    staff = {c["id"]: c for c in client.get("/api/scenarios", headers=trainer).json()}
    assert staff[EXAM_ONLY]["exam_only"] is True
    for name in (EXAM_ONLY, opaque_id(EXAM_ONLY)):
        refused = client.post("/api/episodes", json={"scenario": name}, headers=trainee)
        assert refused.status_code == 403 and refused.json()["field"] == "scenario"
    assert (
        client.post("/api/episodes", json={"scenario": EXAM_ONLY}, headers=trainer).status_code
        == 201
    )

    me = client.get("/api/me", headers=trainee).json()["username"]
    exam = client.post(
        "/api/exams",
        headers=trainer,
        json={
            "title": "Ujian",
            "scenarios": [EXAM_ONLY],
            "deadline": (datetime.now(UTC) + timedelta(hours=2)).isoformat(),
            "trainees": [me],
        },
    ).json()
    assigned = client.get("/api/exams", headers=trainee).json()[0]
    assert assigned["scenarios"] == [opaque_id(EXAM_ONLY)]
    started = client.post(
        "/api/episodes",
        json={"scenario": assigned["scenarios"][0], "exam_id": exam["id"]},
        headers=trainee,
    )
    assert started.status_code == 201 and started.json()["scenario"] == opaque_id(EXAM_ONLY)
