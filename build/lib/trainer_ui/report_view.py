"""Drawing a graded attempt: score, pass/fail, report items with SOP lines, expected vs own path."""

from typing import Any

import pandas as pd
import streamlit as st

from trainer_ui.i18n import current_language, t
from trainer_ui.views import expected_rows, report_rows, timeline_rows


def with_passages(
    items: list[dict[str, Any]], passages: dict[str, str], lang: str
) -> list[dict[str, Any]]:
    """Items with their SOP line's text and the message in the shell's language."""
    result = []
    for item in items:
        message = item.get("pesan") if lang == "id" and item.get("pesan") else item.get("message")
        ref = item.get("sop_ref") or ""
        result.append({**item, "message": message, "sop_text": passages.get(ref, "")})
    return result


def score_block(report: dict[str, Any]) -> None:
    """Score and verdict."""
    left, right = st.columns(2)
    left.metric(t("score"), f"{report['score']} / 100")
    right.metric(t("verdict"), t("passed") if report["passed"] else t("failed"))


def items_block(report: dict[str, Any], passages: dict[str, str]) -> None:
    """Every report item with its SOP line and message."""
    st.subheader(t("report_items"))
    items = with_passages(report.get("items", []), passages, current_language())
    st.dataframe(pd.DataFrame(report_rows(items)), hide_index=True)


def paths_block(report: dict[str, Any], timeline: list[dict[str, Any]]) -> None:
    """The expected path beside the trainee's own timeline, then the expected outcome."""
    left, right = st.columns(2)
    with left:
        st.subheader(t("expected_path"))
        rows = expected_rows(report.get("expected_steps"))
        if rows:
            st.dataframe(pd.DataFrame(rows), hide_index=True)
        expected = report.get("expected") or {}
        if expected:
            st.json(expected, expanded=False)
    with right:
        st.subheader(t("own_timeline"))
        rows = timeline_rows(timeline)
        if rows:
            st.dataframe(pd.DataFrame(rows), hide_index=True)
        else:
            st.caption(t("empty_timeline"))
