"""What every page shares: the sidebar (language, user, sign out), role checks, error messages."""

import contextlib
from typing import Any, NoReturn

import streamlit as st

from trainer_ui import api, ui_state
from trainer_ui.i18n import LANG_KEY, LANGUAGES, t
from trainer_ui.transport import ApiError

STAFF = ("trainer", "assessor")


def sidebar() -> None:
    """Language switch, who is signed in, and the sign-out button."""
    with st.sidebar:
        st.selectbox(
            "Bahasa / Language",
            list(LANGUAGES),
            format_func=LANGUAGES.__getitem__,
            key=LANG_KEY,
        )
        login = ui_state.login_of(st.session_state)
        if login is not None:
            st.caption(t("signed_in_as", user=login.username, role=t(f"role_{login.role}")))
            st.button(t("sign_out"), key="sign_out", on_click=_sign_out)


def _sign_out() -> None:
    login = ui_state.login_of(st.session_state)
    if login is not None:
        with contextlib.suppress(ApiError):  # the session is forgotten here either way
            api.logout(login.token)
    ui_state.sign_out(st.session_state)
    st.query_params.clear()


def error_text(error: ApiError | dict[str, Any]) -> str:
    """One plain sentence for an error: services down/slow, or the API's message and field."""
    info = error.as_dict() if isinstance(error, ApiError) else error
    if info.get("kind") == "down":
        return t("services_down")
    if info.get("kind") == "slow":
        return t("services_slow")
    if info.get("status") == 401 and info.get("field") == "Authorization":
        return t("session_expired")
    text = str(info.get("message", ""))
    if info.get("field") and info["field"] not in text:
        text = f"{info['field']}: {text}"
    if info.get("expected"):
        text += f" — {t('expected')}: {info['expected']}"
    return text


def show_error(error: ApiError | dict[str, Any]) -> None:
    """Show an error in place (a warning when the services did not answer)."""
    info = error.as_dict() if isinstance(error, ApiError) else error
    if info.get("kind") in ("down", "slow"):
        st.warning(error_text(info), icon="🔌")
    else:
        st.error(error_text(info))


def require_login() -> api.Login:
    """The signed-in user, or a message and stop."""
    login = ui_state.login_of(st.session_state)
    if login is None:
        st.info(t("please_sign_in"))
        st.stop()
    return login


def require_role(*roles: str) -> api.Login:
    """The signed-in user if their role is one of `roles`; otherwise a refusal and stop."""
    login = require_login()
    if login.role not in roles:
        refuse()
    return login


def refuse() -> NoReturn:
    """Stop the page: this role may not see it."""
    st.error(t("not_allowed"))
    st.stop()


def fetch(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Call an API function; on ApiError show it and return None (the page goes on)."""
    try:
        return fn(*args, **kwargs)
    except ApiError as exc:
        show_error(exc)
        return None
