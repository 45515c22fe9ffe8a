"""Secrets of the exam: every /api route walked with every role."""

from collections.abc import Callable

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from tests.api.conftest import bearer


def api_routes(client: TestClient) -> list[APIRoute]:
    """Every route under /api, from the app's route table (included routers walked)."""
    found: list[APIRoute] = []

    def walk(routes: list) -> None:
        for route in routes:
            if isinstance(route, APIRoute):
                found.append(route)
            elif hasattr(route, "original_router"):
                walk(route.original_router.routes)

    walk(client.app.routes)
    return [r for r in found if r.path.startswith("/api")]


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
    assert [e["kind"] for e in timeline] == ["opening"]  # only the customer's first words


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


def test_every_api_route_refuses_a_missing_token(client: TestClient) -> None:
    """Walk the app's own route table: nothing under /api but login answers without a token."""
    routes = [r for r in api_routes(client) if r.path != "/api/login"]
    assert len(routes) >= 15
    for route in routes:
        path = route.path.replace("{episode_id}", "x" * 24).replace("{exam_id}", "1")
        for method in route.methods:
            response = client.request(method, path, json={})
            assert response.status_code == 401, (method, path, response.status_code)


def test_every_staff_route_refuses_a_trainee(client: TestClient, tokens: dict[str, str]) -> None:
    """Routes declared for trainers/assessors (by their dependency) answer 403 to a trainee."""
    from mocks.api.deps import staff, trainer

    guarded = [
        r
        for r in api_routes(client)
        if any(d.call in (staff, trainer) for d in r.dependant.dependencies)
    ]
    assert len(guarded) >= 8
    for route in guarded:
        path = route.path.replace("{episode_id}", "x" * 24).replace("{exam_id}", "1")
        for method in route.methods:
            response = client.request(method, path, json={}, headers=bearer(tokens["trainee"]))
            assert response.status_code in (403, 422), (method, path, response.status_code)
            if response.status_code == 422:  # body checked before the role: still no data
                assert "error" in response.json()
