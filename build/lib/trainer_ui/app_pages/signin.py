"""Sign-in page: username and password against POST /api/login."""

import streamlit as st

from trainer_ui import actions, api, ui_state
from trainer_ui.i18n import t
from trainer_ui.shell import error_text
from trainer_ui.transport import ApiError

SIGNIN_ERROR = "signin_error"


def _sign_in() -> None:
    """Button callback: log in with what is typed; keep the error to show it."""
    username = st.session_state.get("signin_user", "").strip()
    password = st.session_state.get("signin_password", "")
    if not username or not password:
        st.session_state[SIGNIN_ERROR] = t("fill_user_password")
        return
    try:
        login = api.login(username, password)
    except ApiError as exc:
        wrong = exc.status in (401, 422)
        st.session_state[SIGNIN_ERROR] = t("wrong_credentials") if wrong else error_text(exc)
        return
    st.session_state.pop(SIGNIN_ERROR, None)
    st.session_state.pop("signin_password", None)
    ui_state.sign_in(st.session_state, login)
    actions.resume_from_url(login.token)


st.title(t("signin_title"))
st.caption(t("signin_intro"))
st.text_input(t("username"), key="signin_user", persist_state="session")
st.text_input(t("password"), type="password", key="signin_password")
st.button(t("sign_in"), key="signin_submit", type="primary", on_click=_sign_in)
if st.session_state.get(SIGNIN_ERROR):
    st.error(st.session_state[SIGNIN_ERROR])
