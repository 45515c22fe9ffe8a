"""One report item: what was checked, how it went, the evidence, the SOP line, and whether a
miss fails the attempt whatever the score (`critical`)."""

from typing import Any

FAILING = ("wrong", "missed")
"""Statuses of an item that was not done right."""


def item(
    item_id: str,
    kind: str,
    status: str,
    *,
    ref: str | None,
    en: str,
    idn: str,
    evidence: dict[str, Any] | None = None,
    weight: int = 0,
    earned: int | None = None,
    critical: bool = False,
) -> dict[str, Any]:
    """A report item; `earned` defaults to the full weight when ok, else nothing."""
    points = (weight if status == "ok" else 0) if earned is None else earned
    return {
        "id": item_id,
        "kind": kind,
        "status": status,
        "critical": critical,
        "evidence": evidence,
        "sop_ref": ref,
        "message": en,
        "pesan": idn,
        "points": points,
        "max_points": weight,
    }


def fails(entry: dict[str, Any]) -> bool:
    """A critical item not done right (a right conclusion that was only guessed fails through
    the critical checks it skipped)."""
    return bool(entry.get("critical")) and entry["status"] in FAILING
