"""Appending to and reading an episode's trace (the only input of the grader)."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from gladi.episodes.tables import TraceEvent

_events = TraceEvent.__table__  # type: ignore[attr-defined]
_INSERT = insert(_events)
"""Built once: executed with a dict of values, SQLAlchemy reuses its compiled form (building
`insert(...).values(...)` per event cost several times the insert itself)."""
_REDACT = {"password", "pass", "token"}


def redact(params: dict[str, Any]) -> dict[str, Any]:
    """Params as stored: secrets replaced by '***'."""
    return {k: ("***" if k.lower() in _REDACT else v) for k, v in params.items()}


def append_event(
    conn: Connection,
    episode_id: str,
    kind: str,
    *,
    tool: str | None = None,
    operation: str | None = None,
    params: dict[str, Any] | None = None,
    status: int = 200,
    detail: dict[str, Any] | None = None,
) -> int:
    """Insert one event and return its id (the caller commits before answering)."""
    result = conn.execute(
        _INSERT,
        {
            "episode_id": episode_id,
            "at": datetime.now(UTC),
            "kind": kind,
            "tool": tool,
            "operation": operation,
            "params": redact(params or {}),
            "status": status,
            "detail": detail or {},
        },
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def events_of(conn: Connection, episode_id: str) -> list[dict[str, Any]]:
    """The episode's events in the order they were stored, as plain JSON-able dicts."""
    rows = conn.execute(
        select(_events).where(_events.c.episode_id == episode_id).order_by(_events.c.id)
    ).mappings()
    return [
        {
            "id": r["id"],
            "at": r["at"].isoformat(),
            "kind": r["kind"],
            "tool": r["tool"],
            "operation": r["operation"],
            "params": r["params"],
            "status": r["status"],
            "detail": r["detail"],
        }
        for r in rows
    ]
