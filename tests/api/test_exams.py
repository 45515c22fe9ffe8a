"""Exams over the API: no feedback (score, items, hints) until the whole set is submitted."""

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from tests.api.conftest import bearer

CASES = ["sop001-paid-blocked", "sop001-aging"]


def _exam(client: TestClient, tokens: dict[str, str], trainee: str) -> int:
    deadline = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    created = client.post(
        "/api/exams",
        headers=bearer(tokens["trainer"]),
        json={
            "title": "Ujian SOP 001",
            "scenarios": CASES,
            "deadline": deadline,
            "trainees": [trainee],
        },
    )
    assert created.status_code == 201, created.text
    return created.json()["id"]


def test_exam_feedback_waits_for_the_whole_set(client: TestClient, tokens: dict[str, str]) -> None:
    me = client.get("/api/me", headers=bearer(tokens["trainee"])).json()
    exam_id = _exam(client, tokens, me["username"])
    headers = bearer(tokens["trainee"])
    assigned = client.get("/api/exams", headers=headers).json()
    assert [e["id"] for e in assigned] == [exam_id] and assigned[0]["finished"] is False

    first = client.post(
        "/api/episodes", headers=headers, json={"scenario": CASES[0], "seed": 1, "exam_id": exam_id}
    ).json()
    assert client.post(f"/api/episodes/{first['id']}/hint", headers=headers).status_code == 403
    answer = client.post(
        f"/api/episodes/{first['id']}/submit",
        headers=headers,
        json={"resolution": "network_refresh"},
    ).json()
    assert answer["withheld"] is True and answer["score"] is None and answer["items"] == []
    assert client.get(f"/api/episodes/{first['id']}/report", headers=headers).status_code == 403
    state = client.get(f"/api/episodes/{first['id']}", headers=headers).json()
    assert state["score"] is None and all("score" not in e["detail"] for e in state["timeline"])
    trace = client.get(f"/api/episodes/{first['id']}/trace", headers=headers).json()
    assert trace.get("key") is None and trace.get("report") is None
    mine = client.get("/api/me/results", headers=headers).json()
    assert [r["score"] for r in mine if r["episode"] == first["id"]] == [None]

    again = client.post(
        "/api/episodes", headers=headers, json={"scenario": CASES[0], "exam_id": exam_id}
    )
    assert again.status_code == 409
    outside = client.post(
        "/api/episodes", headers=headers, json={"scenario": "sop001-outage", "exam_id": exam_id}
    )
    assert outside.status_code == 422 and outside.json()["field"] == "scenario"

    second = client.post(
        "/api/episodes", headers=headers, json={"scenario": CASES[1], "seed": 1, "exam_id": exam_id}
    ).json()
    last = client.post(
        f"/api/episodes/{second['id']}/submit", headers=headers, json={"resolution": "reactivation"}
    ).json()
    assert last.get("withheld", False) is False and isinstance(last["score"], int)
    report = client.get(f"/api/episodes/{first['id']}/report", headers=headers)
    assert report.status_code == 200 and isinstance(report.json()["score"], int)
    assert client.get("/api/exams", headers=headers).json()[0]["finished"] is True


def test_exam_only_for_assigned_trainees_before_the_deadline(
    client: TestClient, tokens: dict[str, str]
) -> None:
    me = client.get("/api/me", headers=bearer(tokens["trainee"])).json()
    exam_id = _exam(client, tokens, me["username"])
    other = client.post(
        "/api/episodes",
        headers=bearer(tokens["other_trainee"]),
        json={"scenario": CASES[0], "exam_id": exam_id},
    )
    assert other.status_code == 403
    past = client.post(
        "/api/exams",
        headers=bearer(tokens["trainer"]),
        json={
            "title": "x",
            "scenarios": CASES,
            "trainees": [me["username"]],
            "deadline": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
        },
    )
    assert past.status_code == 422 and past.json()["field"] == "deadline"
    by_trainee = client.post(
        "/api/exams",
        headers=bearer(tokens["trainee"]),
        json={
            "title": "x",
            "scenarios": CASES,
            "trainees": [me["username"]],
            "deadline": (datetime.now(UTC) + timedelta(hours=1)).isoformat(),
        },
    )
    assert by_trainee.status_code == 403


def test_open_episodes_list_for_resuming(client: TestClient, start, tokens: dict[str, str]) -> None:
    episode = start(tokens["trainee"])
    listed = client.get("/api/episodes", headers=bearer(tokens["trainee"])).json()
    assert episode["id"] in [e["id"] for e in listed]
    others = client.get("/api/episodes", headers=bearer(tokens["other_trainee"])).json()
    assert episode["id"] not in [e["id"] for e in others]
