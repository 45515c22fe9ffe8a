"""Secrets of the exam: every /api route walked with every role."""

from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.api.conftest import bearer

STAFF_ONLY = [
    ("GET", "/api/results", None),
    ("GET", "/api/results?format=csv", None),
    ("GET", "/api/results?format=xapi", None),
    ("GET", "/api/results/cohort", None),
    ("GET", "/api/users", None),
]


def test_trainee_never_reads_keys_results_or_others_episodes(
    client: TestClient, start: Callable[..., dict], tokens: dict[str, str]
) -> None:
    mine = start(tokens["trainee"])
    theirs = start(tokens["other_trainee"])
    me = bearer(tokens["trainee"])
    for method, path, body in STAFF_ONLY:
        assert client.request(method, path, json=body, headers=me).status_code == 403, path
    assert client.get(f"/api/episodes/{mine['id']}/key", headers=me).status_code == 403
    for suffix in ("", "/report", "/trace", "/key"):
        response = client.get(f"/api/episodes/{theirs['id']}{suffix}", headers=me)
        assert response.status_code == 403, suffix
    for action, body in (
        ("ask", {"question": "Nomor Anda?"}),
        ("submit", {"resolution": "x"}),
        ("hint", None),
    ):
        response = client.post(f"/api/episodes/{theirs['id']}/{action}", json=body, headers=me)
        assert response.status_code == 403, action
    own = client.get(f"/api/episodes/{mine['id']}", headers=me)
    assert own.status_code == 200


def test_trainers_and_assessors_read_everything(
    client: TestClient, start: Callable[..., dict], tokens: dict[str, str]
) -> None:
    episode = start(tokens["trainee"])
    for role in ("trainer", "assessor"):
        headers = bearer(tokens[role])
        for method, path, body in STAFF_ONLY:
            assert client.request(method, path, json=body, headers=headers).status_code == 200
        for suffix in ("", "/trace", "/key"):
            assert (
                client.get(f"/api/episodes/{episode['id']}{suffix}", headers=headers).status_code
                == 200
            )
        acting = client.post(
            f"/api/episodes/{episode['id']}/ask", json={"question": "Nomor?"}, headers=headers
        )
        assert acting.status_code == 403  # only the owner acts in an episode


def test_tool_calls_into_someone_elses_episode_are_refused_and_not_recorded(
    client: TestClient, start: Callable[..., dict], tokens: dict[str, str]
) -> None:
    theirs = start(tokens["other_trainee"])
    headers = {**bearer(tokens["trainee"]), "X-Gladi-Episode": theirs["id"]}
    assert client.get("/dsc/subscribers/081234567890", headers=headers).status_code == 403
    timeline = client.get(
        f"/api/episodes/{theirs['id']}", headers=bearer(tokens["other_trainee"])
    ).json()["timeline"]
    assert timeline == []


def test_expired_and_unknown_tokens_get_401(client: TestClient, world_engine) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from gladi.episodes.tables import AuthSession
    from tests.helpers import make_user

    user_id, token = make_user(world_engine)
    with world_engine.begin() as conn:
        conn.execute(
            update(AuthSession.__table__)
            .where(AuthSession.__table__.c.user_id == user_id)
            .values(expires_at=datetime.now(UTC) - timedelta(minutes=1))
        )
    expired = client.get("/api/me", headers=bearer(token))
    assert expired.status_code == 401 and "expired" in expired.json()["message"]
