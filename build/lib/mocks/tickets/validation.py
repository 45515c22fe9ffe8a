"""Checks of a ticket form against the KIP catalog, each error naming the field to fix."""

from typing import Any

from gladi import formats as f
from gladi.errors import BadInput, Forbidden
from mocks.params import ANY_NUMBER_RE
from mocks.scope import Scope
from mocks.tickets.catalog import CATALOG, KipDef


def require_episode(scope: Scope) -> str:
    """Tickets change the world, so they are filed only inside an episode."""
    if scope.episode_id is None:
        raise Forbidden(
            "tickets can only be filed inside an episode",
            field="X-Gladi-Episode",
            expected="an open episode id in X-Gladi-Episode, with its owner's bearer token",
        )
    return scope.episode_id


def _pick(value: str, choices: list[str], field: str) -> str:
    for choice in choices:
        if choice.lower() == value.strip().lower():
            return choice
    raise BadInput(f"unknown {field} {value!r}", field=field, expected=" | ".join(choices))


def checked_kip(code: str, ticket_type: str) -> KipDef:
    """The catalog KIP (by code or label) whose ticket type is `ticket_type`."""
    kip = CATALOG.kip(code)
    if kip is None:
        raise BadInput(
            f"unknown KIP {code!r}", field="kip", expected="a KIP code from GET /support/kip"
        )
    if kip.ticket_type != ticket_type:
        raise BadInput(
            f"KIP {kip.code} is filed on an {kip.ticket_type} ticket, not {ticket_type}",
            field="ticket_type",
            expected=kip.ticket_type,
        )
    return kip


def checked_class(value: str) -> str:
    """The customer class as the catalog spells it."""
    return _pick(value, CATALOG.classes, "customer_class")


def checked_escalation(value: str | None) -> str | None:
    """The escalation target as the catalog spells it (None: not escalated)."""
    if value is None or not value.strip():
        return None
    return _pick(value, [e.code for e in CATALOG.escalations], "escalation")


def checked_number(kip: KipDef, number: str) -> str:
    """IN tickets about a mobile number need an MSISDN; other IN tickets a service number."""
    if kip.ticket_type == "NN":
        return " ".join(number.split())
    if "msisdn" in kip.fields:
        msisdn = f.normalize_msisdn(number)
        if not f.MSISDN_RE.match(msisdn):
            raise BadInput(
                f"not an MSISDN: {number!r}",
                field="number",
                expected="an MSISDN, e.g. 081321123321",
            )
        return msisdn
    if not ANY_NUMBER_RE.match(number.strip()):
        raise BadInput(f"not a service number: {number!r}", field="number")
    return number.strip()


def checked_fields(kip: KipDef, fields: dict[str, str], customer_class: str) -> dict[str, str]:
    """Known ids only; every mandatory field non-blank; `class` defaults to customer_class."""
    unknown = sorted(k for k in fields if k not in CATALOG.fields)
    if unknown:
        raise BadInput(
            f"unknown ticket fields: {', '.join(unknown)}",
            field=f"fields.{unknown[0]}",
            expected="field ids from GET /support/kip",
            extra={"unknown": unknown},
        )
    values = {k: v.strip() for k, v in fields.items() if v.strip()}
    if "class" in kip.fields:
        values.setdefault("class", customer_class)
    missing = [k for k in kip.fields if k not in values]
    if missing:
        raise BadInput(
            f"missing mandatory fields for {kip.code}: {', '.join(missing)}",
            field=f"fields.{missing[0]}",
            expected="non-blank values for: "
            + "; ".join(f"{k} ({CATALOG.field_label(k)})" for k in missing),
            extra={"missing": missing},
        )
    if "msisdn" in values:
        values["msisdn"] = _checked_msisdn_field(values["msisdn"])
    ordered = {k: values[k] for k in kip.fields}
    return ordered | {k: v for k, v in values.items() if k not in ordered}


def _checked_msisdn_field(raw: str) -> str:
    msisdn = f.normalize_msisdn(raw)
    if not f.MSISDN_RE.match(msisdn):
        raise BadInput(
            f"not an MSISDN: {raw!r}", field="fields.msisdn", expected="an MSISDN, e.g. 0812..."
        )
    return msisdn


def checked_form(form: dict[str, Any]) -> dict[str, Any]:
    """The whole form checked and normalised, ready to store."""
    kip = checked_kip(form["kip"], form["ticket_type"])
    customer_class = checked_class(form["customer_class"])
    return {
        "ticket_type": kip.ticket_type,
        "kip": kip.code,
        "number": checked_number(kip, form["number"]),
        "customer_class": customer_class,
        "escalation": checked_escalation(form.get("escalation")),
        "fields": checked_fields(kip, form.get("fields") or {}, customer_class),
        "description": (form.get("description") or "").strip(),
    }
