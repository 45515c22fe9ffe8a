"""Charts and tables of the cohort dashboard (drawn from GET /api/results/cohort)."""

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from trainer_ui import actions, api
from trainer_ui.i18n import t
from trainer_ui.shell import fetch
from trainer_ui.views import clock, item_analysis_rows, label_of, sop_rows

EXPORT = "cohort_exports"


def headline(data: dict[str, Any]) -> None:
    """Attempts, overall pass rate, median time on task."""
    times = [e["duration_s"] for e in data.get("episodes", []) if e.get("duration_s")]
    median = sorted(times)[len(times) // 2] if times else None
    cols = st.columns(3)
    cols[0].metric(t("attempts"), data.get("attempts", 0))
    cols[1].metric(t("pass_rate"), f"{data.get('pass_rate', 0.0) * 100:.0f}%")
    cols[2].metric(t("time_on_task"), clock(int(median)) if median else "—")


def per_sop(data: dict[str, Any]) -> None:
    """Pass rate per SOP as bars, and the table with time on task."""
    rows = sop_rows(data.get("by_sop", {}))
    if not rows:
        return
    st.subheader(t("pass_rate_per_sop"))
    frame = pd.DataFrame(rows)
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("sop:N", title="SOP"),
            y=alt.Y(
                "pass_rate:Q",
                title=t("pass_rate"),
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            tooltip=["sop", "attempts", "passed", "pass_rate", "median_minutes"],
        )
    )
    st.altair_chart(chart, key="cohort_sop_chart")
    st.dataframe(frame, hide_index=True)


def trainees(data: dict[str, Any]) -> None:
    """Per-trainee table and a drill-down into any attempt's timeline and report."""
    st.subheader(t("trainees"))
    people = data.get("trainees", [])
    if not people:
        st.caption(t("no_results"))
        return
    st.dataframe(pd.DataFrame(people), hide_index=True)
    names = [p["username"] for p in people]
    who = st.selectbox(t("trainee"), names, key="cohort_trainee")
    episodes = [e for e in data.get("episodes", []) if e["username"] == who]
    labels = {
        e["episode"]: f"{e['submitted_at'][:19].replace('T', ' ')} · {e['scenario']} · "
        f"{e['score']} · {e['episode'][:6]}"
        for e in reversed(episodes)
    }
    picked = st.selectbox(
        t("attempt"), list(labels), format_func=label_of(labels), key="cohort_episode"
    )
    if picked:
        st.button(t("open_attempt"), key="cohort_open", on_click=actions.review, args=(picked,))


def items(data: dict[str, Any]) -> None:
    """Item analysis per SOP step: facility and discrimination, chart and table."""
    rows = item_analysis_rows(data.get("items", []))
    st.subheader(t("item_analysis"))
    st.caption(t("item_analysis_help"))
    if not rows:
        st.caption(t("no_results"))
        return
    frame = pd.DataFrame(rows)
    chart = (
        alt.Chart(frame)
        .mark_circle(size=90)
        .encode(
            x=alt.X("facility:Q", title=t("facility"), scale=alt.Scale(domain=[0, 1])),
            y=alt.Y("discrimination:Q", title=t("discrimination"), scale=alt.Scale(domain=[-1, 1])),
            color=alt.Color("sop:N"),
            tooltip=["sop", "item", "kind", "sop_ref", "attempts", "facility", "discrimination"],
        )
    )
    st.altair_chart(chart, key="cohort_items_chart")
    st.dataframe(frame, hide_index=True)


def exports(token: str) -> None:
    """Prepare, then download, the results as CSV and as xAPI statements."""
    st.subheader(t("export"))
    if st.button(t("prepare_export"), key="cohort_prepare_export"):
        csv = fetch(api.results_export, token, "csv")
        xapi = fetch(api.results_export, token, "xapi")
        if csv is not None and xapi is not None:
            st.session_state[EXPORT] = {"csv": csv, "xapi": xapi}
    ready = st.session_state.get(EXPORT)
    if ready:
        left, right = st.columns(2)
        left.download_button(
            "CSV",
            ready["csv"],
            file_name="gladi-results.csv",
            mime="text/csv",
            key="cohort_dl_csv",
            on_click="ignore",
        )
        right.download_button(
            "xAPI (JSON)",
            ready["xapi"],
            file_name="gladi-xapi.json",
            mime="application/json",
            key="cohort_dl_xapi",
            on_click="ignore",
        )
