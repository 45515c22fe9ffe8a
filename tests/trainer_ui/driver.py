"""Drive the attempt page like a trainee who follows an answer key, through AppTest widgets.

Each key step (lookup, question, ticket) becomes what a person does on the page: pick the tool
menu, type the identifiers into the boxes, press the screen's button. Nothing calls the API
behind the page's back, so the trace holds exactly what the UI sent.
"""

import re
from collections.abc import Callable
from typing import Any

from streamlit.testing.v1 import AppTest

from gladi.catalog import BY_NAME

P = "att_"


def path_values(op_name: str, path: str) -> dict[str, str]:
    """The path parameters of a concrete request path ({'msisdn': '0812...'})."""
    template = BY_NAME[op_name].path
    pattern = "^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template) + "$"
    found = re.match(pattern, path)
    return found.groupdict() if found else {}


def typed(at: AppTest, key: str, value: Any) -> None:
    """Type into a text box (or area) by key."""
    key = P + key
    boxes = [w for w in at.text_input if w.key == key] or [w for w in at.text_area if w.key == key]
    boxes[0].input("" if value is None else str(value))


def click(at: AppTest, key: str) -> None:
    """Press a button by key and rerun."""
    at.button(key=P + key).click().run()


def choose(at: AppTest, widget: str, key: str, value: Any) -> None:
    """Set a select box or radio by key and rerun (new widgets may appear)."""
    getattr(at, widget)(key=P + key).set_value(value).run()


def _dsc(at: AppTest, op: str, path: dict[str, str], params: dict[str, Any], _json: Any) -> None:
    choose(at, "radio", "dsc_menu", "Subscriber")
    typed(at, "dsc_msisdn", path["msisdn"])
    typed(at, "dsc_from", params.get("from", ""))
    typed(at, "dsc_to", params.get("to", ""))
    click(at, f"dsc_{op.split('.')[-1]}_btn")


def _gol(at: AppTest, op: str, path: dict[str, str], params: dict[str, Any], _json: Any) -> None:
    choose(at, "radio", "dsc_menu", "GraPARI Online")
    if op == "dsc.gol_search":
        typed(at, "gol_email", params.get("email"))
        typed(at, "gol_from", params.get("from", ""))
        typed(at, "gol_to", params.get("to", ""))
        click(at, "gol_search_btn")
        return
    typed(at, "gol_order_id", path["order_id"])
    click(at, "gol_order_btn" if op == "dsc.gol_order" else "gol_resume_btn")


def _ncx(at: AppTest, op: str, path: dict[str, str], params: dict[str, Any], _json: Any) -> None:
    asset = op.startswith("ncx.asset")
    choose(at, "radio", "ncx_menu", "EBIS > Asset" if asset else "EBIS > Sales Order")
    if asset:
        typed(at, "ncx_sid", path.get("sid") or params.get("sid", ""))
        typed(at, "ncx_company", params.get("company", ""))
        typed(at, "ncx_product", params.get("product", ""))
        click(at, "ncx_asset_search_btn" if op == "ncx.asset_search" else "ncx_asset_detail_btn")
        return
    typed(at, "ncx_ao", path.get("ao") or params.get("ao", ""))
    button = {
        "ncx.sales_order_search": "ncx_order_search_btn",
        "ncx.sales_order_detail": "ncx_order_detail_btn",
    }.get(op, "ncx_cabasa_btn")
    click(at, button)


def tos_login(at: AppTest, username: str = "guest", password: str = "telkom") -> None:
    """Log in to TOS if the login form is showing."""
    if any(b.key == P + "tos_login_btn" for b in at.button):
        typed(at, "tos_user", username)
        typed(at, "tos_pw", password)
        click(at, "tos_login_btn")


def _tos(at: AppTest, op: str, _path: dict[str, str], params: dict[str, Any], json: Any) -> None:
    if op == "tos.login":
        tos_login(at, json["username"], json["password"])
        return
    tos_login(at)
    if op == "tos.bill_periods":
        return  # loaded by the login
    choose(at, "selectbox", "tos_period", params["period"])
    typed(at, "tos_account", params["account"])
    click(at, "tos_show_btn" if op == "tos.invoice" else "tos_print_btn")


def _epayment(at: AppTest, _op: str, _path: dict, params: dict[str, Any], _json: Any) -> None:
    typed(at, "ep_nomor", params["nomor"])
    typed(at, "ep_nama", params.get("nama_penanya") or "Budi")
    typed(at, "ep_alamat", params.get("alamat_penanya") or "Jakarta")
    typed(at, "ep_telepon", params.get("telepon_penanya") or "081321123321")
    click(at, "ep_inquiry_btn")


def _indira(at: AppTest, op: str, path: dict[str, str], params: dict[str, Any], _json: Any) -> None:
    menu = {
        "indira.recharges": "Recharge Status",
        "indira.voucher": "Voucher Details",
        "indira.balance_usage": "Penggunaan Pulsa",
    }[op]
    choose(at, "radio", "indira_menu", menu)
    if op == "indira.voucher":
        typed(at, "indira_serial", path["serial"])
        click(at, "indira_voucher_btn")
        return
    typed(at, "indira_msisdn", params["msisdn"])
    typed(at, "indira_from", params.get("from", ""))
    typed(at, "indira_to", params.get("to", ""))
    click(at, f"indira_{op.split('.')[-1]}_btn")


