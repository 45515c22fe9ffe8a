"""Ticket desk tab: the KIP picker with that KIP's mandatory fields, filing and reading tickets."""

from typing import Any

import streamlit as st

from trainer_ui import ui_state
from trainer_ui.tools.common import P, button, call, field, show_screen, value
from trainer_ui.views import label_of

CATALOG_SLOT = "tickets.kip_catalog"
NO_ESCALATION = ""


def render() -> None:
    """Load the KIP catalog, fill in the form, file the ticket; look a ticket up by id."""
    catalog = ui_state.screen_data(st.session_state, CATALOG_SLOT)
    if not catalog:
        button("Kategori KIP", "tk_catalog_btn", _load_catalog)
        show_screen(CATALOG_SLOT)
    else:
        _form(catalog)
    show_screen("tickets.create")
    with st.expander("Lihat tiket"):
        field("No. Tiket", "tk_lookup_id", placeholder="IN123456789")
        button("Lihat", "tk_lookup_btn", _read_ticket)
        show_screen("tickets.read")


def _load_catalog() -> None:
    call(CATALOG_SLOT, CATALOG_SLOT)


def _kip(catalog: dict[str, Any], code: str | None) -> dict[str, Any] | None:
    return next((k for k in catalog.get("items", []) if k["code"] == code), None)


def _kip_changed(catalog: dict[str, Any]) -> None:
    """A new KIP sets the ticket type it files under."""
    kip = _kip(catalog, st.session_state.get(P + "tk_kip"))
    if kip:
        st.session_state[P + "tk_type"] = kip["ticket_type"]


def _form(catalog: dict[str, Any]) -> None:
    kips = {k["code"]: k["label"] for k in catalog.get("items", [])}
    st.selectbox(
        "KIP",
        list(kips),
        format_func=label_of(kips),
        key=P + "tk_kip",
        index=None,
        placeholder="Pilih kategori KIP",
        on_change=_kip_changed,
        args=(catalog,),
    )
    kip = _kip(catalog, st.session_state.get(P + "tk_kip"))
    cols = st.columns(4)
    with cols[0]:
        types = catalog.get("ticket_types", {"IN": "Numbering", "NN": "Non Numbering"})
        st.selectbox(
            "Jenis Tiket", list(types), key=P + "tk_type", format_func=lambda t: f"{t} ({types[t]})"
        )
    with cols[1]:
        field("Nomor", "tk_number", placeholder="MSISDN / SID / Order ID / SN")
    with cols[2]:
        st.selectbox(
            "Class",
            catalog.get("classes", []),
            key=P + "tk_class",
            index=None,
            placeholder="Pilih class",
        )
    with cols[3]:
        codes = [NO_ESCALATION, *(e["code"] for e in catalog.get("escalations", []))]
        st.selectbox(
            "Eskalasi",
            codes,
            key=P + "tk_escalation",
            format_func=lambda c: c or "(tanpa eskalasi)",
        )
    mandatory = _mandatory_fields(kip)
    with st.expander("Field lain (opsional)"):
        for item in catalog.get("all_fields", []):
            if item["id"] not in mandatory:
                field(item["label"], "tk_f_" + item["id"])
    st.text_area("Keterangan", key=P + "tk_description", persist_state="session")
    button("Buat tiket", "tk_create_btn", _create, catalog, type="primary")


def _mandatory_fields(kip: dict[str, Any] | None) -> set[str]:
    if not kip:
        st.caption("Pilih KIP untuk melihat field mandatory-nya.")
        return set()
    st.markdown("**Mandatory**")
    cols = st.columns(2)
    for index, item in enumerate(kip["fields"]):
        with cols[index % 2]:
            field(f"{item['label']} *", "tk_f_" + item["id"])
    return {f["id"] for f in kip["fields"]}


def ticket_body(catalog: dict[str, Any]) -> dict[str, Any]:
    """The POST /support/tickets body from what the form holds now."""
    fields = {}
    for item in catalog.get("all_fields", []):
        typed = value("tk_f_" + item["id"])
        if typed:
            fields[item["id"]] = typed
    body: dict[str, Any] = {
        "ticket_type": value("tk_type") or "IN",
        "kip": value("tk_kip") or "",
        "number": value("tk_number"),
        "customer_class": value("tk_class") or "",
        "fields": fields,
    }
    if value("tk_escalation"):
        body["escalation"] = value("tk_escalation")
    if value("tk_description"):
        body["description"] = value("tk_description")
    return body


def _create(catalog: dict[str, Any]) -> None:
    call("tickets.create", "tickets.create", json=ticket_body(catalog))


def _read_ticket() -> None:
    call("tickets.read", "tickets.read", path_params={"ticket_id": value("tk_lookup_id")})
