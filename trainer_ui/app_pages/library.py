"""Trainer: the case library and its SOP-branch coverage at a glance."""

import altair as alt
import pandas as pd
import streamlit as st

from trainer_ui import api
from trainer_ui.i18n import t
from trainer_ui.shell import STAFF, fetch, require_role
from trainer_ui.views import coverage_rows, group_cases

login = require_role(*STAFF)
st.title(t("page_library"))
coverage = fetch(api.coverage, login.token)
cases = fetch(api.scenarios, login.token) or []
if coverage is None:
    st.stop()

broken = fetch(api.library_problems, login.token) or {}
if broken.get("problems"):
    st.warning(t("library_problems", count=broken["count"]))
    st.dataframe(pd.DataFrame(broken["problems"]), hide_index=True, key="library_problems")

rows = coverage_rows(coverage)
covered = sum(1 for r in rows if r["cases"])
cols = st.columns(3)
cols[0].metric(t("cases"), len(cases))
cols[1].metric(t("branches_covered"), f"{covered} / {len(rows)}")
cols[2].metric(t("branches_uncovered"), coverage.get("uncovered", len(rows) - covered))
if rows:
    frame = pd.DataFrame(rows)
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("cases:Q", title=t("cases_per_branch")),
            y=alt.Y("branch:N", title=None, sort=None),
            color=alt.Color(
                "status:N",
                title=None,
                scale=alt.Scale(domain=["covered", "uncovered"], range=["#2e7d32", "#c62828"]),
            ),
            row=alt.Row("sop:N", title=None),
            tooltip=["sop", "branch", "label", "cases", "case_ids"],
        )
    )
    st.altair_chart(chart, key="library_coverage_chart")
    st.dataframe(frame[["sop", "branch", "label", "ref", "cases", "case_ids"]], hide_index=True)

st.subheader(t("cases"))
for sop, levels in group_cases(cases).items():
    with st.expander(f"{sop} ({sum(len(g) for g in levels.values())})"):
        table = [
            {
                "id": c["id"],
                "title": c["title"],
                t("difficulty"): c["difficulty"],
                "channel": c["channel"],
                "kind": c.get("kind", "case"),
            }
            for group in levels.values()
            for c in group
        ]
        st.dataframe(pd.DataFrame(table), hide_index=True)
