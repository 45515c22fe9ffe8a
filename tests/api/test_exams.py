"""Exams over the API: the server picks the customer, one attempt per case, the deadline holds on
every call, and no feedback (score, items, key, hints) until the exam closes at its deadline."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from gladi.db import get_engine
from gladi.episodes import exams, service
from gladi.episodes.auth import user_for_token
from gladi.episodes.case_ids import opaque_id
from gladi.episodes.tables import Episode, Exam
from gladi.errors import Conflict
from tests.api.conftest import bearer
from tests.helpers import trace_of

CASES = ["sop001-paid-blocked", "sop001-aging"]
EPISODES = Episode.__table__
EXAMS = Exam.__table__


def _exam(client: TestClient, tokens: dict[str, str], trainee: str, cases=CASES) -> int:
    deadline = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    created = client.post(
        "/api/exams",
        headers=bearer(tokens["trainer"]),
        json={
            "title": "Ujian SOP 001",
            "scenarios": cases,
            "deadline": deadline,
            "trainees": [trainee],
        },
    )
    assert created.status_code == 201, created.text
    return created.json()["id"]


def _me(client: TestClient, token: str) -> str:
    return client.get("/api/me", headers=bearer(token)).json()["username"]


def _close_exam(engine: Engine, exam_id: int) -> None:
    """Move the exam's deadline (and its attempts') into the past, as time would."""
    past = datetime.now(UTC) - timedelta(seconds=1)
    with engine.begin() as conn:
        conn.execute(update(EXAMS).where(EXAMS.c.id == exam_id).values(deadline=past))
        conn.execute(update(EPISODES).where(EPISODES.c.exam_id == exam_id).values(deadline=past))


def test_exam_feedback_waits_for_the_deadline(
    client: TestClient, tokens: dict[str, str], world_engine: Engine
) -> None:
    exam_id = _exam(client, tokens, _me(client, tokens["trainee"]))
    headers = bearer(tokens["trainee"])
    assigned = client.get("/api/exams", headers=headers).json()
    assert [e["id"] for e in assigned] == [exam_id] and assigned[0]["finished"] is False
    shown = assigned[0]["scenarios"]
    assert shown == [opaque_id(c) for c in CASES]  # no readable id names the branch
    assert all(not label.startswith("sop") for label in assigned[0]["labels"].values())

    chosen = client.post(
        "/api/episodes", headers=headers, json={"scenario": shown[0], "seed": 1, "exam_id": exam_id}
    )
    assert chosen.status_code == 422 and chosen.json()["field"] == "seed"
    first = client.post(
        "/api/episodes", headers=headers, json={"scenario": shown[0], "exam_id": exam_id}
    ).json()
    assert first["seed"] not in exams.PRACTICE_SEEDS and first["scenario"] == shown[0]
    assert client.post(f"/api/episodes/{first['id']}/hint", headers=headers).status_code == 403
    answer = client.post(
        f"/api/episodes/{first['id']}/submit",
        headers=headers,
        json={"resolution": "network_refresh"},
    ).json()
    assert answer["withheld"] is True and answer["score"] is None and answer["items"] == []

    again = client.post(
        "/api/episodes", headers=headers, json={"scenario": CASES[0], "exam_id": exam_id}
    )
    assert again.status_code == 409 and again.json()["episode"] == first["id"]
    outside = client.post(
        "/api/episodes", headers=headers, json={"scenario": "sop001-outage", "exam_id": exam_id}
    )
    assert outside.status_code == 422 and outside.json()["field"] == "scenario"

    second = client.post(
        "/api/episodes", headers=headers, json={"scenario": shown[1], "exam_id": exam_id}
    ).json()
    last = client.post(
        f"/api/episodes/{second['id']}/submit", headers=headers, json={"resolution": "reactivation"}
    ).json()
    assert last["withheld"] is True  # the whole set is in, but the exam is still open
    assert client.get("/api/exams", headers=headers).json()[0]["finished"] is True
    for episode in (first, second):
        assert (
            client.get(f"/api/episodes/{episode['id']}/report", headers=headers).status_code == 403
        )
        state = client.get(f"/api/episodes/{episode['id']}", headers=headers).json()
        assert state["score"] is None and all("score" not in e["detail"] for e in state["timeline"])
        trace = client.get(f"/api/episodes/{episode['id']}/trace", headers=headers).json()
        assert trace.get("key") is None and trace.get("report") is None
    mine = client.get("/api/me/results", headers=headers).json()
    assert {r["episode"]: r["score"] for r in mine} == {first["id"]: None, second["id"]: None}
    assert {r["scenario"] for r in mine} == set(shown)

    _close_exam(world_engine, exam_id)
    report = client.get(f"/api/episodes/{first['id']}/report", headers=headers)
    assert report.status_code == 200 and isinstance(report.json()["score"], int)
    trace = client.get(f"/api/episodes/{first['id']}/trace", headers=headers).json()
    assert trace["key"] and trace["report"]
    scores = [r["score"] for r in client.get("/api/me/results", headers=headers).json()]
    assert all(isinstance(s, int) for s in scores)


def test_exam_only_for_assigned_trainees_before_the_deadline(
    client: TestClient, tokens: dict[str, str]
) -> None:
    me = _me(client, tokens["trainee"])
    exam_id = _exam(client, tokens, me)
    other = client.post(
        "/api/episodes",
        headers=bearer(tokens["other_trainee"]),
        json={"scenario": CASES[0], "exam_id": exam_id},
    )
    assert other.status_code == 403
    body = {"title": "x", "scenarios": CASES, "trainees": [me]}
    past = client.post(
        "/api/exams",
        headers=bearer(tokens["trainer"]),
        json={**body, "deadline": (datetime.now(UTC) - timedelta(hours=1)).isoformat()},
    )
    assert past.status_code == 422 and past.json()["field"] == "deadline"
    by_trainee = client.post(
        "/api/exams",
        headers=bearer(tokens["trainee"]),
        json={**body, "deadline": (datetime.now(UTC) + timedelta(hours=1)).isoformat()},
    )
    assert by_trainee.status_code == 403


def test_twenty_simultaneous_starts_make_one_attempt(
    client: TestClient, tokens: dict[str, str]
) -> None:
    exam_id = _exam(client, tokens, _me(client, tokens["trainee"]))
    with get_engine().connect() as conn:
        user = user_for_token(conn, tokens["trainee"])

    def start_it(_: int) -> str:
        try:
            return service.start_once(get_engine(), user, CASES[0], exam_id=exam_id)["id"]
        except Conflict as exc:
            return f"409 {exc.extra['episode']}"

    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(start_it, range(20)))
    started = [o for o in outcomes if not o.startswith("409")]
    assert len(started) == 1
    assert outcomes.count(f"409 {started[0]}") == 19
    with get_engine().connect() as conn:
        attempts = conn.execute(
            select(func.count()).select_from(EPISODES).where(EPISODES.c.exam_id == exam_id)
        ).scalar_one()
    assert attempts == 1


def test_the_database_itself_refuses_a_second_attempt(
    client: TestClient, tokens: dict[str, str], start
) -> None:
    exam_id = _exam(client, tokens, _me(client, tokens["trainee"]))
    first = client.post(
        "/api/episodes",
        headers=bearer(tokens["trainee"]),
        json={"scenario": CASES[0], "exam_id": exam_id},
    ).json()
    with get_engine().connect() as conn:
        row = dict(
            conn.execute(select(EPISODES).where(EPISODES.c.id == first["id"])).mappings().one()
        )
    row["id"] = "second-attempt-by-hand"
    with pytest.raises(IntegrityError), get_engine().begin() as conn:
        conn.execute(insert(EPISODES).values(**row))
    practice = start(tokens["trainee"], CASES[0])  # practice attempts are not limited
    assert practice["id"] != first["id"]


def test_an_exam_customer_is_not_the_practised_one(
    client: TestClient, tokens: dict[str, str], start
) -> None:
    exam_id = _exam(client, tokens, _me(client, tokens["trainee"]))
    trainer = bearer(tokens["trainer"])
    practice = start(tokens["trainee"], CASES[0], seed=7)
    exam = client.post(
        "/api/episodes",
        headers=bearer(tokens["trainee"]),
        json={"scenario": CASES[0], "exam_id": exam_id},
    ).json()
    assert exam["seed"] >= 2**31 > practice["seed"]
    beyond = client.post(
        "/api/episodes",
        headers=bearer(tokens["trainee"]),
        json={"scenario": CASES[0], "seed": exam["seed"]},
    )
    assert (
        beyond.status_code == 422 and beyond.json()["field"] == "seed"
    )  # practice cannot get there
    keys = [
        client.get(f"/api/episodes/{e['id']}/key", headers=trainer).json() for e in (practice, exam)
    ]
    paths = [[s["request"]["path"] for s in k["steps"] if s["kind"] != "question"] for k in keys]
    assert paths[0] != paths[1]  # another customer: other numbers looked up
    assert keys[0]["submit"]["resolution"] == keys[1]["submit"]["resolution"]  # same case


def test_nothing_happens_in_an_attempt_after_the_deadline(
    client: TestClient, tokens: dict[str, str], world_engine: Engine, bound
) -> None:
    exam_id = _exam(client, tokens, _me(client, tokens["trainee"]))
    headers = bearer(tokens["trainee"])
    episode = client.post(
        "/api/episodes", headers=headers, json={"scenario": CASES[0], "exam_id": exam_id}
    ).json()
    tool = bound(tokens["trainee"], episode["id"])
    assert tool.get("/support/outages", params={"area": "Bandung"}).status_code == 200
    before = trace_of(world_engine, episode["id"])
    assert [e["kind"] for e in before] == ["opening", "tool"]
    _close_exam(world_engine, exam_id)

    late_tool = tool.get("/support/outages", params={"area": "Bandung"})
    assert late_tool.status_code == 409 and late_tool.json()["error"] == "deadline_passed"
    for action, body in (("ask", {"question": "Nomor Anda?"}), ("submit", {"resolution": "x"})):
        late = client.post(f"/api/episodes/{episode['id']}/{action}", json=body, headers=headers)
        assert late.status_code == 409 and late.json()["error"] == "deadline_passed", action
    assert trace_of(world_engine, episode["id"]) == before

    state = client.get(f"/api/episodes/{episode['id']}", headers=headers).json()
    assert state["state"] == "closed" and state["score"] == 0 and state["passed"] is False
    report = client.get(f"/api/episodes/{episode['id']}/report", headers=headers).json()
    assert report["score"] == 0 and report["reason"] == "deadline passed"
    results = client.get("/api/results", headers=bearer(tokens["trainer"])).json()
    row = next(r for r in results if r["episode"] == episode["id"])
    assert row["state"] == "closed" and row["score"] == 0
    listed = client.get("/api/episodes", headers=headers).json()
    assert episode["id"] not in [e["id"] for e in listed]


def test_open_episodes_list_for_resuming(client: TestClient, start, tokens: dict[str, str]) -> None:
    episode = start(tokens["trainee"])
    listed = client.get("/api/episodes", headers=bearer(tokens["trainee"])).json()
    assert episode["id"] in [e["id"] for e in listed]
    assert {e["scenario"] for e in listed} == {opaque_id("sop001-paid-blocked")}
    others = client.get("/api/episodes", headers=bearer(tokens["other_trainee"])).json()
    assert episode["id"] not in [e["id"] for e in others]
