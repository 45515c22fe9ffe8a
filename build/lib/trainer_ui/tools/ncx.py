"""NCXtools tab: EBIS > Asset (search, Detail) and EBIS > Sales Order (search, Detail, CABASA)."""

import streamlit as st

from trainer_ui.tools.common import (
    P,
    button,
    call,
    field,
    has_screen,
    picker,
    screen_title,
    show_screen,
    value,
)

MENU = ("EBIS > Asset", "EBIS > Sales Order")


def render() -> None:
    """The NCXtools screens, walked like the real menu."""
    menu = st.radio(
        "Menu NCXtools", MENU, key=P + "ncx_menu", horizontal=True, persist_state="session"
    )
    if menu == MENU[0]:
        _asset()
    else:
        _sales_order()


def _search_assets() -> None:
    params = {
        "sid": value("ncx_sid"),
        "company": value("ncx_company"),
        "product": value("ncx_product"),
    }
    call("ncx.asset_search", "ncx.asset_search", params=params)


def _asset_detail() -> None:
    sid = value("ncx_sid")
    call("ncx.asset_detail", "ncx.asset_detail", path_params={"sid": sid})


def _asset() -> None:
    left, mid, right = st.columns(3)
    with left:
        field("SID", "ncx_sid", placeholder="835221950")
    with mid:
        field("Nama Perusahaan", "ncx_company")
    with right:
        field("Produk", "ncx_product", placeholder="ASTINET")
    button("Cari", "ncx_asset_search_btn", _search_assets)
    show_screen("ncx.asset_search")
    picker("Pilih SID dari hasil", "ncx.asset_search", "sid", "ncx_sid")
    button("Detail", "ncx_asset_detail_btn", _asset_detail)
    screen_title("ncx.asset_detail", "EBIS > Asset > Detail")
    show_screen("ncx.asset_detail")


def _search_orders() -> None:
    call("ncx.sales_order_search", "ncx.sales_order_search", params={"ao": value("ncx_ao")})


def _order_detail() -> None:
    ao = value("ncx_ao")
    call("ncx.sales_order_detail", "ncx.sales_order_detail", path_params={"ao": ao})


def _cabasa() -> None:
    ao = value("ncx_ao")
    call("ncx.sales_order_cabasa", "ncx.sales_order_cabasa", path_params={"ao": ao})


def _sales_order() -> None:
    field("AO (Order Number)", "ncx_ao", placeholder="1-234567890")
    button("Cari", "ncx_order_search_btn", _search_orders)
    show_screen("ncx.sales_order_search")
    picker("Pilih AO dari hasil", "ncx.sales_order_search", "ao", "ncx_ao")
    button("Detail", "ncx_order_detail_btn", _order_detail)
    button("CABASA", "ncx_cabasa_btn", _cabasa)
    screen_title("ncx.sales_order_detail", "Sales Order > Detail")
    show_screen("ncx.sales_order_detail")
    if has_screen("ncx.sales_order_cabasa"):
        st.markdown("**Sales Order > Detail > CABASA**")
        show_screen("ncx.sales_order_cabasa")
