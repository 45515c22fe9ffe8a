"""Trainer: cohort dashboard — attempts, pass rates, time on task, trainees, item analysis."""

import streamlit as st

from trainer_ui import actions, api, cohort_view
from trainer_ui.i18n import t
from trainer_ui.shell import STAFF, fetch, require_role

actions.follow_goto()
login = require_role(*STAFF)
st.title(t("page_cohort"))
cases = fetch(api.scenarios, login.token) or []
sops = sorted({c["sop"] for c in cases})
sop = st.selectbox("SOP", ["", *sops], key="cohort_sop", format_func=lambda s: s or t("all"))
data = fetch(api.cohort, login.token, sop or None)
if data is None:
    st.stop()
cohort_view.headline(data)
cohort_view.per_sop(data)
cohort_view.trainees(data)
cohort_view.items(data)
cohort_view.exports(login.token)
