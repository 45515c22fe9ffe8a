"""Result of one attempt: score, pass/fail, report items, expected path beside own timeline."""

import streamlit as st

from trainer_ui import actions, api, report_view, ui_state
from trainer_ui.i18n import t
from trainer_ui.shell import fetch, require_login, show_error
from trainer_ui.transport import ApiError

actions.follow_goto()
login = require_login()
episode_id = st.session_state.get(ui_state.REVIEW)
st.title(t("page_review"))
if st.session_state.get(ui_state.FLASH):
    show_error(st.session_state.pop(ui_state.FLASH))
if not episode_id:
    st.info(t("no_review"))
    st.stop()

state = fetch(api.episode_state, login.token, episode_id)
if state is None:
    st.stop()
st.caption(f"{state['scenario']} · {state['sop']} · {t('episode')} {episode_id}")
if state["state"] == "open":
    st.info(t("not_submitted"))
    st.stop()
try:
    report = api.episode_report(login.token, episode_id)
except ApiError as exc:
    if exc.status == 403:
        st.info(t("exam_feedback_later"))
    else:
        show_error(exc)
    st.stop()

trace = fetch(api.episode_trace, login.token, episode_id) or {}
passages = ((trace.get("key") or {}).get("grading") or {}).get("passages") or {}
report_view.score_block(report)
report_view.items_block(report, passages)
report_view.paths_block(report, state.get("timeline", []))
if state.get("mode") == "practice" and state.get("user_id") is not None:
    mine = ui_state.attempt_of(st.session_state)
    if login.role == "trainee" or (mine and mine["id"] == episode_id):
        st.button(
            t("retry"),
            key="review_retry",
            type="primary",
            on_click=actions.start,
            args=(state["scenario"],),
        )
