"""The ticket part of a key: each mandatory field's check and the value a perfect ticket holds."""

from collections.abc import Mapping
from typing import Any

from mocks.tickets.catalog import CATALOG
from scenarios.expressions import literal_or_value, resolve
from scenarios.grading.fieldcheck import passes
from scenarios.models.sop import CheckDef, Sop

Context = Mapping[str, Mapping[str, Any]]


def resolved_check(spec: CheckDef, context: Context) -> dict[str, Any]:
    """A field check with its expressions replaced by this instance's values."""
    kind = spec.kind
    raw = getattr(spec, kind)
    if kind in ("equals", "contains", "date_of", "amount"):
        expected: Any = str(resolve(raw, context))
    elif kind == "all_of":
        expected = [str(t) for t in resolve(raw, context)]
    else:
        expected = raw
    return {"kind": kind, "expected": expected}


def key_value(spec: CheckDef, check: dict[str, Any], context: Context) -> str:
    """What the answer key writes in the field."""
    if spec.value is not None:
        return str(literal_or_value(spec.value, context))
    if check["kind"] == "all_of":
        return ", ".join(str(t).split("|")[0] for t in check["expected"])
    return str(check["expected"])


def ticket_part(
    sop: Sop, kip_code: str, kip_ref: str, escalation: str | None, note: str, context: Context
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(grading spec of the ticket, JSON body of the perfect ticket)."""
    kip = CATALOG.kip(kip_code)
    if kip is None or sop.ticket_form is None:
        raise ValueError(f"{sop.id}: cannot build a ticket with KIP {kip_code!r}")
    fields, specs = {}, []
    for field_id in kip.fields:
        spec = sop.ticket_checks[field_id]
        check = resolved_check(spec, context)
        value = key_value(spec, check, context)
        if not passes(check, value):
            raise ValueError(f"{sop.id}: the key's own {field_id}={value!r} fails {check}")
        fields[field_id] = value
        field_spec: dict[str, Any] = {
            "id": field_id,
            "label": CATALOG.field_label(field_id),
            "check": check,
            "ref": spec.ref,
        }
        if spec.identifies:
            field_spec["identifies"] = True
        specs.append(field_spec)
    body = {
        "ticket_type": kip.ticket_type,
        "kip": kip.code,
        "number": str(literal_or_value(sop.ticket_form.number, context)),
        "customer_class": str(literal_or_value(sop.ticket_form.customer_class, context)),
        "escalation": escalation,
        "fields": fields,
        "description": note,
    }
    grading = {
        "kip": kip.code,
        "kip_label": kip.label,
        "kip_ref": kip_ref,
        "fields": specs,
        "number": {"expected": body["number"], "ref": sop.ticket_form.ref},
        "escalation": {"expected": escalation, "ref": kip_ref},
    }
    return grading, body
