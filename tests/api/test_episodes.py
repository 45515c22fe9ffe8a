"""The episode contract: start, ask, replay the key, submit, read back; bad input; isolation."""

from collections.abc import Callable

from fastapi.testclient import TestClient

from gladi.assess.client import replay
from gladi.episodes.case_ids import opaque_id
from scenarios import engine
from tests.api.conftest import CASE, bearer


def test_login_gives_a_token_and_role(client: TestClient, world_engine) -> None:
    from gladi.episodes.auth import create_user
    from tests.helpers import make_user  # noqa: F401  (users come from the helpers)

    with world_engine.begin() as conn:
        password = create_user(conn, "siti_api", "trainee")
    ok = client.post("/api/login", json={"username": "siti_api", "password": password})
    assert ok.status_code == 200 and ok.json()["role"] == "trainee" and ok.json()["token"]
    wrong = client.post("/api/login", json={"username": "siti_api", "password": "nope"})
    assert wrong.status_code == 401 and wrong.json()["field"] == "password"
    typo = client.post("/api/login", json={"user": "siti_api", "password": password})
    assert typo.status_code == 422 and typo.json()["field"] in ("username", "user")


def test_every_api_call_needs_a_valid_token(client: TestClient) -> None:
    assert client.get("/api/scenarios").status_code == 401
    bad = client.get("/api/scenarios", headers=bearer("not-a-token"))
    assert bad.status_code == 401 and bad.json()["field"] == "Authorization"


def test_scenarios_list_the_library(client: TestClient, tokens: dict[str, str]) -> None:
    staff = client.get("/api/scenarios", headers=bearer(tokens["trainer"])).json()
    assert CASE in {s["id"] for s in staff}
    assert set(staff[0]) >= {"id", "sop", "title", "difficulty", "channel"}
    listed = client.get("/api/scenarios", headers=bearer(tokens["trainee"])).json()
    assert len(listed) == len(staff)  # the committed library has no exam-only case
    assert set(listed[0]) >= {"id", "sop", "title", "difficulty", "channel"}


def test_start_gives_an_unguessable_episode_and_brief(
    start: Callable[..., dict], tokens: dict[str, str]
) -> None:
    first, second = start(tokens["trainee"]), start(tokens["trainee"])
    assert first["id"] != second["id"] and len(first["id"]) >= 20
    assert first["scenario"] == opaque_id(CASE) and first["sop"] == "sop-001"
    assert first["brief"]["channel"] and first["brief"]["opening"]
    assert "dsc" in first["tools"]


def test_same_seed_same_customer_other_seed_other_customer(
    client: TestClient, start: Callable[..., dict], tokens: dict[str, str]
) -> None:
    keys = []
    for seed in (5, 5, 6):
        episode = start(tokens["trainee"], seed=seed)
        keys.append(
            client.get(
                f"/api/episodes/{episode['id']}/key", headers=bearer(tokens["trainer"])
            ).json()
        )
    assert keys[0]["expected"] == keys[1]["expected"]
    assert keys[0]["submit"] == keys[1]["submit"]
    assert keys[0]["steps"] == keys[1]["steps"]
    assert keys[0]["steps"] != keys[2]["steps"]  # another customer (other MSISDN)


def test_bad_starts_are_4xx_naming_the_problem(client: TestClient, tokens: dict[str, str]) -> None:
    headers = bearer(tokens["trainee"])
    unknown = client.post("/api/episodes", json={"scenario": "no-such-case"}, headers=headers)
    assert unknown.status_code == 404 and unknown.json()["field"] == "scenario"
    extra = client.post("/api/episodes", json={"scenario": CASE, "colour": 1}, headers=headers)
    assert extra.status_code == 422 and extra.json()["field"] == "colour"
    seed = client.post("/api/episodes", json={"scenario": CASE, "seed": "x"}, headers=headers)
    assert seed.status_code == 422 and seed.json()["field"] == "seed"


