"""Helpers for scenario tests: instantiate a case, replay its key, tweak traces."""

import copy
from typing import Any

from sqlalchemy import Engine

from scenarios import engine
from scenarios.instantiate import Instance
from scenarios.library import Library
from scenarios.replay import replay_events


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
    return replay_events(instance.key, instance.customer), copy.deepcopy(instance.key["submit"])


def without(events: list[dict[str, Any]], operation: str) -> list[dict[str, Any]]:
    """The events minus every call of one operation."""
    return [e for e in events if e.get("operation") != operation]


def item(report: dict[str, Any], item_id: str) -> dict[str, Any]:
    """The report item with this id."""
    return next(i for i in report["items"] if i["id"] == item_id)


def assert_fails(report: dict[str, Any], reason: str) -> None:
    """The report fails, and one of its fail reasons starts with `reason`."""
    assert not report["passed"], report["score"]
    assert any(r.startswith(reason) for r in report["fail_reasons"]), report["fail_reasons"]
