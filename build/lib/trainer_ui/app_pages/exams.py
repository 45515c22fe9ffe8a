"""Trainer: assign a set of cases with a deadline to trainees; see who has finished."""

from datetime import UTC, datetime, time, timedelta

import pandas as pd
import streamlit as st

from gladi.formats import WIB
from trainer_ui import api
from trainer_ui.i18n import t
from trainer_ui.shell import fetch, require_role, show_error
from trainer_ui.transport import ApiError
from trainer_ui.views import label_of

login = require_role("trainer")
st.title(t("page_exams"))
CREATED = "exam_created"


def _create(titles: dict[str, str]) -> None:
    state = st.session_state
    day, at = state.get("exam_day"), state.get("exam_time") or time(17, 0)
    deadline = datetime.combine(day, at, tzinfo=WIB).astimezone(UTC).isoformat() if day else ""
    try:
        made = api.create_exam(
            login.token,
            state.get("exam_title", "").strip(),
            list(state.get("exam_cases") or []),
            deadline,
            list(state.get("exam_trainees") or []),
        )
    except ApiError as exc:
        state[CREATED] = {"error": exc.as_dict()}
        return
    state[CREATED] = {"ok": made}


cases = fetch(api.scenarios, login.token) or []
titles = {c["id"]: f"{c['sop']} · {c['title']}" for c in cases}
people = [u["username"] for u in fetch(api.users, login.token, "trainee") or []]
with st.container(border=True):
    st.subheader(t("new_exam"))
    st.text_input(t("exam_title"), key="exam_title")
    st.multiselect(t("exam_cases"), list(titles), format_func=label_of(titles), key="exam_cases")
    left, right = st.columns(2)
    left.date_input(t("deadline"), value=datetime.now().date() + timedelta(days=7), key="exam_day")
    right.time_input(t("deadline_time"), value=time(17, 0), key="exam_time")
    st.multiselect(t("exam_trainees"), people, key="exam_trainees")
    st.button(t("assign"), key="exam_create", type="primary", on_click=_create, args=(titles,))
    outcome = st.session_state.get(CREATED)
    if outcome and "error" in outcome:
        show_error(outcome["error"])
    elif outcome:
        st.success(t("exam_created", title=outcome["ok"]["title"]))

st.subheader(t("exams"))
exams = fetch(api.exams, login.token) or []
rows = [
    {
        "id": e["id"],
        t("exam_title"): e["title"],
        t("deadline"): e["deadline"][:16],
        t("exam_cases"): ", ".join(e["scenarios"]),
        t("finished"): sum(1 for a in e.get("assignees", []) if a["finished_at"]),
        t("assigned"): len(e.get("assignees", [])),
    }
    for e in exams
]
if rows:
    st.dataframe(pd.DataFrame(rows), hide_index=True)
else:
    st.caption(t("no_exams"))
