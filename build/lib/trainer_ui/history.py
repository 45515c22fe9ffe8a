"""The trainee's own history: a score-over-time chart and the list of attempts."""

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from trainer_ui import actions
from trainer_ui.i18n import t
from trainer_ui.views import score_points


def score_chart(results: list[dict[str, Any]]) -> alt.Chart | None:
    """Score over time, one colour per SOP, the pass line at 70 (None without scores)."""
    points = score_points(results)
    if not points:
        return None
    frame = pd.DataFrame(points)
    frame["submitted_at"] = pd.to_datetime(frame["submitted_at"])
    line = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("submitted_at:T", title=t("when")),
            y=alt.Y("score:Q", title=t("score"), scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("sop:N", title="SOP"),
            tooltip=["scenario", "score", "passed", "submitted_at"],
        )
    )
    rule = alt.Chart(pd.DataFrame({"y": [70]})).mark_rule(strokeDash=[4, 4]).encode(y="y:Q")
    return line + rule


def render(results: list[dict[str, Any]]) -> None:
    """Chart, then one row per attempt with a button to its result."""
    st.subheader(t("my_history"))
    if not results:
        st.caption(t("no_history"))
        return
    chart = score_chart(results)
    if chart is not None:
        st.altair_chart(chart, key="home_score_chart")
    for row in reversed(results[-20:]):
        score = "—" if row.get("score") is None else f"{row['score']}"
        verdict = "" if row.get("passed") is None else ("✅" if row["passed"] else "❌")
        cols = st.columns([4, 1, 1, 1])
        cols[0].write(f"{row['scenario']} · {row['sop']} · {str(row['submitted_at'])[:16]}")
        cols[1].write(f"{score} {verdict}")
        cols[2].write(t("mode_exam") if row.get("mode") == "exam" else t("mode_practice"))
        if row.get("score") is not None:
            cols[3].button(
                t("see_result"),
                key=f"home_review_{row['episode']}",
                on_click=actions.review,
                args=(row["episode"],),
            )
