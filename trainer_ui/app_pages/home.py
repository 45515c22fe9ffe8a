"""Trainee home: assigned exams with deadlines and progress, practice cases, own history."""

from typing import Any

import streamlit as st

from trainer_ui import actions, api, history, ui_state
from trainer_ui.i18n import t
from trainer_ui.plain import plain
from trainer_ui.shell import fetch, require_login, show_error
from trainer_ui.views import group_cases

actions.follow_goto()
login = require_login()
st.title(t("home_title", user=login.username))
if st.session_state.get(ui_state.FLASH):
    show_error(st.session_state.pop(ui_state.FLASH))


def exam_block(exam: dict[str, Any], titles: dict[str, str]) -> None:
    """One assigned exam: deadline, progress and a start button per case not yet taken."""
    done = set(exam.get("done", []))
    total = len(exam["scenarios"])
    deadline = exam["deadline"][:16].replace("T", " ")
    st.markdown(f"**{plain(exam['title'])}** · {t('deadline')}: {deadline}")
    st.progress(
        len(done) / total if total else 0.0, text=t("progress", done=len(done), total=total)
    )
    if exam.get("finished"):
        st.caption(t("exam_finished"))
        return
    labels = exam.get("labels") or {}
    for case_id in exam["scenarios"]:
        label = labels.get(case_id) or titles.get(case_id, case_id)
        if case_id in done:
            st.caption(f"✔ {label}")
        else:
            st.button(
                f"▶ {label}",
                key=f"home_exam_{exam['id']}_{case_id}",
                on_click=actions.start,
                args=(case_id, exam["id"]),
            )


cases = fetch(api.scenarios, login.token) or []
titles = {c["id"]: c["title"] for c in cases}
exams = fetch(api.exams, login.token) if login.role == "trainee" else []
if exams:
    st.subheader(t("my_exams"))
    for exam in exams:
        exam_block(exam, titles)

st.subheader(t("practice_cases"))
for sop, levels in group_cases(cases).items():
    with st.expander(sop, expanded=True):
        for level, group in levels.items():
            st.caption(f"{t('difficulty')}: {level}")
            for case in group:
                st.button(
                    f"▶ {case['title']} ({case['channel']})",
                    key=f"home_start_{case['id']}",
                    on_click=actions.start,
                    args=(case["id"],),
                )

results = fetch(api.my_results, login.token)
if results is not None:
    history.render(results)
