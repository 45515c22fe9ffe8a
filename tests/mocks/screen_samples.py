"""Every tool screen of the small world, called the way a trainee calls it.

`collect` calls each operation of the catalog with real identifiers, several of each kind
(every product and NCX status, every brand and DSC status, every GOL order status, used and
unused vouchers, a multi-SID and a single-SID account ...), plus a not-found identifier where
the tool has its own empty view, and returns what each call answered: the JSON body, the CSV
text of an export, or the strings a PDF draws.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from gladi import formats as f
from tests.helpers import episode_headers, make_episode, make_user

PER_KIND = 3
"""Identifiers per variant (product x status, brand x status ...): enough to see each shape."""
TOS_PERIOD = f.previous_period(f.period_of(f.WORLD_NOW))
NN_TICKET = {
    "ticket_type": "NN",
    "kip": "nn-imes-seat-management",
    "number": "SN-8812-XA",
    "customer_class": "Enterprise",
    "fields": {
        "serial_number": "SN-8812-XA",
        "company": "PT Contoh Makmur",
        "product": "IMES Seat Management",
        "address": "Jl. Sudirman 1, Jakarta",
        "pic": "Rina 081321123321",
    },
}


@dataclass(frozen=True)
class Answer:
    """One call and what it answered."""

    operation: str
    request: str
    status: int
    body: Any


def _spread(engine: Engine, sql: str, per: int = PER_KIND) -> list[str]:
    """The first column's values, at most `per` for each value of the other columns."""
    seen: dict[tuple[Any, ...], int] = {}
    picked = []
    with engine.connect() as conn:
        for row in conn.execute(text(sql)):
            variant = tuple(row[1:])
            if seen.get(variant, 0) < per:
                seen[variant] = seen.get(variant, 0) + 1
                picked.append(str(row[0]))
    return picked


def world_ids(engine: Engine) -> dict[str, list[str]]:
    """Identifiers of the background world, spread over the variants each screen shows."""
    bg = "episode_id is null"
    return {
        "sid": _spread(engine, f"select sid, product, ncx_status from enterprise_service "
                               f"where {bg} order by sid"),
        "company": _spread(engine, f"select company, 1 from enterprise_account where {bg} "
                                   "order by id", per=2),
        "ao": _spread(engine, f"select ao, order_type from sales_order where {bg} order by ao"),
        "account": _spread(
            engine,
            "select i.account_number, (select count(*) from enterprise_service s "
            "where s.account_number = i.account_number) > 1 from invoice i "
            f"where i.{bg} and i.period = '{TOS_PERIOD}' order by i.account_number",
        ),
        "indihome": _spread(engine, f"select indihome_number, status from ott_subscription "
                                    f"where {bg} order by indihome_number"),
        "pots": _spread(engine, f"select pots_phone, 1 from indihome_customer where {bg} "
                                "order by id", per=2),
        "msisdn": _spread(engine, f"select msisdn, brand, dsc_status from subscriber "
                                  f"where {bg} order by msisdn", per=1),
        "serial": _spread(engine, f"select serial, servo_status from voucher where {bg} "
                                  "order by serial"),
        "order": _spread(engine, f"select order_id, status from gol_order where {bg} "
                                 "order by order_id", per=1),
        "email": _spread(engine, f"select email, 1 from gol_order where {bg} order by id", per=2),
        "ticket": _spread(engine, f"select ticket_id, status from ticket where {bg} "
                                  "order by ticket_id", per=1),
        "area": _spread(engine, f"select area, 1 from outage_notice where {bg} order by id"),
        "number": _spread(engine, f"select number, 1 from interaction where {bg} "
                                  "order by id", per=4),
    }


def pdf_strings(data: bytes) -> str:
    """The text an uncompressed fpdf2 PDF draws (its `(...) Tj` operands), one per line."""
    drawn = re.findall(rb"\((.*?)\) ?Tj", data)
    return "\n".join(s.decode("latin-1").replace("\\(", "(").replace("\\)", ")") for s in drawn)


def _answer(operation: str, request: str, response: Any) -> Answer:
    kind = response.headers.get("content-type", "")
    if kind.startswith("application/pdf"):
        body: Any = pdf_strings(response.content)
    elif kind.startswith("text/csv"):
        body = response.text
    else:
        body = response.json()
    return Answer(operation, request, response.status_code, body)


def _sessions(client: TestClient) -> tuple[dict[str, str], dict[str, str], list[Answer]]:
    tos = client.post("/tos/login", json={"username": "guest", "password": "telkom"})
    login = {"username": "monitor", "password": "monitor123@", "regional": 3, "nama": "Budi"}
    upoint = client.post("/upoint/login", json=login)
    answers = [_answer("tos.login", "guest", tos), _answer("upoint.login", "monitor", upoint)]
    return (
        {"X-Tool-Session": tos.json()["tool_session"]},
        {"X-Tool-Session": upoint.json()["tool_session"]},
        answers,
    )


