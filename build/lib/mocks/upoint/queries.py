"""UPoint queries: the monitor login and the two Addon Softbundling searches."""

import time
from typing import Any

from sqlalchemy import Connection, select

from gladi import formats as f
from gladi.errors import Unauthorized
from gladi.world import OttSubscription, OttTransaction
from mocks import tool_login
from mocks.scope import Scope
from mocks.upoint.filters import SearchForm, search_form
from mocks.upoint.models import (
    SUBSCRIPTION_COLUMNS,
    TRANSACTION_COLUMNS,
    SubscriptionRow,
    SubscriptionSearch,
    TransactionRow,
    TransactionSearch,
    UpointSession,
)

SUBS = OttSubscription.__table__  # type: ignore[attr-defined]
TRX = OttTransaction.__table__  # type: ignore[attr-defined]
USERNAME = "monitor"
PASSWORD = "monitor123@"
LOGIN_HINT = "POST /upoint/login with the monitor account"


def login(
    _conn: Connection, _scope: Scope, *, username: str, password: str, regional: int, nama: str
) -> UpointSession:
    """Check the shared monitor account (SOP 003: any regional, any name) and open a session."""
    if username != USERNAME:
        raise Unauthorized("unknown user", field="username", expected="the dashboard user")
    if password != PASSWORD:
        raise Unauthorized("wrong password", field="password", expected="the dashboard password")
    claims = {"user": username, "regional": regional, "nama": nama}
    return UpointSession(
        tool_session=tool_login.issue("upoint", claims),
        user=username,
        regional=regional,
        nama=nama,
        display={"User": username, "Nama": nama, "Regional": str(regional)},
    )


def _seconds(value: float) -> str:
    return f"{value:.16f}s"


def _maybe(moment: Any) -> str:
    return f.wib_datetime(moment) if moment is not None else "-"


def _subscription_row(no: int, r: Any) -> SubscriptionRow:
    display = {
        "No": str(no),
        "Partner ref_no": r["partner_ref_no"],
        "IndiHome": r["indihome_number"],
        "Item": r["item"],
        "Price (Rp.)": f.number_id(r["price"], decimals=2),
        "Denom (Rp.)": f.number_id(r["denom"], decimals=2),
        "Service": r["service"],
        "Status": r["status"],
        "Start Time": f.wib_datetime(r["start_time"]),
        "End Time": _maybe(r["end_time"]),
        "Channel": r["channel"],
        "Last Charge": _maybe(r["last_charge"]),
    }
    fields = {k: r[k] for k in SubscriptionRow.model_fields if k not in ("no", "display")}
    return SubscriptionRow(no=no, display=display, **fields)


def _transaction_row(no: int, r: Any) -> TransactionRow:
    display = {
        "No": str(no),
        "Nomor Indihome": r["indihome_number"],
        "Harga": str(r["price"]),
        "Harga Prorate": str(r["prorate_price"]),
        "Item": r["item"],
        # The real Transactions Data screen writes the service in lower case ('799 - disney').
        "Service": r["service"].lower(),
        "Partner Ref_no": r["partner_ref_no"],
        "Telkom trx_id": r["trx_id"],
        "Trx Time": f.wib_datetime(r["trx_time"]),
    }
    fields = {k: r[k] for k in TransactionRow.model_fields if k not in ("no", "display")}
    return TransactionRow(no=no, display=display, **fields)


def _common(form: SearchForm, count: int, started: float, query_s: float) -> dict[str, Any]:
    total_s = time.perf_counter() - started
    return {
        "indihome": form.indihome,
        "date_from": form.days.start if form.days else None,
        "date_to": form.days.end if form.days else None,
        "ott": form.ott,
        "regional": str(form.regional) if form.regional is not None else "all",
        "count": count,
        "request_time_s": total_s,
        "query_time_s": query_s,
    }


def search_subscriptions(conn: Connection, scope: Scope, **form_input: Any) -> SubscriptionSearch:
    """Addon Softbundling > Subscriptions of an IndiHome number, newest start first."""
    started = time.perf_counter()
    form = search_form(conn, scope, **form_input)
    query = (
        select(SUBS)
        .where(scope.visible(SUBS), *form.conditions(SUBS, "start_time"))
        .order_by(SUBS.c.start_time.desc(), SUBS.c.id)
    )
    rows = conn.execute(query).mappings().all()
    query_s = time.perf_counter() - started
    items = [_subscription_row(no, r) for no, r in enumerate(rows, start=1)]
    common = _common(form, len(items), started, query_s)
    display = {
        "Hasil untuk pencarian": form.summary("Kategori", all_data=True),
        "Showing": str(len(items)),
        "request time": f"{_seconds(common['request_time_s'])} | {_seconds(query_s)}",
    }
    return SubscriptionSearch(columns=SUBSCRIPTION_COLUMNS, items=items, display=display, **common)


def search_transactions(conn: Connection, scope: Scope, **form_input: Any) -> TransactionSearch:
    """Addon Softbundling > Transactions Data of an IndiHome number, newest charge first."""
    started = time.perf_counter()
    form = search_form(conn, scope, **form_input)
    query = (
        select(TRX)
        .where(scope.visible(TRX), *form.conditions(TRX, "trx_time"))
        .order_by(TRX.c.trx_time.desc(), TRX.c.id)
    )
    rows = conn.execute(query).mappings().all()
    query_s = time.perf_counter() - started
    items = [_transaction_row(no, r) for no, r in enumerate(rows, start=1)]
    common = _common(form, len(items), started, query_s)
    display = {
        "Hasil untuk pencarian": form.summary("OTT", all_data=False),
        "Showing": str(len(items)),
        "request time": f"{_seconds(common['request_time_s'])} | {_seconds(query_s)}",
    }
    return TransactionSearch(columns=TRANSACTION_COLUMNS, items=items, display=display, **common)
