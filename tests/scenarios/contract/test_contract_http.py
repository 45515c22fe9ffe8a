"""A small sample of the contract over HTTP: tickets filed, refused and cancelled at the real desk
are graded from the stored trace like the offline attempts."""

import copy
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from scenarios.library import Library
from tests.helpers import episode_headers
from tests.scenarios.helpers import codes, grade_episode, replay_over_http, start_case

CASE = "sop001-paid-blocked"


def _replay(
    client: TestClient, world: Engine, instance: Any, token: str, tickets: list[dict[str, Any]]
) -> list[Any]:
    """The key's lookups and questions, then each ticket action in `tickets` instead of the
    key's own ticket: `{"file": body}` or `{"cancel": index of an earlier filed ticket}`."""
    replay_over_http(client, world, instance, token, skip=("action:ticket",))
    headers, answers, filed = episode_headers(token, instance.episode_id), [], []
    for action in tickets:
        if "file" in action:
            answer = client.post("/support/tickets", json=action["file"], headers=headers)
            filed.append(answer.json().get("ticket_id"))
        else:
            path = f"/support/tickets/{filed[action['cancel']]}/cancel"
            answer = client.post(path, headers=headers)
        answers.append(answer)
    return answers


def _key_ticket(instance: Any) -> dict[str, Any]:
    step = next(s for s in instance.key["steps"] if s.get("operation") == "tickets.create")
    return copy.deepcopy(step["request"]["json"])


def test_a_ticket_about_another_number_fails_over_http(
    client: TestClient, world_engine: Engine, library: Library
) -> None:
    instance, token = start_case(library, world_engine, CASE, seed=5)
    ticket = _key_ticket(instance)
    ticket["number"] = ticket["fields"]["msisdn"] = ticket["fields"]["alt_contact"]
    (answer,) = _replay(client, world_engine, instance, token, [{"file": ticket}])
    assert answer.status_code == 200
    report = grade_episode(world_engine, instance)
    assert not report["passed"] and "ticket about another customer: number" in codes(report)


def test_a_refused_ticket_is_no_ticket_over_http(
    client: TestClient, world_engine: Engine, library: Library
) -> None:
    instance, token = start_case(library, world_engine, CASE, seed=6)
    ticket = _key_ticket(instance)
    del ticket["fields"]["payment_date"]
    (answer,) = _replay(client, world_engine, instance, token, [{"file": ticket}])
    assert answer.status_code == 422 and answer.json()["field"] == "fields.payment_date"
    report = grade_episode(world_engine, instance)
    assert not report["passed"] and "no ticket" in codes(report)


def test_a_wrong_ticket_cancelled_then_the_right_one_scores_100_over_http(
    client: TestClient, world_engine: Engine, library: Library
) -> None:
    instance, token = start_case(library, world_engine, CASE, seed=7)
    right = _key_ticket(instance)
    wrong = {**copy.deepcopy(right), "kip": "k44-belum-ledger"}
    actions = [{"file": wrong}, {"cancel": 0}, {"file": right}]
    answers = _replay(client, world_engine, instance, token, actions)
    assert [a.status_code for a in answers] == [200, 200, 200]
    report = grade_episode(world_engine, instance)
    assert report["passed"] and report["score"] == 100, codes(report)
    instance, token = start_case(library, world_engine, CASE, seed=8)
    right = _key_ticket(instance)
    wrong = {**copy.deepcopy(right), "kip": "k44-belum-ledger"}
    _replay(client, world_engine, instance, token, [{"file": wrong}, {"file": right}])
    left_open = grade_episode(world_engine, instance)
    assert left_open["passed"] and left_open["score"] < 100
    assert any(i["id"].startswith("ticket_extra:") for i in left_open["items"])
