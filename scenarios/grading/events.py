"""Reading a trace: which events are tool calls, questions, hints and tickets, and matching them."""

import fnmatch
from collections.abc import Mapping, Sequence
from typing import Any

from scenarios import values

Event = Mapping[str, Any]


def succeeded(event: Event) -> bool:
    """A call the tool answered (2xx)."""
    status = event.get("status", 200)
    return isinstance(status, int) and 200 <= status < 300


def tool_calls(events: Sequence[Event], operation: str | None = None) -> list[Event]:
    """Tool events (of one operation, if given), in trace order."""
    return [
        e
        for e in events
        if e.get("kind") == "tool" and (operation is None or e.get("operation") == operation)
    ]


def asked(events: Sequence[Event], question_id: str) -> list[Event]:
    """Questions the customer understood as `question_id`."""
    return [
        e
        for e in events
        if e.get("kind") == "ask" and (e.get("detail") or {}).get("question_id") == question_id
    ]


def hints(events: Sequence[Event]) -> list[Event]:
    """Hints taken."""
    return [e for e in events if e.get("kind") == "hint"]


def tickets(events: Sequence[Event]) -> list[Event]:
    """Tickets the desk accepted, in trace order."""
    return [e for e in tool_calls(events, "tickets.create") if succeeded(e)]


def did_something(events: Sequence[Event]) -> bool:
    """Whether the trainee called a tool or asked the customer anything."""
    return any(e.get("kind") in ("tool", "ask") for e in events)


def param_matches(name: str, expected: str, actual: Any) -> bool:
    """Whether a call's parameter names the expected identifier."""
    if actual is None:
        return False
    if name == "area":
        a, w = values.norm(actual), values.norm(expected)
        return len(a) >= 3 and (a in w or w in a)
    return values.same_identifier(expected, actual)


def params_match(expected: Mapping[str, str], event: Event) -> bool:
    """Whether every expected parameter matches the event's parameters."""
    params = event.get("params") or {}
    return all(param_matches(k, v, params.get(k)) for k, v in expected.items())


def evidence(found: Sequence[Event]) -> dict[str, Any] | None:
    """The evidence of an item: event ids, and the first event's operation and parameters."""
    if not found:
        return None
    first = found[0]
    return {
        "events": [e.get("id") for e in found],
        "operation": first.get("operation"),
        "params": first.get("params") or {},
    }


def matches_any(operation: str | None, patterns: Sequence[str]) -> bool:
    """Whether an operation name matches one of the patterns (`ncx.*`)."""
    return operation is not None and any(fnmatch.fnmatchcase(operation, p) for p in patterns)
