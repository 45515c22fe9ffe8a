"""Every tool tab walks its real menu inside an episode, every call lands in the trace, and no
tab shows more than the tool's screen: no note, warning or field the SOP has the agent find
elsewhere (docs/FIDELITY.md)."""

import ast
from pathlib import Path

import httpx
from sqlalchemy import Engine, text
from streamlit.testing.v1 import AppTest

from tests.mocks import sop_source
from tests.mocks.test_no_coaching import DESK_NAMES, QUOTED_VALUES
from tests.trainer_ui import driver
from tests.trainer_ui.conftest import ROOT, sign_in
from tests.trainer_ui.test_ui_attempt import library_cases, start_from_home
from trainer_ui.tools.workspace import TABS

TOOL_TABS = {label for label, _ in TABS.values()}
GONE = {  # fields that coached, by tab: they must not come back on the screen
    "E-Payment": {"Catatan"},
    "NCXtools": {"Account Manager", "Serial Number", "Perangkat"},
}


def world_ids(engine: Engine) -> dict[str, str]:
    """Real identifiers of the small world, one per kind the tools look up."""
    queries = {
        "sid": "select sid from enterprise_service",
        "ao": "select ao from sales_order",
        "account": "select account_number from invoice "
        "where period = (select max(period) from invoice)",
        # an account with several SIDs: its E-Payment total covers them all (SOP 000:209)
        "multi_account": "select i.account_number from invoice i "
        "where i.period = (select max(period) from invoice) and (select count(*) "
        "from enterprise_service s where s.account_number = i.account_number) > 1",
        "msisdn": "select msisdn from subscriber",
        "serial": "select serial from voucher",
        "indihome": "select indihome_number from ott_subscription",
        "order": "select order_id from gol_order",
        "area": "select area from outage_notice",
    }
    # background rows only: rows an episode made are visible to that episode alone
    queries = {
        k: q + (" and" if " where " in q else " where") + " episode_id is null limit 1"
        for k, q in queries.items()
    }
    queries["multi_account"] = queries["multi_account"].replace(" episode_id", " i.episode_id")
    with engine.connect() as conn:
        return {k: str(conn.execute(text(q)).scalar_one()) for k, q in queries.items()}


def step(op: str, path: str, params: dict | None = None, json: dict | None = None) -> dict:
    """A key-like step the driver can perform."""
    return {
        "kind": "lookup",
        "operation": op,
        "request": {"method": "GET", "path": path, "params": params or {}, "json": json},
    }


