"""Support tabs: outage notices by area, AM lookup (Instacheck), interaction and ticket history."""

import streamlit as st

from trainer_ui.tools.common import P, button, call, field, show_items, show_screen, value


def render_outages() -> None:
    """Informasi gangguan: notices for a city or regency."""
    field("Area (kota / kabupaten)", "out_area", placeholder="Bandung")
    st.checkbox("Tampilkan juga gangguan yang sudah selesai", key=P + "out_past")
    button("Cari", "out_search_btn", _outages)
    show_screen("outages.by_area")


def _outages() -> None:
    params = {
        "area": value("out_area"),
        "include_past": "true" if value("out_past", False) else None,
    }
    call("outages.by_area", "outages.by_area", params=params)


def render_am() -> None:
    """Cari AM: by company name or SID; the EOS when the AM does not answer."""
    left, right = st.columns(2)
    with left:
        field("Nama Perusahaan", "am_company")
    with right:
        field("SID", "am_sid", placeholder="835221950")
    button("Cari AM", "am_search_btn", _am)
    show_screen("am.lookup")


def _am() -> None:
    call("am.lookup", "am.lookup", params={"company": value("am_company"), "sid": value("am_sid")})


def render_interactions() -> None:
    """History interaksi & tiket of a number (MSISDN, IndiHome, account, SID, order id)."""
    field("Nomor pelanggan", "ih_number", placeholder="081321123321")
    button("Cari", "ih_search_btn", _interactions)
    data = show_screen("interactions.history", items="interactions")
    if data:
        st.markdown("**Tiket**")
        show_items(data.get("tickets"), empty="Tidak ada tiket")


def _interactions() -> None:
    call("interactions.history", "interactions.history", params={"number": value("ih_number")})