def _calls(ids: dict[str, list[str]]) -> Iterator[tuple[str, str, dict[str, Any], str]]:
    """(operation, path, query parameters, session) for every call; session tos/upoint/''."""
    asker = {"nama_penanya": "Budi", "alamat_penanya": "Jakarta", "telepon_penanya": "0812345678"}
    for sid in [*ids["sid"], "999999999"]:
        yield "ncx.asset_search", "/ncx/ebis/asset", {"sid": sid}, ""
        yield "ncx.asset_detail", f"/ncx/ebis/asset/{sid}", {}, ""
        yield "am.lookup", "/support/am", {"sid": sid}, ""
    for company in ids["company"]:
        yield "ncx.asset_search", "/ncx/ebis/asset", {"company": company[3:12]}, ""
        yield "am.lookup", "/support/am", {"company": company[3:12]}, ""
    for ao in [*ids["ao"], "1-000000001"]:
        yield "ncx.sales_order_search", "/ncx/ebis/sales-order", {"ao": ao}, ""
        yield "ncx.sales_order_detail", f"/ncx/ebis/sales-order/{ao}", {}, ""
        yield "ncx.sales_order_cabasa", f"/ncx/ebis/sales-order/{ao}/cabasa", {}, ""
    billing = "/tos/tibs-non-pots/billing-process"
    yield "tos.bill_periods", f"{billing}/bill-periods", {}, "tos"
    for account in [*ids["account"], "0000001"]:
        invoice = {"account": account, "period": TOS_PERIOD}
        yield "tos.invoice", f"{billing}/invoice", invoice, "tos"
        yield "tos.invoice_pdf", f"{billing}/invoice.pdf", invoice, "tos"
        yield "epayment.inquiry", "/epayment/inquiry", {"nomor": account, **asker}, ""
    for number in [*ids["indihome"], *ids["pots"], "100000000000"]:
        yield "epayment.inquiry", "/epayment/inquiry", {"nomor": number, **asker}, ""
    for indihome in [*ids["indihome"], "100000000000"]:
        for screen in ("subscriptions", "transactions"):
            path = f"/upoint/softbundling/{screen}"
            yield f"upoint.{screen}", path, {"indihome": indihome}, "upoint"
            yield f"upoint.{screen}_export", f"{path}.csv", {"indihome": indihome}, "upoint"
    for msisdn in [*ids["msisdn"], "081100000001"]:
        base = f"/dsc/subscribers/{msisdn}"
        yield "dsc.profile", base, {}, ""
        for screen in ("device", "fa_payments", "hlr", "recharges", "call_details", "upcc"):
            yield f"dsc.{screen}", f"{base}/{screen.replace('_', '-')}", {}, ""
        yield "indira.recharges", "/indira/recharges", {"msisdn": msisdn}, ""
        yield "indira.balance_usage", "/indira/balance-usage", {"msisdn": msisdn}, ""
        yield "interactions.history", "/support/interactions", {"number": msisdn}, ""
    for serial in [*ids["serial"], "02" + "0" * 23]:
        yield "indira.voucher", f"/indira/vouchers/{serial}", {}, ""
    for order in [*ids["order"], "GOL000000000000"]:
        yield "dsc.gol_order", f"/dsc/gol/orders/{order}", {}, ""
        yield "dsc.gol_resume", f"/dsc/gol/orders/{order}/resume", {}, ""
    for email in ids["email"]:
        yield "dsc.gol_search", "/dsc/gol/orders", {"email": email}, ""
    for area in [*ids["area"], "Kota Tanpa Gangguan"]:
        yield "outages.by_area", "/support/outages", {"area": area, "include_past": "true"}, ""
    for number in ids["number"]:
        yield "interactions.history", "/support/interactions", {"number": number}, ""
    yield "tickets.kip_catalog", "/support/kip", {}, ""
    for ticket in [*ids["ticket"], "IN000000000"]:
        yield "tickets.read", f"/support/tickets/{ticket}", {}, ""


def collect(client: TestClient, engine: Engine) -> list[Answer]:
    """What every screen answered for the identifiers of `world_ids` (and a ticket filed)."""
    tos, upoint, answers = _sessions(client)
    headers = {"tos": tos, "upoint": upoint, "": {}}
    for operation, path, params, session in _calls(world_ids(engine)):
        response = client.get(path, params=params, headers=headers[session])
        answers.append(_answer(operation, f"{path} {params}", response))
    user_id, token = make_user(engine)
    episode = episode_headers(token, make_episode(engine, user_id))
    filed = client.post("/support/tickets", json=NN_TICKET, headers=episode)
    answers.append(_answer("tickets.create", "NN ticket", filed))
    return answers
