"""mocks.routing: the short path through FastAPI gives the same answers as FastAPI's own.

Tool routes are served by a direct handler; an app with dependency overrides falls back to
FastAPI's handler for every route. Both must answer every kind of request byte for byte the
same (values, 422 errors, the tool's 404 view), record the same trace, and the OpenAPI
document must still describe the episode and token headers on each tool route.
"""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from gladi.catalog import BY_NAME
from gladi.world import Subscriber
from mocks.app import ROUTERS, create_app
from mocks.routing import ToolRoute
from tests.helpers import episode_headers, make_episode, make_user, trace_of

SUB = Subscriber.__table__


def _unused_dependency() -> None:
    """Only there so the app has a dependency override (which disables the direct path)."""


@pytest.fixture
def standard_client(app_env: str) -> Iterator[TestClient]:
    """A client of an app whose tool routes all take FastAPI's own handler."""
    app = create_app()
    app.dependency_overrides[_unused_dependency] = _unused_dependency
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def msisdn(world_engine: Engine) -> str:
    with world_engine.connect() as conn:
        value = conn.execute(
            select(SUB.c.msisdn).where(SUB.c.episode_id.is_(None)).order_by(SUB.c.id).limit(1)
        ).scalar_one()
    return str(value)


def _requests(msisdn: str) -> list[str]:
    return [
        f"/dsc/subscribers/{msisdn}",  # path parameter, found
        f"/dsc/subscribers/{msisdn}/hlr",
        "/dsc/subscribers/08123abc4567",  # letters in an MSISDN: 422 naming msisdn
        "/dsc/subscribers/081100000001",  # well formed, unknown: the tool's not-found view
        "/outages?area=Bandung",  # query parameters with a default
        "/outages?area=Bandung&include_past=maybe",  # bad boolean: 422
        "/outages",  # missing required query parameter: 422
        "/ncx/ebis/asset?sid=AO-123",  # an AO in the SID box: 422
        "/ncx/ebis/asset?company=PT&product=ASTINET",
    ]


def test_every_tool_operation_is_a_tool_route() -> None:
    routes = {getattr(r, "name", None): r for router in ROUTERS for r in router.routes}
    assert set(BY_NAME) <= set(routes)
    assert all(isinstance(routes[name], ToolRoute) for name in BY_NAME)


def test_direct_and_standard_handlers_answer_alike(
    client: TestClient, standard_client: TestClient, msisdn: str
) -> None:
    statuses = set()
    for path in _requests(msisdn):
        direct = client.get(path)
        standard = standard_client.get(path)
        statuses.add(direct.status_code)
        assert direct.status_code == standard.status_code, path
        assert direct.headers["content-type"] == standard.headers["content-type"], path
        assert direct.json() == standard.json(), path
    assert statuses == {200, 404, 422}


def test_validation_error_names_the_field_on_the_direct_path(client: TestClient) -> None:
    response = client.get("/dsc/subscribers/08123abc4567")
    assert response.status_code == 422
    assert "msisdn" in response.text


def test_both_paths_record_the_same_trace(
    client: TestClient, standard_client: TestClient, world_engine: Engine, msisdn: str
) -> None:
    user_id, token = make_user(world_engine)
    traces = []
    for http in (client, standard_client):
        episode_id = make_episode(world_engine, user_id)
        headers = episode_headers(token, episode_id)
        assert http.get(f"/dsc/subscribers/{msisdn}", headers=headers).status_code == 200
        assert http.get("/dsc/subscribers/081100000001", headers=headers).status_code == 404
        traces.append(
            [(e["operation"], e["params"], e["status"]) for e in trace_of(world_engine, episode_id)]
        )
    assert (
        traces[0]
        == traces[1]
        == [
            ("dsc.profile", {"msisdn": msisdn}, 200),
            ("dsc.profile", {"msisdn": "081100000001"}, 404),
        ]
    )


def test_someone_elses_episode_is_refused_on_the_direct_path(
    client: TestClient, world_engine: Engine, msisdn: str
) -> None:
    owner, _ = make_user(world_engine)
    _, intruder_token = make_user(world_engine)
    episode_id = make_episode(world_engine, owner)
    response = client.get(
        f"/dsc/subscribers/{msisdn}", headers=episode_headers(intruder_token, episode_id)
    )
    assert response.status_code == 403
    assert trace_of(world_engine, episode_id) == []


def test_paths_outside_every_prefix_are_404_and_wrong_methods_405(client: TestClient) -> None:
    assert client.get("/nowhere/dsc/subscribers/081234567890").status_code == 404
    assert client.get("/dscx/subscribers/081234567890").status_code == 404
    assert client.post("/dsc/subscribers/081234567890").status_code == 405


def test_openapi_still_documents_the_episode_headers(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/dsc/subscribers/{msisdn}"]["get"]
    headers = {p["name"].lower() for p in operation["parameters"] if p["in"] == "header"}
    assert {"x-gladi-episode", "authorization"} <= headers
