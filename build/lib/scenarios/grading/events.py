"""Reading a trace: tool calls, questions, what the customer disclosed, hints and tickets."""

import fnmatch
from collections.abc import Mapping, Sequence
from typing import Any

from scenarios import values

Event = Mapping[str, Any]
NOT_LOOKUPS = ("tickets.kip_catalog", "*.login")
"""Operations that look nothing up about the customer (a catalog, a tool login)."""


def succeeded(event: Event) -> bool:
    """A call the tool answered (2xx)."""
    status = event.get("status", 200)
    return isinstance(status, int) and 200 <= status < 300


def detail(event: Event) -> Mapping[str, Any]:
    """The event's detail (always a mapping)."""
    found = event.get("detail")
    return found if isinstance(found, Mapping) else {}


def tool_calls(events: Sequence[Event], operation: str | None = None) -> list[Event]:
    """Tool events (of one operation, if given), in trace order."""
    return [
        e
        for e in events
        if e.get("kind") == "tool" and (operation is None or e.get("operation") == operation)
    ]


def question_ids(event: Event) -> list[str]:
    """The SOP questions an `ask` event was understood as (`question_ids`, else the single
    `question_id` older traces carry)."""
    found = detail(event)
    many = found.get("question_ids")
    if isinstance(many, list):
        return [q for q in many if isinstance(q, str)]
    one = found.get("question_id")
    return [one] if isinstance(one, str) else []


def asked(events: Sequence[Event], question_id: str) -> list[Event]:
    """Questions the customer understood as `question_id`."""
    return [e for e in events if e.get("kind") == "ask" and question_id in question_ids(e)]


def disclosed(events: Sequence[Event], reveals: Mapping[str, Sequence[str]]) -> set[str]:
    """Facts the customer has given: in the opening, or in any answer. An answer event lists
    them in `detail.disclosed`; for one that does not, the facts its questions reveal."""
    found: set[str] = set()
    for event in events:
        if event.get("kind") not in ("opening", "ask"):
            continue
        said = detail(event).get("disclosed")
        if isinstance(said, list):
            found |= {f for f in said if isinstance(f, str)}
        elif event.get("kind") == "ask":
            for question_id in question_ids(event):
                found |= set(reveals.get(question_id, ()))
    return found


def hints(events: Sequence[Event]) -> list[Event]:
    """Hints taken."""
    return [e for e in events if e.get("kind") == "hint"]


def tickets(events: Sequence[Event]) -> list[Event]:
    """Tickets the desk accepted, in trace order."""
    return [e for e in tool_calls(events, "tickets.create") if succeeded(e)]


def refused_tickets(events: Sequence[Event]) -> list[Event]:
    """Tickets the desk refused (a 4xx: a missing mandatory field, an unknown KIP ...)."""
    return [e for e in tool_calls(events, "tickets.create") if not succeeded(e)]


def ticket_id(event: Event) -> str | None:
    """The id the desk gave a filed ticket (None in traces that do not record it)."""
    found = detail(event).get("ticket_id")
    return found if isinstance(found, str) else None


def cancelled_ticket_ids(events: Sequence[Event]) -> set[str]:
    """Ids of the tickets cancelled in the episode."""
    return {
        str((e.get("params") or {}).get("ticket_id"))
        for e in tool_calls(events, "tickets.cancel")
        if succeeded(e)
    }


def did_something(events: Sequence[Event]) -> bool:
    """Whether the trainee looked anything up or asked an SOP question (a greeting, a tool
    login or the KIP catalog alone is not doing anything)."""
    for event in events:
        if event.get("kind") == "tool" and not matches_any(event.get("operation"), NOT_LOOKUPS):
            return True
        if event.get("kind") == "ask" and question_ids(event):
            return True
    return False


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
