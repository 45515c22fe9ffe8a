"""AM lookup queries: by SID (the account owning it) or by company name."""

from typing import Any

from sqlalchemy import Connection, Select, func, select

from gladi.db import first_mapping
from gladi.errors import BadInput, NotFound
from gladi.world import AccountManager, EnterpriseAccount, EnterpriseService
from mocks.am.models import AmLookup, AmRecord
from mocks.scope import Scope
from mocks.screens import not_found_view

AM = AccountManager.__table__  # type: ignore[attr-defined]
ACC = EnterpriseAccount.__table__  # type: ignore[attr-defined]
SVC = EnterpriseService.__table__  # type: ignore[attr-defined]
SEARCH_LIMIT = 50
HOW = "sid=<SID> or company=<name, at least 3 letters>"


def _base(scope: Scope) -> Select[Any]:
    return (
        select(
            ACC.c.company,
            ACC.c.account_number,
            AM.c.name.label("am_name"),
            AM.c.nik.label("am_nik"),
            AM.c.phone.label("am_phone"),
            AM.c.email.label("am_email"),
            AM.c.segment,
            AM.c.witel,
            AM.c.eos_name,
            AM.c.eos_phone,
        )
        .join(AM, (AM.c.id == ACC.c.am_id) & scope.visible(AM))
        .where(scope.visible(ACC))
    )


def _record(r: Any, sid: str | None = None) -> AmRecord:
    display = {"Nama Pelanggan": r["company"], "Account Number": r["account_number"]}
    if sid:
        display["SID"] = sid
    display.update(
        {
            "Nama AM": r["am_name"],
            "NIK": r["am_nik"],
            "No. HP AM": r["am_phone"],
            "Email AM": r["am_email"],
            "Segmen": r["segment"],
            "Witel": r["witel"],
            "EOS": f"{r['eos_name']} ({r['eos_phone']})",
        }
    )
    return AmRecord(sid=sid, display=display, **dict(r))


def _by_sid(conn: Connection, scope: Scope, sid: str) -> list[AmRecord]:
    query = _base(scope).join(
        SVC,
        (SVC.c.account_number == ACC.c.account_number) & (SVC.c.sid == sid) & scope.visible(SVC),
    )
    row = first_mapping(conn.execute(query.limit(1)))
    if row is None:
        raise NotFound(f"no account owns SID {sid}", field="sid", extra=not_found_view("SID", sid))
    return [_record(row, sid)]


def _by_company(conn: Connection, scope: Scope, company: str) -> list[AmRecord]:
    wanted = " ".join(company.split()).lower()
    if sum(ch.isalpha() for ch in wanted) < 3:
        raise BadInput("a company name needs at least 3 letters", field="company", expected=HOW)
    query = _base(scope).where(func.lower(ACC.c.company).contains(wanted, autoescape=True))
    rows = conn.execute(query.order_by(ACC.c.company, ACC.c.id).limit(SEARCH_LIMIT)).mappings()
    items = [_record(r) for r in rows]
    if not items:
        raise NotFound(
            f"no company matches {company!r}",
            field="company",
            extra=not_found_view("Perusahaan", company),
        )
    return items


def lookup_am(
    conn: Connection, scope: Scope, company: str | None = None, sid: str | None = None
) -> AmLookup:
    """The AM of the account owning `sid`, or of each account whose company contains `company`."""
    if sid:
        items = _by_sid(conn, scope, sid)
    elif company and company.strip():
        items = _by_company(conn, scope, company)
    else:
        raise BadInput("search by SID or by company name", field="company", expected=HOW)
    return AmLookup(
        count=len(items), items=items, display={"Hasil": f"{len(items)} data ditemukan"}
    )
