"""Pure helpers that turn API answers into rows, labels and groups for the pages.

Nothing here imports Streamlit, so every function is tested on plain data.
"""

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from gladi.catalog import BY_NAME

DIFFICULTY_ORDER = {1: 1, "easy": 1, 2: 2, "medium": 2, 3: 3, "hard": 3}
STATUS_MARK = {"ok": "✅", "missed": "❌", "wrong": "⚠️", "extra": "➕"}


def label_of(labels: dict[Any, str]) -> Callable[[Any], str]:
    """A select box's format_func showing `labels[value]` (the value itself when unknown)."""
    return lambda value: labels.get(value, str(value))


def clock(seconds: int) -> str:
    """'04:07' or '1:02:03' for a number of seconds."""
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def display_rows(display: dict[str, Any] | None) -> list[dict[str, str]]:
    """A screen's `display` (label -> value) as two-column rows, in screen order."""
    return [{"Field": str(k), "Nilai": str(v)} for k, v in (display or {}).items()]


def item_rows(items: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """The rows of a list screen as the tool shows them (each item's `display`)."""
    rows = []
    for item in items or []:
        shown = item.get("display") if isinstance(item, dict) else None
        rows.append(dict(shown) if shown else _scalars(item))
    return rows


def _scalars(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        return {"": str(item)}
    return {k: v for k, v in item.items() if not isinstance(v, dict | list)}


def choices(entries: list[Any] | None) -> list[tuple[str, str]]:
    """(code, label) pairs from a brief's list of strings or {code, label} objects."""
    result = []
    for entry in entries or []:
        if isinstance(entry, dict):
            code = str(entry.get("code") or entry.get("id") or entry.get("value") or "")
            label = str(entry.get("label") or entry.get("text") or entry.get("title") or code)
        else:
            code = label = str(entry)
        if code:
            result.append((code, label))
    return result


def difficulty_rank(value: Any) -> int:
    """1 (easy) .. 3 (hard); unknown values sort last."""
    return DIFFICULTY_ORDER.get(value, 9)


def group_cases(cases: list[dict[str, Any]]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Cases by SOP, then by difficulty (easy first), titles sorted within a group."""
    by_sop: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(dict)
    ordered = sorted(
        cases,
        key=lambda c: (c.get("sop", ""), difficulty_rank(c.get("difficulty")), c.get("title", "")),
    )
    for case in ordered:
        level = str(case.get("difficulty", "?"))
        by_sop[case.get("sop", "?")].setdefault(level, []).append(case)
    return dict(sorted(by_sop.items()))


def operation_label(name: str | None) -> str:
    """'DSC: Status HLR' for 'dsc.hlr' (the catalog's screen label), else the name."""
    if not name:
        return ""
    op = BY_NAME.get(name)
    return f"{op.tool.upper()}: {op.label}" if op else name


def _compact(params: dict[str, Any] | None) -> str:
    return ", ".join(f"{k}={v}" for k, v in (params or {}).items() if v not in (None, ""))


def event_row(index: int, event: dict[str, Any]) -> dict[str, Any]:
    """One trace event as a timeline row: time, action, details, status."""
    kind = event.get("kind", "")
    params = event.get("params") or {}
    if kind == "ask":
        action, detail = "Tanya pelanggan", str(params.get("question", ""))
    elif kind == "opening":
        action, detail = (
            "Pelanggan membuka percakapan",
            str((event.get("detail") or {}).get("text", "")),
        )
    elif kind in ("hint", "submit"):
        action, detail = kind.capitalize(), _compact(event.get("detail"))
    else:
        action, detail = operation_label(event.get("operation")) or kind, _compact(params)
    at = str(event.get("at", ""))
    return {
        "#": index,
        "Waktu": at[11:19] if len(at) >= 19 else at,
        "Aksi": action,
        "Detail": detail,
        "Status": event.get("status", ""),
    }


def timeline_rows(events: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """The trainee's own path, in order."""
    return [event_row(i, e) for i, e in enumerate(events or [], start=1)]


def expected_rows(steps: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """The answer key's steps as rows: step id, kind, what to do."""
    rows = []
    for i, step in enumerate(steps or [], start=1):
        request = step.get("request") or {}
        if step.get("kind") == "question" and "question" in step:
            what = str(step["question"])
        elif request:
            params = {**(request.get("params") or {}), **(request.get("json") or {})}
            what = f"{request.get('method', '')} {request.get('path', '')} {_compact(params)}"
        else:
            what = ""
        rows.append(
            {
                "#": i,
                "Langkah": step.get("id", ""),
                "Jenis": step.get("kind", ""),
                "Apa": what.strip(),
            }
        )
    return rows


def report_rows(items: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """Report items as rows: mark, item, kind, SOP line, message."""
    return [
        {
            "": STATUS_MARK.get(item.get("status", ""), item.get("status", "")),
            "Item": item.get("id", ""),
            "Jenis": item.get("kind", ""),
            "Status": item.get("status", ""),
            "SOP": item.get("sop_ref") or "",
            "Baris SOP": item.get("sop_text") or item.get("sop_line") or "",
            "Pesan": item.get("message", ""),
        }
        for item in items or []
    ]


def score_points(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Own history as chart points (results whose score is hidden are left out)."""
    return [
        {
            "submitted_at": r["submitted_at"],
            "score": r["score"],
            "scenario": r.get("scenario", ""),
            "sop": r.get("sop", ""),
            "passed": bool(r.get("passed")),
        }
        for r in results
        if r.get("score") is not None and r.get("submitted_at")
    ]


def coverage_rows(coverage: dict[str, Any]) -> list[dict[str, Any]]:
    """GET /api/scenarios/coverage as one row per SOP branch (case count, covered or not)."""
    rows = []
    for sop in coverage.get("sops", []):
        for branch in sop.get("branches", []):
            ids = list(branch.get("cases", []))
            rows.append(
                {
                    "sop": sop["sop"],
                    "branch": branch["id"],
                    "label": branch.get("label", ""),
                    "ref": branch.get("ref") or "",
                    "cases": len(ids),
                    "case_ids": ", ".join(ids),
                    "status": "covered" if ids else "uncovered",
                }
            )
    return rows


def item_analysis_rows(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cohort item analysis as rows, hardest step first (low facility)."""
    return [
        {
            "sop": i["sop"],
            "item": i["item"],
            "kind": i.get("kind", ""),
            "sop_ref": i.get("sop_ref") or "",
            "attempts": i.get("attempts", 0),
            "facility": i.get("facility", 0.0),
            "discrimination": i.get("discrimination", 0.0),
        }
        for i in sorted(items, key=lambda x: (x.get("facility", 0.0), x["sop"], x["item"]))
    ]


def sop_rows(by_sop: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Pass rate and time on task per SOP."""
    return [
        {
            "sop": sop,
            "attempts": v.get("attempts", 0),
            "passed": v.get("passed", 0),
            "pass_rate": v.get("pass_rate", 0.0),
            "median_minutes": round(v["median_seconds"] / 60, 1)
            if v.get("median_seconds") is not None
            else None,
        }
        for sop, v in sorted(by_sop.items())
    ]
