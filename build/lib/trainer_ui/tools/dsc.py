"""DSC tab: subscriber dashboard by MSISDN, and GraPARI Online orders with Resume Order."""

import streamlit as st

from trainer_ui.tools.common import (
    P,
    button,
    call,
    field,
    picker,
    screen_title,
    show_display,
    show_items,
    show_screen,
    value,
)

SCREENS = {
    "dsc.profile": "Profil",
    "dsc.device": "Device",
    "dsc.fa_payments": "FA Payment",
    "dsc.hlr": "Status HLR",
    "dsc.recharges": "Recharge History",
    "dsc.call_details": "Panggilan Detail",
    "dsc.upcc": "UPCC",
    "interactions.history": "History",
}
MENU = ("Subscriber", "GraPARI Online")


def render() -> None:
    """Pick the dashboard (by MSISDN) or the GraPARI Online order lookup."""
    menu = st.radio("Menu DSC", MENU, key=P + "dsc_menu", horizontal=True, persist_state="session")
    if menu == MENU[0]:
        _subscriber()
    else:
        _gol()


def _open(op_name: str) -> None:
    msisdn = value("dsc_msisdn")
    if op_name == "interactions.history":
        call("dsc.history", op_name, params={"number": msisdn})
    elif op_name == "dsc.call_details":
        params = {"from": value("dsc_from"), "to": value("dsc_to")}
        call(op_name, op_name, path_params={"msisdn": msisdn}, params=params)
    else:
        call(op_name, op_name, path_params={"msisdn": msisdn})
    st.session_state[P + "dsc_shown"] = op_name


def _subscriber() -> None:
    field("MSISDN", "dsc_msisdn", placeholder="081321123321")
    cols = st.columns(len(SCREENS))
    for col, (op_name, label) in zip(cols, SCREENS.items(), strict=True):
        with col:
            button(label, f"dsc_{op_name.split('.')[-1]}_btn", _open, op_name)
    with st.expander("Panggilan Detail: periode"):
        left, right = st.columns(2)
        with left:
            field("Dari (YYYY-MM-DD)", "dsc_from")
        with right:
            field("Sampai (YYYY-MM-DD)", "dsc_to")
    shown = st.session_state.get(P + "dsc_shown")
    if shown:
        st.markdown(f"**DSC > {SCREENS[shown]}**")
        slot = "dsc.history" if shown == "interactions.history" else shown
        data = show_screen(slot, items="interactions" if slot == "dsc.history" else "items")
        if data and slot == "dsc.history":
            show_items(data.get("tickets"))


def _gol_search() -> None:
    params = {"email": value("gol_email"), "from": value("gol_from"), "to": value("gol_to")}
    call("dsc.gol_search", "dsc.gol_search", params=params)


def _gol_order(op_name: str) -> None:
    order = value("gol_order_id")
    call(op_name, op_name, path_params={"order_id": order})


def _gol() -> None:
    left, right = st.columns(2)
    with left:
        field("Order ID", "gol_order_id", placeholder="GOL260917767999")
    with right:
        field("Email", "gol_email")
    cols = st.columns(4)
    with cols[0]:
        field("Dari", "gol_from", placeholder="YYYY-MM-DD")
    with cols[1]:
        field("Sampai", "gol_to", placeholder="YYYY-MM-DD")
    button("Cari Order (email)", "gol_search_btn", _gol_search)
    show_screen("dsc.gol_search")
    picker("Pilih Order ID dari hasil", "dsc.gol_search", "order_id", "gol_order_id")
    left, right = st.columns(2)
    with left:
        button("Detail Order", "gol_order_btn", _gol_order, "dsc.gol_order")
    with right:
        button("Resume Order", "gol_resume_btn", _gol_order, "dsc.gol_resume")
    screen_title("dsc.gol_order", "GraPARI Online > Order")
    show_screen("dsc.gol_order")
    screen_title("dsc.gol_resume", "Resume Order")
    resume = show_screen("dsc.gol_resume")
    if resume and isinstance(resume.get("tracking"), dict):
        show_display(resume["tracking"].get("display"))
        if resume.get("actions"):
            st.caption("Action: " + ", ".join(resume["actions"]))
