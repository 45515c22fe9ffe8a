"""TOS tab: login, then TiBS NON POTS > Laporan Billing Process > Print Invoice Billing Test."""

from typing import Any

import pandas as pd
import streamlit as st

from trainer_ui import ui_state
from trainer_ui.tools.common import P, button, call, field, screen_title, show_screen, value
from trainer_ui.tools.pdfview import show_pdf
from trainer_ui.views import item_rows, label_of

MENU = "TiBS NON POTS > Laporan Billing Process > Print Invoice Billing Test"


def render() -> None:
    """The TOS login form, or the invoice screen once logged in."""
    if ui_state.tool_session(st.session_state, "tos") is None:
        _login_form()
    else:
        _invoice_screen()


def _login() -> None:
    body = {"username": value("tos_user"), "password": st.session_state.get(P + "tos_pw", "")}
    data = call("tos.login", "tos.login", json=body)
    if data:
        ui_state.set_tool_session(st.session_state, "tos", data.get("tool_session"))
        call("tos.bill_periods", "tos.bill_periods", tool="tos")


def _logout() -> None:
    ui_state.set_tool_session(st.session_state, "tos", None)


def _login_form() -> None:
    st.markdown("**TOS — Login**")
    field("Username", "tos_user")
    st.text_input("Password", type="password", key=P + "tos_pw")
    button("Login", "tos_login_btn", _login)
    show_screen("tos.login")


def _params() -> dict[str, str]:
    return {"account": value("tos_account"), "period": value("tos_period")}


def _show() -> None:
    call("tos.invoice", "tos.invoice", params=_params(), tool="tos")


def _print() -> None:
    call("tos.invoice_pdf", "tos.invoice_pdf", params=_params(), tool="tos", raw=True)


def _periods() -> list[tuple[str, str]]:
    data = ui_state.screen_data(st.session_state, "tos.bill_periods") or {}
    return [(i["period"], f"{i['period']} / {i.get('label', '')}") for i in data.get("items", [])]


def _invoice_screen() -> None:
    st.caption(MENU)
    periods = _periods()
    left, right = st.columns(2)
    with left:
        labels = dict(periods)
        st.selectbox(
            "Bill Periode", list(labels), format_func=label_of(labels), key=P + "tos_period"
        )
    with right:
        field("Account Number", "tos_account", placeholder="4861675")
    cols = st.columns(3)
    with cols[0]:
        button("Tampilkan", "tos_show_btn", _show)
    with cols[1]:
        button("Print", "tos_print_btn", _print)
    with cols[2]:
        button("Logout", "tos_logout_btn", _logout)
    if not periods:
        show_screen("tos.bill_periods")
    screen_title("tos.invoice", "RINCIAN BIAYA PENGGUNAAN / DETAIL USAGE")
    invoice = show_screen("tos.invoice")
    if invoice:
        _groups(invoice)
    _pdf()


def _groups(invoice: dict[str, Any]) -> None:
    for group in invoice.get("groups", []):
        st.markdown(f"*{group.get('name', '')}*")
        st.dataframe(pd.DataFrame(item_rows(group.get("lines"))), hide_index=True)
        st.caption(" : ".join(list(group.get("display", {}).items())[-1]))


def _pdf() -> None:
    found = ui_state.screen_of(st.session_state, "tos.invoice_pdf")
    if not found:
        return
    if "error" in found:
        show_screen("tos.invoice_pdf")
        return
    name = f"invoice-{value('tos_account')}-{value('tos_period')}.pdf"
    show_pdf(found["ok"], name, key=P + "tos_pdf_download")
