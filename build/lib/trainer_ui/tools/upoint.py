"""UPoint OTT Dashboard tab: login, then Addon Softbundling > Subscriptions / Transactions Data."""

import streamlit as st

from trainer_ui import ui_state
from trainer_ui.tools.common import P, button, call, field, show_screen, value

MENU = {
    "Subscriptions": ("upoint.subscriptions", "upoint.subscriptions_export"),
    "Transactions Data": ("upoint.transactions", "upoint.transactions_export"),
}
REGIONALS = ("all", "1", "2", "3", "4", "5", "6", "7")


def render() -> None:
    """The login form, or the two Addon Softbundling screens once logged in."""
    if ui_state.tool_session(st.session_state, "upoint") is None:
        _login_form()
        return
    menu = st.radio(
        "Addon Softbundling",
        list(MENU),
        key=P + "up_menu",
        horizontal=True,
        persist_state="session",
    )
    search_op, export_op = MENU[menu]
    _filters()
    cols = st.columns(3)
    with cols[0]:
        button("Search", f"up_{menu[:4].lower()}_search_btn", _run, search_op)
    with cols[1]:
        button("Export Search Result", f"up_{menu[:4].lower()}_export_btn", _export, export_op)
    with cols[2]:
        button("Logout", "up_logout_btn", _logout)
    show_screen(search_op)
    _download(export_op)


def _login() -> None:
    body = {
        "username": value("up_user"),
        "password": st.session_state.get(P + "up_pw", ""),
        "regional": int(value("up_login_regional", 1) or 1),
        "nama": value("up_nama"),
    }
    data = call("upoint.login", "upoint.login", json=body)
    if data:
        ui_state.set_tool_session(st.session_state, "upoint", data.get("tool_session"))


def _logout() -> None:
    ui_state.set_tool_session(st.session_state, "upoint", None)


def _login_form() -> None:
    st.markdown("**UPoint — Login**")
    field("Username", "up_user")
    st.text_input("Password", type="password", key=P + "up_pw")
    field("Nama", "up_nama")
    st.selectbox("Regional", [1, 2, 3, 4, 5, 6, 7], key=P + "up_login_regional")
    button("Login", "up_login_btn", _login)
    show_screen("upoint.login")


def _filters() -> None:
    cols = st.columns(5)
    with cols[0]:
        field("Nomor IndiHome", "up_indihome", placeholder="121517209330")
    with cols[1]:
        field("Dari", "up_from", placeholder="YYYY-MM-DD")
    with cols[2]:
        field("Sampai", "up_to", placeholder="YYYY-MM-DD")
    with cols[3]:
        field("OTT", "up_ott", placeholder="all / 799 - Disney")
    with cols[4]:
        st.selectbox("Regional", REGIONALS, key=P + "up_regional")


def _params() -> dict[str, str]:
    return {
        "indihome": value("up_indihome"),
        "from": value("up_from"),
        "to": value("up_to"),
        "ott": value("up_ott") or "all",
        "regional": value("up_regional") or "all",
    }


def _run(op_name: str) -> None:
    call(op_name, op_name, params=_params(), tool="upoint")


def _export(op_name: str) -> None:
    call(op_name, op_name, params=_params(), tool="upoint", raw=True)


def _download(op_name: str) -> None:
    found = ui_state.screen_of(st.session_state, op_name)
    if not found:
        return
    if "error" in found:
        show_screen(op_name)
        return
    name = op_name.split(".")[-1].removesuffix("_export") + ".csv"
    st.download_button(
        "Download CSV",
        found["ok"],
        file_name=name,
        mime="text/csv",
        key=P + op_name.replace(".", "_") + "_dl",
        on_click="ignore",
    )
