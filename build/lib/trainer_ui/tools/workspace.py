"""The tool workspace of an attempt: one tab per tool, in the order the SOPs use them."""

from collections.abc import Callable

import streamlit as st

from trainer_ui.tools import dsc, epayment, indira, ncx, support, tickets, tos, upoint

TABS: dict[str, tuple[str, Callable[[], None]]] = {
    "ncx": ("NCXtools", ncx.render),
    "tos": ("TOS", tos.render),
    "epayment": ("E-Payment", epayment.render),
    "dsc": ("DSC", dsc.render),
    "indira": ("Indira", indira.render),
    "upoint": ("UPoint", upoint.render),
    "tickets": ("Tiket", tickets.render),
    "outages": ("Info gangguan", support.render_outages),
    "am": ("AM (Instacheck)", support.render_am),
    "interactions": ("Interaksi", support.render_interactions),
}


def render(tools: list[str] | None = None) -> None:
    """Tabs for the episode's tools (every tool when the brief lists none we know)."""
    keys = [k for k in (tools or []) if k in TABS] or list(TABS)
    for tab, key in zip(st.tabs([TABS[k][0] for k in keys]), keys, strict=True):
        with tab:
            TABS[key][1]()
