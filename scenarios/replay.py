"""The trace a perfect replay of a key would record, built without HTTP (tests, bench, CLI).

The episode API records a tool call as its operation and parameters (path slots and query
parameters, or the JSON body's fields) and a question as the customer's matched question id.
"""

import re
from collections.abc import Mapping
from typing import Any

from gladi import catalog
from scenarios.customer import answer

AT = "2026-10-15T03:00:00+00:00"


def path_params(operation: str, path: str) -> dict[str, str]:
    """The slot values of `path` for the operation's path template."""
    template = catalog.BY_NAME[operation].path
    pattern = "^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template)) + "$"
    match = re.match(pattern, path)
    return dict(match.groupdict()) if match else {}


def tool_event(
    event_id: int, operation: str, request: Mapping[str, Any], status: int = 200
) -> dict[str, Any]:
    """The trace event of one tool call."""
    params = {**path_params(operation, request["path"]), **(request.get("params") or {})}
    params.update({k: v for k, v in (request.get("json") or {}).items() if v is not None})
    return {
        "id": event_id,
        "at": AT,
        "kind": "tool",
        "tool": catalog.BY_NAME[operation].tool,
        "operation": operation,
        "params": params,
        "status": status,
        "detail": {},
    }


def ask_event(
    event_id: int,
    customer: Mapping[str, Any],
    question: str,
    reveals: Mapping[str, list[str]] | None = None,
) -> dict[str, Any]:
    """The trace event of one question to the simulated customer (`reveals`: the key's
    question -> facts map, for the facts the answer disclosed)."""
    question_id, reply = answer(customer, question)
    ids = [question_id] if question_id else []
    disclosed = [f for q in ids for f in (reveals or {}).get(q, [])]
    return {
        "id": event_id,
        "at": AT,
        "kind": "ask",
        "tool": None,
        "operation": None,
        "params": {"question": question},
        "status": 200,
        "detail": {
            "question_id": question_id,
            "question_ids": ids,
            "answer": reply,
            "disclosed": disclosed,
        },
    }


def opening_event(
    event_id: int, opening: str, customer: Mapping[str, Any]
) -> dict[str, Any]:
    """The trace's first event: the customer's opening and the facts it states."""
    return {
        "id": event_id,
        "at": AT,
        "kind": "opening",
        "tool": None,
        "operation": None,
        "params": {},
        "status": 200,
        "detail": {"text": opening, "disclosed": list(customer.get("opening_discloses") or [])},
    }


def replay_events(
    key: Mapping[str, Any], customer: Mapping[str, Any], opening: str = ""
) -> list[dict[str, Any]]:
    """Events of an episode whose agent replays every key step in order (after the opening)."""
    events = [opening_event(1, opening, customer)]
    reveals = key["grading"].get("reveals") or {}
    for index, step in enumerate(key["steps"], start=2):
        if step["kind"] == "question":
            events.append(ask_event(index, customer, step["question"], reveals))
        else:
            events.append(tool_event(index, step["operation"], step["request"]))
    return events
