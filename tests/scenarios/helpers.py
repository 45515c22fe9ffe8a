"""Helpers for scenario tests: instantiate a case, replay its key, tweak traces."""

import copy
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from gladi.assess.client import ToolSessions
from gladi.episodes.trace import append_event
from scenarios import engine
from scenarios.instantiate import Instance, sim_now_of
from scenarios.library import Library
from scenarios.replay import replay_events
from tests.helpers import episode_headers, make_episode, make_user, trace_of


def make_instance(
    lib: Library,
    db: Engine,
    case_id: str,
    seed: int = 1,
    persona: str | None = None,
    episode_id: str = "ep-test",
) -> Instance:
    """Instantiate a case without writing it."""
    with db.connect() as conn:
        return engine.instantiate(conn, lib, case_id, seed, episode_id, persona)


def perfect(instance: Instance) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The events of replaying the key's steps, and the key's submission."""
    events = replay_events(instance.key, instance.customer, instance.brief["opening"])
    return events, copy.deepcopy(instance.key["submit"])


def without(events: list[dict[str, Any]], *names: str) -> list[dict[str, Any]]:
    """The events minus the tool calls of the operations and the questions (ids) named."""
    return [
        e
        for e in events
        if e.get("operation") not in names
        and (e.get("detail") or {}).get("question_id") not in names
    ]


def call_of(events: list[dict[str, Any]], operation: str) -> dict[str, Any]:
    """The first call of an operation (to tweak its parameters or status)."""
    return next(e for e in events if e.get("operation") == operation)


def item(report: dict[str, Any], item_id: str) -> dict[str, Any]:
    """The report item with this id."""
    return next(i for i in report["items"] if i["id"] == item_id)


def codes(report: dict[str, Any]) -> list[str]:
    """The stable codes of the report's fail reasons (`wrong resolution`, ...)."""
    return [r["code"] for r in report["fail_reasons"]]


def assert_fails(report: dict[str, Any], reason: str) -> None:
    """The report fails, and one of its fail reasons' codes starts with `reason`."""
    assert not report["passed"], report["score"]
    assert any(c.startswith(reason) for c in codes(report)), codes(report)


def start_case(library: Library, world: Engine, case_id: str, seed: int) -> tuple[Instance, str]:
    """A new trainee and an open episode of `case_id` (on the case's own clock), its customer
    written beside the background world; returns (instance, the trainee's token)."""
    user_id, token = make_user(world)
    case = library.case(case_id)
    episode_id = make_episode(
        world, user_id, scenario_id=case_id, sop=case.sop, sim_now=sim_now_of(case)
    )
    with world.begin() as conn:
        instance = engine.instantiate(conn, library, case_id, seed, episode_id)
        engine.write_instance(conn, instance)
    return instance, token


def record_question(world: Engine, instance: Instance, question: str) -> None:
    """Put a question to the instance's customer and record it as the episode service does
    for /ask (the test episodes hold no customer of their own for the service to read)."""
    detail = engine.reply(instance.customer, question).detail()
    with world.begin() as conn:
        append_event(conn, instance.episode_id, "ask", params={"question": question}, detail=detail)


def replay_over_http(
    client: TestClient,
    world: Engine,
    instance: Instance,
    token: str,
    skip: tuple[str, ...] = (),
) -> list[tuple[dict[str, Any], httpx.Response]]:
    """Replay the key's steps (but `skip`) in the episode: questions recorded, each tool call
    sent to the real mock with the episode header and the tool logins' sessions; returns
    (step, response) of every tool call."""
    sessions = ToolSessions()
    headers = episode_headers(token, instance.episode_id)
    calls = []
    for step in instance.key["steps"]:
        if step["id"] in skip:
            continue
        if step["kind"] == "question":
            record_question(world, instance, step["question"])
            continue
        request = step["request"]
        response = client.request(
            request["method"],
            request["path"],
            params=request["params"] or None,
            json=request["json"],
            headers={**headers, **sessions.headers(request["path"])},
        )
        sessions.learn(request["path"], response)
        calls.append((step, response))
    return calls


def grade_episode(world: Engine, instance: Instance) -> dict[str, Any]:
    """The report of the episode's stored trace with the key's submission."""
    events = trace_of(world, instance.episode_id)
    return engine.grade(events, instance.key["submit"], instance.key)


def assert_key_replays_to_100(
    client: TestClient, world: Engine, instance: Instance, token: str
) -> None:
    """Every tool call of the key answers as the key expects (200 unless it names another
    status) and the stored trace grades 100 and passes."""
    for step, response in replay_over_http(client, world, instance, token):
        assert response.status_code == step.get("expected_status", 200), (
            step["id"],
            response.text,
        )
    report = grade_episode(world, instance)
    assert report["score"] == 100 and report["passed"], [
        i for i in report["items"] if i["status"] != "ok"
    ]
