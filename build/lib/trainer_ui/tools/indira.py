"""Indira tab: Recharge Status, Voucher Details (servo status) and Penggunaan Pulsa."""

import streamlit as st

from trainer_ui.tools.common import P, button, call, field, show_screen, value

MENU = ("Recharge Status", "Voucher Details", "Penggunaan Pulsa")


def render() -> None:
    """The three Indira screens."""
    menu = st.radio(
        "Menu Indira", MENU, key=P + "indira_menu", horizontal=True, persist_state="session"
    )
    if menu == "Voucher Details":
        field("Serial Number voucher", "indira_serial", placeholder="02" + "0" * 23)
        button("Cari", "indira_voucher_btn", _voucher)
        show_screen("indira.voucher")
        return
    op_name = "indira.recharges" if menu == "Recharge Status" else "indira.balance_usage"
    field("MSISDN", "indira_msisdn", placeholder="081321123321")
    left, right = st.columns(2)
    with left:
        field("Dari (YYYY-MM-DD)", "indira_from")
    with right:
        field("Sampai (YYYY-MM-DD)", "indira_to")
    button("Cari", f"indira_{op_name.split('.')[-1]}_btn", _by_msisdn, op_name)
    show_screen(op_name)


def _voucher() -> None:
    call("indira.voucher", "indira.voucher", path_params={"serial": value("indira_serial")})


def _by_msisdn(op_name: str) -> None:
    params = {
        "msisdn": value("indira_msisdn"),
        "from": value("indira_from"),
        "to": value("indira_to"),
    }
    call(op_name, op_name, params=params)
