"""One report item: what was checked, how it went, the evidence, and the SOP line."""

from typing import Any


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
) -> dict[str, Any]:
    """A report item; `earned` defaults to the full weight when ok, else nothing."""
    points = (weight if status == "ok" else 0) if earned is None else earned
    return {
        "id": item_id,
        "kind": kind,
        "status": status,
        "evidence": evidence,
        "sop_ref": ref,
        "message": en,
        "pesan": idn,
        "points": points,
        "max_points": weight,
    }