def test_tool_tabs_walk_the_menus_and_record(
    app: AppTest, account, api_url: str, world_engine: Engine, shown_id
) -> None:
    ids = world_ids(world_engine)
    username, password = account("trainee")
    sign_in(app, username, password)
    episode = start_from_home(app, shown_id(library_cases()[0]))
    steps = [
        step("ncx.asset_search", "/ncx/ebis/asset", {"sid": ids["sid"]}),
        step("ncx.asset_detail", f"/ncx/ebis/asset/{ids['sid']}"),
        step("ncx.sales_order_search", "/ncx/ebis/sales-order", {"ao": ids["ao"]}),
        step("ncx.sales_order_detail", f"/ncx/ebis/sales-order/{ids['ao']}"),
        step("ncx.sales_order_cabasa", f"/ncx/ebis/sales-order/{ids['ao']}/cabasa"),
        step("epayment.inquiry", "/epayment/inquiry", {"nomor": ids["multi_account"]}),
        step("indira.recharges", "/indira/recharges", {"msisdn": ids["msisdn"]}),
        step("indira.voucher", f"/indira/vouchers/{ids['serial']}"),
        step("indira.balance_usage", "/indira/balance-usage", {"msisdn": ids["msisdn"]}),
        step("dsc.gol_order", f"/dsc/gol/orders/{ids['order']}"),
        step("dsc.gol_resume", f"/dsc/gol/orders/{ids['order']}/resume"),
        step("dsc.upcc", f"/dsc/subscribers/{ids['msisdn']}/upcc"),
        step("am.lookup", "/support/am", {"sid": ids["sid"]}),
        step("outages.by_area", "/support/outages", {"area": ids["area"]}),
        step(
            "upoint.subscriptions",
            "/upoint/softbundling/subscriptions",
            {"indihome": ids["indihome"]},
        ),
        step(
            "upoint.transactions_export",
            "/upoint/softbundling/transactions.csv",
            {"indihome": ids["indihome"]},
        ),
        step("tickets.kip_catalog", "/support/kip"),
    ]
    for one in steps:
        driver.do_step(app, one)
        assert not app.exception, (one, app.exception)
        stored = app.session_state["screens"][one["operation"]]
        assert "ok" in stored, (one, stored)
        if one["operation"] in ("ncx.asset_detail", "epayment.inquiry"):
            assert_tabs_do_not_coach(app)
    # the multi-SID account's header is the figure's (000:194): no line about the total
    header = tab_of(app, "E-Payment").dataframe[0].value
    assert list(header["Field"]) == ["Execution", "Nama", "Produk", "Phone", "Internet"]

    # TOS: login, the only bill period, the invoice and its PDF shown inline and downloadable
    driver.tos_login(app)
    period = app.selectbox(key="att_tos_period").options[0].split(" / ")[0]
    invoice = {"account": ids["account"], "period": period}
    driver.do_step(app, step("tos.invoice", "/tos/x", invoice))
    driver.do_step(app, step("tos.invoice_pdf", "/tos/x.pdf", invoice))
    pdf = app.session_state["screens"]["tos.invoice_pdf"]
    assert "ok" in pdf, (pdf, app.session_state["screens"].get("tos.invoice"))
    assert pdf["ok"].startswith(b"%PDF")
    downloads = {b.key for b in app.get("download_button")}
    assert {"att_tos_pdf_download", "att_upoint_transactions_export_dl"} <= downloads
    assert app.get("bidi_component") or app.get("iframe")  # st.pdf, or the iframe fallback

    assert_tabs_do_not_coach(app)

    # a wrong identifier: the tool's message in place, naming the field
    driver.do_step(app, step("dsc.profile", "/dsc/subscribers/0999"))
    error = app.session_state["screens"]["dsc.profile"]["error"]
    assert error["field"] == "msisdn" and error["expected"]

    token = httpx.post(
        f"{api_url}/api/login", json={"username": username, "password": password}
    ).json()["token"]
    timeline = httpx.get(
        f"{api_url}/api/episodes/{episode}", headers={"Authorization": f"Bearer {token}"}
    ).json()["timeline"]
    recorded = {e["operation"] for e in timeline}
    assert {s["operation"] for s in steps} | {
        "tos.login",
        "tos.bill_periods",
        "tos.invoice",
        "tos.invoice_pdf",
        "upoint.login",
    } <= recorded


def tab_of(app: AppTest, label: str):  # type: ignore[no-untyped-def]
    """The tool tab called `label`."""
    (tab,) = [t for t in app.tabs if t.label == label]
    return tab


def tab_texts(tab) -> list[str]:  # type: ignore[no-untyped-def]
    """What a tab shows: its text elements, expander titles, and every table's cells."""
    found = [e.value for kind in ("markdown", "caption", "info", "warning") for e in tab.get(kind)]
    found += [e.label for e in tab.expander]
    for frame in tab.dataframe:
        table = frame.value
        found += [str(c) for c in table.columns]
        found += [str(cell) for row in table.itertuples(index=False) for cell in row]
    return found


def assert_tabs_do_not_coach(app: AppTest) -> None:
    """No tool tab shows a note box, a field that coached, or a copied SOP note or rule."""
    for tab in app.tabs:
        if tab.label not in TOOL_TABS:
            continue
        assert not tab.info and not tab.warning, (tab.label, [e.value for e in tab.info])
        shown = tab_texts(tab)
        assert not GONE.get(tab.label, set()) & set(shown), tab.label
        for value in shown:
            if value in QUOTED_VALUES:
                continue
            for name in DESK_NAMES if tab.label == "Tiket" else ():
                value = value.replace(name, " ")
            assert not sop_source.copied_prose(value), (tab.label, value)


def test_tool_tabs_write_no_sop_note_of_their_own() -> None:
    """The tabs' own words (captions, labels, placeholders) copy no note or rule of the SOPs."""
    checked = 0
    for path in sorted((ROOT / "trainer_ui" / "tools").glob("*.py")):
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        words = [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ]
        assert not [w for w in words if sop_source.copied_prose(w)], path
        checked += len(words)
    assert checked > 100