def test_replaying_the_key_scores_100_and_a_second_submit_is_409(
    client: TestClient, start: Callable[..., dict], bound, tokens: dict[str, str]
) -> None:
    episode = start(tokens["trainee"])
    key = client.get(f"/api/episodes/{episode['id']}/key", headers=bearer(tokens["trainer"]))
    assert key.status_code == 200
    steps, submit = key.json()["steps"], key.json()["submit"]
    statuses = replay(bound(tokens["trainee"], episode["id"]), episode["id"], steps)
    assert all(s < 400 for s in statuses), statuses
    headers = bearer(tokens["trainee"])
    report = client.post(f"/api/episodes/{episode['id']}/submit", json=submit, headers=headers)
    assert report.status_code == 200, report.text
    assert report.json()["score"] == 100 and report.json()["passed"] is True
    again = client.post(
        f"/api/episodes/{episode['id']}/submit",
        json={"resolution": "network_refresh"},
        headers=headers,
    )
    assert again.status_code == 409
    stored = client.get(f"/api/episodes/{episode['id']}/report", headers=headers).json()
    assert stored["score"] == 100


def test_submitting_at_once_scores_zero(
    client: TestClient, start: Callable[..., dict], tokens: dict[str, str]
) -> None:
    episode = start(tokens["trainee"])
    key = client.get(f"/api/episodes/{episode['id']}/key", headers=bearer(tokens["trainer"])).json()
    report = client.post(
        f"/api/episodes/{episode['id']}/submit",
        json=key["submit"],
        headers=bearer(tokens["trainee"]),
    ).json()
    assert report["score"] == 0 and report["passed"] is False


def test_ask_answers_in_character_and_is_recorded(
    client: TestClient, start: Callable[..., dict], tokens: dict[str, str]
) -> None:
    episode = start(tokens["trainee"])
    headers = bearer(tokens["trainee"])
    question = episode["brief"]["questions"][0]
    known = client.post(
        f"/api/episodes/{episode['id']}/ask", json={"question": question["text"]}, headers=headers
    ).json()
    assert known["question_id"] == question["id"] and known["answer"]
    odd = client.post(
        f"/api/episodes/{episode['id']}/ask",
        json={"question": "Apa warna kucing Anda?"},
        headers=headers,
    ).json()
    assert odd["question_id"] is None and odd["answer"]
    timeline = client.get(f"/api/episodes/{episode['id']}", headers=headers).json()["timeline"]
    assert [e["kind"] for e in timeline] == ["opening", "ask", "ask"]


def test_trace_regrades_to_the_stored_report(
    client: TestClient, start: Callable[..., dict], bound, tokens: dict[str, str]
) -> None:
    episode = start(tokens["trainee"])
    headers = bearer(tokens["trainee"])
    before = client.get(f"/api/episodes/{episode['id']}/trace", headers=headers).json()
    assert "key" not in before or before["key"] is None  # no key while the attempt is open
    key = client.get(
        f"/api/episodes/{episode['id']}/key", headers=bearer(tokens["assessor"])
    ).json()
    replay(bound(tokens["trainee"], episode["id"]), episode["id"], key["steps"][:2])
    client.post(f"/api/episodes/{episode['id']}/submit", json=key["submit"], headers=headers)
    trace = client.get(f"/api/episodes/{episode['id']}/trace", headers=headers).json()
    regraded = engine.grade(trace["events"], trace["submission"], trace["key"])
    assert regraded == trace["report"]


def test_unknown_resolution_or_advice_is_refused_and_nothing_is_stored(
    client: TestClient, tokens: dict[str, str]
) -> None:
    headers = {"Authorization": f"Bearer {tokens['trainee']}"}
    episode = client.post(
        "/api/episodes", headers=headers, json={"scenario": "sop002-fintech-app", "seed": 1}
    ).json()
    codes = [a["code"] for a in episode["brief"]["advice"]]
    assert "wait_1x24h" in codes and "send_proof_email" in codes
    submit = f"/api/episodes/{episode['id']}/submit"
    typo = client.post(submit, headers=headers, json={"resolution": "create_tiket"})
    assert typo.status_code == 422 and typo.json()["field"] == "resolution"
    assert "create_ticket" in typo.json()["expected"]
    advice = {"resolution": "create_ticket", "advice": ["send_proof_email", "tunggu"]}
    wrong = client.post(submit, headers=headers, json=advice)
    assert wrong.status_code == 422 and wrong.json()["field"] == "advice.1"
    state = client.get(f"/api/episodes/{episode['id']}", headers=headers).json()
    assert state["state"] == "open"
    done = client.post(submit, headers=headers, json={**advice, "advice": ["send_proof_email"]})
    assert done.status_code == 200
