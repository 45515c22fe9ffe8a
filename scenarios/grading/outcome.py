"""Items for what the trainee concluded: resolution, escalation, ticket, reported facts."""

from collections.abc import Mapping, Sequence
from typing import Any

from scenarios import values
from scenarios.grading import events as ev
from scenarios.grading.fieldcheck import describe, passes
from scenarios.grading.item import item

Key = Mapping[str, Any]


def _label(grading: Key, code: str | None, lang: str) -> str:
    entry = grading["resolutions"].get(code or "")
    return entry[lang] if entry else str(code)


def decision_item(grading: Key, submission: Mapping[str, Any]) -> dict[str, Any]:
    """The resolution (the guessed check is made by the grader, which knows the lookups)."""
    spec = grading["decision"]
    got, want = submission.get("resolution"), spec["resolution"]
    weight = grading["weights"]["decision"]
    if got == want:
        en = f"Right resolution: {_label(grading, want, 'en')}."
        idn = f"Resolusi tepat: {_label(grading, want, 'id')}."
        status = "ok"
    else:
        en = (
            f"Resolution {got!r} is wrong; the SOP says {want} "
            f"({_label(grading, want, 'en')}) because: {spec['label']}."
        )
        idn = (
            f"Resolusi {got!r} salah; sesuai SOP: {_label(grading, want, 'id')} "
            f"karena {spec['label']}."
        )
        status = "wrong"
    return item(
        "decision",
        "decision",
        status,
        ref=spec["ref"],
        en=en,
        idn=idn,
        evidence={"resolution": got},
        weight=weight,
    )


def _same_escalation(a: Any, b: Any) -> bool:
    return values.norm(a or "") == values.norm(b or "")


def escalation_item(grading: Key, submission: Mapping[str, Any]) -> dict[str, Any] | None:
    """The escalation target (an item only when one is expected or one was given)."""
    want = grading["escalation"]["expected"]
    got = submission.get("escalation") or None
    if want is None and got is None:
        return None
    weight = grading["weights"]["escalation"] if want else 0
    if _same_escalation(want, got):
        status, en, idn = "ok", f"Escalated to {want}.", f"Eskalasi ke {want} sudah tepat."
    elif got is None:
        status, en = "missed", f"Not escalated; escalate to {want}."
        idn = f"Belum eskalasi ke {want}."
    elif want is None:
        status = "wrong"
        en, idn = (
            f"Escalated to {got}, but this case needs no escalation.",
            f"Eskalasi ke {got} tidak diperlukan untuk kasus ini.",
        )
    else:
        status, en, idn = (
            "wrong",
            f"Escalated to {got}; it should be {want}.",
            f"Eskalasi ke {got}; seharusnya ke {want}.",
        )
    return item(
        "escalation",
        "escalation",
        status,
        ref=grading["escalation"]["ref"],
        en=en,
        idn=idn,
        evidence={"escalation": got},
        weight=weight,
    )


def _extra_ticket(filed: list[ev.Event], weights: Key) -> list[dict[str, Any]]:
    if not filed:
        return []
    en = "A ticket was filed, but this case needs none."
    idn = "Tiket dibuat, padahal kasus ini tidak memerlukan tiket."
    extra = item(
        "kip",
        "kip",
        "extra",
        ref=None,
        evidence=ev.evidence(filed),
        en=en,
        idn=idn,
        earned=-weights["extra_ticket"],
    )
    return [extra]


def _kip_item(spec: Key, ticket: ev.Event | None, weight: int) -> dict[str, Any]:
    label = spec["kip_label"]
    got = ((ticket or {}).get("params") or {}).get("kip")
    if ticket is None:
        status = "missed"
        en = f"No ticket filed; file one with KIP {label}."
        idn = f"Tiket belum dibuat; buat tiket dengan KIP {label}."
    elif values.norm(got) in (values.norm(spec["kip"]), values.norm(label)):
        status, en, idn = (
            "ok",
            f"Ticket filed with KIP {label}.",
            f"Tiket dibuat dengan KIP {label}.",
        )
    else:
        status = "wrong"
        en = f"Ticket KIP {got!r}; it should be {label}."
        idn = f"KIP tiket {got!r}; seharusnya {label}."
    evidence = ev.evidence([ticket]) if ticket else None
    return item(
        "kip", "kip", status, ref=spec["kip_ref"], en=en, idn=idn, evidence=evidence, weight=weight
    )


def ticket_items(grading: Key, events: Sequence[ev.Event]) -> list[dict[str, Any]]:
    """The KIP of the (last) ticket filed and each mandatory field; or an extra ticket."""
    filed = ev.tickets(events)
    spec, weights = grading["ticket"], grading["weights"]
    if spec is None:
        return _extra_ticket(filed, weights)
    ticket = filed[-1] if filed else None
    kip = _kip_item(spec, ticket, weights["kip"])
    params = (ticket or {}).get("params") or {}
    fields = params.get("fields") or {}
    items = [kip]
    for field in spec["fields"]:
        value = fields.get(field["id"])
        if field["id"] == "class" and not value:
            value = params.get("customer_class")
        items.append(_field_item(field, value, ticket, kip["evidence"], weights["ticket_field"]))
    return items


def _field_item(
    field: Mapping[str, Any], value: Any, ticket: Any, evidence: Any, weight: int
) -> dict[str, Any]:
    label = field["label"]
    if ticket is None or value is None or not str(value).strip():
        status, en, idn = "missed", f"Ticket field {label} is missing.", f"Field {label} kosong."
    elif passes(field["check"], value):
        status, en, idn = "ok", f"Ticket field {label} is right.", f"Field {label} sudah benar."
    else:
        want = describe(field["check"])
        status, en, idn = (
            "wrong",
            f"Ticket field {label} = {value!r}; expected {want}.",
            f"Field {label} = {value!r}; seharusnya {want}.",
        )
    return item(
        f"ticket_field:{field['id']}",
        "ticket_field",
        status,
        ref=field["ref"],
        en=en,
        idn=idn,
        evidence=evidence,
        weight=weight,
    )


def fact_items(grading: Key, submission: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One item per fact to report in `submission.facts`."""
    reported = submission.get("facts") or {}
    if not isinstance(reported, Mapping):
        reported = {}
    items = []
    for spec in grading["facts"]:
        got = reported.get(spec["id"])
        if got is None:
            status, en, idn = (
                "missed",
                f"Not reported: {spec['label_en']}.",
                f"Belum dilaporkan: {spec['label']}.",
            )
        elif values.same(spec["compare"], spec["expected"], got):
            status, en, idn = (
                "ok",
                f"Reported right: {spec['label_en']}.",
                f"Sudah benar: {spec['label']}.",
            )
        else:
            status = "wrong"
            en = f"{spec['label_en']}: reported {got!r}, the tool shows {spec['expected']!r}."
            idn = f"{spec['label']}: dilaporkan {got!r}, seharusnya {spec['expected']!r}."
        entry = item(
            f"fact:{spec['id']}",
            "fact",
            status,
            ref=spec["ref"],
            en=en,
            idn=idn,
            evidence={"reported": got},
            weight=grading["weights"]["fact"],
        )
        if spec.get("critical"):
            entry["critical"] = True
        items.append(entry)
    return items
