"""Attempt page: the customer's chat, the tool workspace, the clock, notes and the resolution."""

import streamlit as st

from trainer_ui import actions, chat, resolve, ui_state
from trainer_ui.i18n import t
from trainer_ui.shell import require_login, show_error
from trainer_ui.tools import workspace

actions.follow_goto()
login = require_login()
attempt = ui_state.attempt_of(st.session_state)
if attempt is None:
    st.info(t("no_attempt"))
    st.page_link("app_pages/home.py", label=t("page_home"), icon="🏠")
    st.stop()

brief = attempt["brief"]
head, timer = st.columns([5, 1])
with head:
    st.title(brief.get("title") or attempt["scenario"])
    mode = t("mode_exam") if attempt["mode"] == "exam" else t("mode_practice")
    st.caption(f"{attempt['sop']} · {t('channel')}: {brief.get('channel', '-')} · {mode}")
with timer:
    chat.running_clock(attempt)

if st.session_state.get(ui_state.FLASH):
    show_error(st.session_state[ui_state.FLASH])
if attempt.get("submitted"):
    st.success(t("submitted_exam") if attempt["mode"] == "exam" else t("submitted"))
    if attempt["mode"] == "practice":
        st.button(
            t("see_result"), key="att_done_review", on_click=actions.review, args=(attempt["id"],)
        )
        st.button(
            t("retry"), key="att_done_retry", on_click=actions.start, args=(attempt["scenario"],)
        )

talk, tools = st.columns([2, 3])
with talk:
    st.subheader(t("conversation"))
    chat.transcript()
    if not attempt.get("submitted"):
        chat.ask_box(attempt)
    st.text_area(t("scratch_notes"), key=ui_state.INPUT_PREFIX + "scratch", persist_state="session")
with tools:
    st.subheader(t("workspace"))
    workspace.render(attempt.get("tools"))

st.divider()
st.subheader(t("resolution_form"))
resolve.render(attempt)
