"""Every tool tab walks its real menu inside an episode, and every call lands in the trace."""

import httpx
from sqlalchemy import Engine, text
from streamlit.testing.v1 import AppTest

from tests.trainer_ui import driver
from tests.trainer_ui.conftest import sign_in
from tests.trainer_ui.test_ui_attempt import library_cases, start_from_home


def world_ids(engine: Engine) -> dict[str, str]:
    """Real identifiers of the small world, one per kind the tools look up."""
    queries = {
        "sid": "select sid from enterprise_service",
        "ao": "select ao from sales_order",
        "account": "select account_number from invoice "
        "where period = (select max(period) from invoice)",
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
    app: AppTest, account, api_url: str, world_engine: Engine
) -> None:
    ids = world_ids(world_engine)
    username, password = account("trainee")
    sign_in(app, username, password)
    episode = start_from_home(app, library_cases()[0])
    steps = [
        step("ncx.asset_search", "/ncx/ebis/asset", {"sid": ids["sid"]}),
        step("ncx.asset_detail", f"/ncx/ebis/asset/{ids['sid']}"),
        step("ncx.sales_order_search", "/ncx/ebis/sales-order", {"ao": ids["ao"]}),
        step("ncx.sales_order_detail", f"/ncx/ebis/sales-order/{ids['ao']}"),
        step("ncx.sales_order_cabasa", f"/ncx/ebis/sales-order/{ids['ao']}/cabasa"),
        step("epayment.inquiry", "/epayment/inquiry", {"nomor": ids["account"]}),
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