def upoint_login(at: AppTest, body: dict[str, Any] | None = None) -> None:
    """Log in to UPoint (the SOP's monitor account unless `body` says otherwise)."""
    body = body or {"username": "monitor", "password": "monitor123@", "regional": 1, "nama": "x"}
    if any(b.key == P + "up_login_btn" for b in at.button):
        typed(at, "up_user", body["username"])
        typed(at, "up_pw", body["password"])
        typed(at, "up_nama", body.get("nama") or "agent")
        at.selectbox(key=P + "up_login_regional").set_value(int(body.get("regional") or 1))
        click(at, "up_login_btn")


def _upoint(at: AppTest, op: str, _path: dict, params: dict[str, Any], json: Any) -> None:
    if op == "upoint.login":
        upoint_login(at, json)
        return
    upoint_login(at)
    menu = "Subscriptions" if "subscriptions" in op else "Transactions Data"
    choose(at, "radio", "up_menu", menu)
    typed(at, "up_indihome", params.get("indihome"))
    typed(at, "up_from", params.get("from", ""))
    typed(at, "up_to", params.get("to", ""))
    typed(at, "up_ott", params.get("ott", ""))
    at.selectbox(key=P + "up_regional").set_value(str(params.get("regional") or "all"))
    kind = "export" if op.endswith("_export") else "search"
    click(at, f"up_{menu[:4].lower()}_{kind}_btn")


def ticket_catalog(at: AppTest) -> None:
    """Load the KIP catalog if the form is not showing yet."""
    if any(b.key == P + "tk_catalog_btn" for b in at.button):
        click(at, "tk_catalog_btn")


def _tickets(at: AppTest, op: str, path: dict[str, str], _params: dict, json: Any) -> None:
    ticket_catalog(at)
    if op == "tickets.kip_catalog":
        return
    if op == "tickets.read":
        typed(at, "tk_lookup_id", path["ticket_id"])
        click(at, "tk_lookup_btn")
        return
    choose(at, "selectbox", "tk_kip", json["kip"])
    at.selectbox(key=P + "tk_type").set_value(json["ticket_type"])
    typed(at, "tk_number", json["number"])
    at.selectbox(key=P + "tk_class").set_value(json["customer_class"])
    at.selectbox(key=P + "tk_escalation").set_value(json.get("escalation") or "")
    at.run()
    for field_id, value in (json.get("fields") or {}).items():
        typed(at, "tk_f_" + field_id, value)
    typed(at, "tk_description", json.get("description") or "")
    click(at, "tk_create_btn")


def _support(at: AppTest, op: str, _path: dict, params: dict[str, Any], _json: Any) -> None:
    if op == "outages.by_area":
        typed(at, "out_area", params["area"])
        click(at, "out_search_btn")
    elif op == "am.lookup":
        typed(at, "am_company", params.get("company", ""))
        typed(at, "am_sid", params.get("sid", ""))
        click(at, "am_search_btn")
    else:
        typed(at, "ih_number", params["number"])
        click(at, "ih_search_btn")


Handler = Callable[[AppTest, str, dict[str, str], dict[str, Any], Any], None]
HANDLERS: dict[str, Handler] = {
    "dsc": _dsc,
    "ncx": _ncx,
    "tos": _tos,
    "epayment": _epayment,
    "indira": _indira,
    "upoint": _upoint,
    "tickets": _tickets,
    "outages": _support,
    "am": _support,
    "interactions": _support,
}


def do_step(at: AppTest, step: dict[str, Any]) -> None:
    """Perform one key step on the attempt page."""
    if step["kind"] == "question":
        choose(at, "selectbox", "ask_pick", step["id"].partition(":")[2])
        click(at, "ask_pick_btn")
        return
    request = step["request"]
    op = step.get("operation") or next(
        o.name
        for o in BY_NAME.values()
        if o.method == request["method"] and path_values(o.name, request["path"])
    )
    handler = _gol if op.startswith("dsc.gol") else HANDLERS[BY_NAME[op].tool]
    handler(
        at,
        op,
        path_values(op, request["path"]),
        dict(request.get("params") or {}),
        request.get("json"),
    )


def submit(at: AppTest, body: dict[str, Any]) -> None:
    """Fill in the resolution form and submit it."""
    choose(at, "selectbox", "res_resolution", body["resolution"])
    at.selectbox(key=P + "res_escalation").set_value(body.get("escalation") or "")
    for fact, value in (body.get("facts") or {}).items():
        typed(
            at, f"res_fact_{fact}", "; ".join(map(str, value)) if isinstance(value, list) else value
        )
    typed(at, "res_notes", body.get("notes") or "")
    click(at, "res_submit_btn")
