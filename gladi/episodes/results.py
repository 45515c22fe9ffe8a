"""Stored results: listing, cohort statistics, item analysis, CSV / JSON / xAPI export."""

import csv
import io
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from gladi.episodes.tables import Episode, UserAccount

EPISODES = Episode.__table__  # type: ignore[attr-defined]
USERS = UserAccount.__table__  # type: ignore[attr-defined]
ENDED = ("submitted", "closed")
COLUMNS = (
    "episode",
    "username",
    "scenario",
    "sop",
    "mode",
    "exam_id",
    "seed",
    "persona",
    "score",
    "passed",
    "state",
    "started_at",
    "submitted_at",
    "duration_s",
)


def _aware(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def submitted(
    conn: Connection, user_id: int | None = None, sop: str | None = None, with_items: bool = False
) -> list[dict[str, Any]]:
    """Ended episodes (submitted, or exam attempts closed at the deadline with score 0), oldest
    first (one user's, or everyone's)."""
    query = (
        select(EPISODES, USERS.c.username)
        .join(USERS, USERS.c.id == EPISODES.c.user_id)
        .where(EPISODES.c.state.in_(ENDED))
        .order_by(EPISODES.c.submitted_at)
    )
    if user_id is not None:
        query = query.where(EPISODES.c.user_id == user_id)
    if sop:
        query = query.where(EPISODES.c.sop == sop)
    rows = []
    for r in conn.execute(query).mappings():
        started, ended = _aware(r["created_at"]), _aware(r["submitted_at"])
        row = {
            "episode": r["id"],
            "username": r["username"],
            "scenario": r["scenario_id"],
            "sop": r["sop"],
            "mode": r["mode"],
            "exam_id": r["exam_id"],
            "seed": r["seed"],
            "persona": r["persona"],
            "score": r["score"],
            "passed": bool(r["passed"]),
            "state": r["state"],
            "deadline": deadline.isoformat() if (deadline := _aware(r["deadline"])) else None,
            "started_at": started.isoformat() if started else None,
            "submitted_at": ended.isoformat() if ended else None,
            "duration_s": round((ended - started).total_seconds(), 1)
            if started and ended
            else None,
        }
        if with_items:
            row["items"] = (r["report"] or {}).get("items", [])
        rows.append(row)
    return rows


def to_csv(rows: list[dict[str, Any]]) -> str:
    """Results as CSV with a header row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def to_xapi(rows: list[dict[str, Any]], homepage: str) -> list[dict[str, Any]]:
    """One xAPI statement per result: actor, verb passed/failed, scenario, score, duration."""
    statements = []
    for r in rows:
        verb = "passed" if r["passed"] else "failed"
        duration = f"PT{r['duration_s'] or 0:.0f}S"
        statements.append(
            {
                "actor": {
                    "objectType": "Agent",
                    "name": r["username"],
                    "account": {"homePage": homepage, "name": r["username"]},
                },
                "verb": {
                    "id": f"http://adlnet.gov/expapi/verbs/{verb}",
                    "display": {"en-US": verb},
                },
                "object": {
                    "objectType": "Activity",
                    "id": f"{homepage}/scenarios/{r['scenario']}",
                    "definition": {
                        "name": {"en-US": r["scenario"]},
                        "type": "http://adlnet.gov/expapi/activities/simulation",
                        "extensions": {f"{homepage}/sop": r["sop"]},
                    },
                },
                "result": {
                    "score": {
                        "scaled": round((r["score"] or 0) / 100, 4),
                        "raw": r["score"],
                        "min": 0,
                        "max": 100,
                    },
                    "success": r["passed"],
                    "completion": True,
                    "duration": duration,
                },
                "timestamp": r["submitted_at"],
                "context": {
                    "registration_hint": r["episode"],
                    "extensions": {f"{homepage}/mode": r["mode"], f"{homepage}/seed": r["seed"]},
                },
            }
        )
    return statements


def cohort(conn: Connection, sop: str | None = None) -> dict[str, Any]:
    """Attempts, pass rate per SOP, time on task, per-trainee table, item analysis."""
    rows = submitted(conn, sop=sop, with_items=True)
    per_sop: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"attempts": 0, "passed": 0, "seconds": []}
    )
    per_user: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"attempts": 0, "passed": 0, "scores": []}
    )
    for r in rows:
        s, u = per_sop[r["sop"]], per_user[r["username"]]
        s["attempts"] += 1
        s["passed"] += int(r["passed"])
        if r["duration_s"] is not None:
            s["seconds"].append(r["duration_s"])
        u["attempts"] += 1
        u["passed"] += int(r["passed"])
        u["scores"].append(r["score"] or 0)
    return {
        "attempts": len(rows),
        "pass_rate": round(sum(r["passed"] for r in rows) / len(rows), 4) if rows else 0.0,
        "by_sop": {
            k: {
                "attempts": v["attempts"],
                "passed": v["passed"],
                "pass_rate": round(v["passed"] / v["attempts"], 4),
                "median_seconds": _median(v["seconds"]),
            }
            for k, v in sorted(per_sop.items())
        },
        "trainees": [
            {
                "username": k,
                "attempts": v["attempts"],
                "passed": v["passed"],
                "mean_score": round(sum(v["scores"]) / len(v["scores"]), 1),
            }
            for k, v in sorted(per_user.items())
        ],
        "items": item_analysis(rows),
        "episodes": [{k: r[k] for k in COLUMNS} for r in rows],
    }


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else round((ordered[mid - 1] + ordered[mid]) / 2, 1)


def item_analysis(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per SOP step: facility (share done right) and discrimination (upper-lower 27% index)."""
    ranked = sorted(rows, key=lambda r: r["score"] or 0)
    n = max(1, round(len(ranked) * 0.27))
    lower = {r["episode"] for r in ranked[:n]}
    upper = {r["episode"] for r in ranked[-n:]}
    stats: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        for item in r.get("items", []):
            if item["status"] == "extra":
                continue
            key = (r["sop"], item["id"])
            s = stats.setdefault(
                key,
                {
                    "sop": r["sop"],
                    "item": item["id"],
                    "kind": item["kind"],
                    "sop_ref": item.get("sop_ref"),
                    "n": 0,
                    "ok": 0,
                    "up": [0, 0],
                    "low": [0, 0],
                },
            )
            ok = item["status"] == "ok"
            s["n"] += 1
            s["ok"] += int(ok)
            for group, name in ((upper, "up"), (lower, "low")):
                if r["episode"] in group:
                    s[name][0] += int(ok)
                    s[name][1] += 1
    result = []
    for s in stats.values():
        p_up = s["up"][0] / s["up"][1] if s["up"][1] else 0.0
        p_low = s["low"][0] / s["low"][1] if s["low"][1] else 0.0
        result.append(
            {
                "sop": s["sop"],
                "item": s["item"],
                "kind": s["kind"],
                "sop_ref": s["sop_ref"],
                "attempts": s["n"],
                "facility": round(s["ok"] / s["n"], 4),
                "discrimination": round(p_up - p_low, 4),
            }
        )
    return sorted(result, key=lambda x: (x["sop"], x["facility"], x["item"]))
