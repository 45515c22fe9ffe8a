"""Trainer: what the simulated customer did not understand, per SOP question; grow the banks."""

import streamlit as st

from trainer_ui import api, phrasings_view
from trainer_ui.i18n import t
from trainer_ui.shell import fetch, require_role, show_error

login = require_role("trainer")
st.title(t("page_phrasings"))
st.caption(t("phr_help"))
cases = fetch(api.scenarios, login.token) or []
sops = sorted({c["sop"] for c in cases})
if not sops:
    st.stop()
sop = st.selectbox("SOP", sops, key="phr_sop")

with st.form("phr_try_form"):
    trial = st.text_input(t("phr_try"), key="phr_try_text")
    tried = st.form_submit_button(t("phr_try_btn"))
if tried and trial.strip():
    result = fetch(api.try_phrasing, login.token, sop, trial)
    if result is not None:
        st.info(phrasings_view.understood_text(result))

done = st.session_state.pop(phrasings_view.DONE, None)
if done and "error" in done:
    show_error(done["error"])
elif done:
    st.success(done["ok"])

data = fetch(api.phrasing_review, login.token, sop)
if data is None:
    st.stop()
ids = [q["id"] for q in data["questions"]]
for question in data["questions"]:
    waiting = t("phr_pending", n=len(question["pending"]))
    with st.expander(f"{question['id']} · {question['topic']} ({waiting})"):
        st.caption(question["text"])
        phrasings_view.waiting_rows(login.token, sop, question["pending"], ids)
        phrasings_view.added_rows(login.token, question["added"])
st.subheader(t("phr_unmatched"))
phrasings_view.waiting_rows(login.token, sop, data["unmatched"], ids)
