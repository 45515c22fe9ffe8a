"""Trainer: author a case — form and YAML editor side by side, live validation, preview, save."""

import streamlit as st

from trainer_ui import api, authoring_form
from trainer_ui import authoring_view as view
from trainer_ui.i18n import t
from trainer_ui.shell import fetch, require_role

login = require_role("trainer")
st.title(t("page_authoring"))
if view.YAML not in st.session_state:
    st.session_state[view.YAML] = authoring_form.STARTER
    view.fill_form(authoring_form.STARTER)


def _load(case_id: str) -> None:
    found = fetch(api.case_file, login.token, case_id)
    if found:
        st.session_state[view.YAML] = found["yaml"]
        view.fill_form(found["yaml"])


cases = fetch(api.scenarios, login.token) or []
coverage = fetch(api.coverage, login.token) or {"sops": []}
branches = {s["sop"]: [b["id"] for b in s["branches"]] for s in coverage["sops"]}
with st.expander(t("load_case")):
    picked = st.selectbox(t("case"), [c["id"] for c in cases], key="auth_load_pick", index=None)
    st.button(t("load"), key="auth_load_btn", disabled=not picked, on_click=_load, args=(picked,))

result = view.live_check(login.token)
problems = result["problems"] if result else []
left, right = st.columns(2)
with left:
    st.subheader(t("form"))
    view.form(problems, list(branches), branches)
with right:
    st.subheader("YAML")
    view.editor(result)
st.divider()
view.preview(login.token)
st.divider()
view.save(login.token, bool(result and result["valid"]))
