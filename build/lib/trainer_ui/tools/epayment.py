"""E-Payment / I-Payment tab: the inquiry form and bill rows that expand into service lines."""

from typing import Any

import pandas as pd
import streamlit as st

from trainer_ui.tools.common import button, call, field, show_display, show_screen, value
from trainer_ui.views import item_rows


def render() -> None:
    """Inquiry tagihan: number plus the asker's name, address and phone (all required)."""
    st.markdown("**Inquiry tagihan**")
    left, right = st.columns(2)
    with left:
        field("Nomor jastel / Account / IndiHome", "ep_nomor", placeholder="4861675")
        field("Nama penanya", "ep_nama")
    with right:
        field("Alamat penanya", "ep_alamat")
        field("Telepon penanya", "ep_telepon", placeholder="081321123321")
    button("Inquiry", "ep_inquiry_btn", _inquiry)
    data = show_screen("epayment.inquiry", items="-")
    if data:
        _rows(data)


def _inquiry() -> None:
    params = {
        "nomor": value("ep_nomor"),
        "nama_penanya": value("ep_nama"),
        "alamat_penanya": value("ep_alamat"),
        "telepon_penanya": value("ep_telepon"),
    }
    call("epayment.inquiry", "epayment.inquiry", params=params)


def _rows(data: dict[str, Any]) -> None:
    items = data.get("items", [])
    if not items:
        st.caption("Tidak ada tagihan")
        return
    st.dataframe(pd.DataFrame(item_rows(items)), hide_index=True)
    for item in items:
        shown = item.get("display", {})
        title = " | ".join(
            str(shown.get(k, "")) for k in ("Periode", "Jumlah Tagihan", "Status Pembayaran")
        )
        with st.expander(title):
            show_display(shown)
            lines = item_rows(item.get("lines"))
            if lines:
                st.dataframe(pd.DataFrame(lines), hide_index=True)
