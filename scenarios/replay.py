"""The trace a perfect replay of a key would record, built without HTTP (tests, bench, CLI).

The episode API records a tool call as its operation and parameters (path slots and query
parameters, or the JSON body's fields) and a question as the customer's reply detail (the SOP
question ids understood, the answer, the facts it disclosed).
"""

import re
from collections.abc import Mapping, Sequence
from typing import Any

from gladi import catalog
from scenarios.customer import reply

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
    history: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """The trace event of one question to the simulated customer (after `history`, the
    episode's earlier ask events): its detail is what the episode API records."""
    detail = reply(customer, question, history).detail()
    return {
        "id": event_id,
        "at": AT,
        "kind": "ask",
        "tool": None,
        "operation": None,
        "params": {"question": question},
        "status": 200,
        "detail": detail,
    }


def opening_event(event_id: int, opening: str, customer: Mapping[str, Any]) -> dict[str, Any]:
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
    for index, step in enumerate(key["steps"], start=2):
        if step["kind"] == "question":
            asked = [e for e in events if e["kind"] == "ask"]
            events.append(ask_event(index, customer, step["question"], asked))
        else:
            events.append(tool_event(index, step["operation"], step["request"]))
    return events
