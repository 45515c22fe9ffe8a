"""Every ticket filed in the episode, graded as the ticket desk sees it.

The ticket that best answers the SOP's (right KIP, right subject, most fields right) is graded
field by field: filed at all, KIP, the number it is about, the team it is routed to, and each
mandatory field (identifying fields are critical: a wrong one files a ticket about someone
else). Every other ticket left open costs points: a duplicate of it, or a wrong one not
cancelled. A ticket filed before the checks the SOP puts before it breaks the order. Where the
SOP files no ticket, each one filed costs points.
"""

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from scenarios import values
from scenarios.grading import events as ev
from scenarios.grading.fieldcheck import describe, passes
from scenarios.grading.item import item
from scenarios.grading.outcome import escalation_texts, same_team

Key = Mapping[str, Any]
DEFAULTS = {"ticket": 10, "ticket_number": 5, "ticket_escalation": 5, "open_ticket": 5}


def _weight(grading: Key, name: str) -> int:
    return int(grading["weights"].get(name, DEFAULTS.get(name, 0)))


def _params(ticket: ev.Event | None) -> Mapping[str, Any]:
    return (ticket or {}).get("params") or {}


def _field_value(ticket: ev.Event | None, field_id: str) -> Any:
    params = _params(ticket)
    value = (params.get("fields") or {}).get(field_id)
    if field_id == "class" and not value:
        value = params.get("customer_class")
    return value


def _kip_right(spec: Key, ticket: ev.Event) -> bool:
    got = values.norm(_params(ticket).get("kip") or "")
    return got in (values.norm(spec["kip"]), values.norm(spec["kip_label"]))


def _number_right(spec: Key, ticket: ev.Event) -> bool:
    number = spec.get("number")
    return number is None or values.same_identifier(
        number["expected"], _params(ticket).get("number", "")
    )


def _fit(spec: Key, ticket: ev.Event, now: datetime | None) -> tuple[int, int, int]:
    right = sum(passes(f["check"], _field_value(ticket, f["id"]), now) for f in spec["fields"])
    return int(_kip_right(spec, ticket)), int(_number_right(spec, ticket)), right


def open_tickets(events: Sequence[ev.Event]) -> list[ev.Event]:
    """Accepted tickets not cancelled later in the episode."""
    cancelled = ev.cancelled_ticket_ids(events)
    return [t for t in ev.tickets(events) if ev.ticket_id(t) not in cancelled]


def _filed_item(spec: Key, chosen: ev.Event | None, refused: list[ev.Event], w: int) -> dict:
    label = spec["kip_label"]
    if chosen is not None:
        status, en, idn = "ok", "A ticket was filed.", "Tiket sudah dibuat."
    else:
        status = "missed"
        en = f"No ticket filed; the SOP requires one with KIP {label}."
        idn = f"Tiket belum dibuat; SOP mewajibkan tiket dengan KIP {label}."
        if refused:
            errors = {str(ev.detail(e).get("error") or e.get("status")) for e in refused}
            en += f" The desk refused {len(refused)} attempt(s) ({', '.join(sorted(errors))})."
            idn += f" Desk menolak {len(refused)} kali ({', '.join(sorted(errors))})."
    found = [chosen] if chosen is not None else refused
    return item(
        "ticket",
        "ticket",
        status,
        ref=spec["kip_ref"],
        en=en,
        idn=idn,
        evidence=ev.evidence(found),
        weight=w,
        critical=True,
    )


def _kip_item(spec: Key, ticket: ev.Event | None, weight: int) -> dict[str, Any]:
    label = spec["kip_label"]
    got = _params(ticket).get("kip")
    if ticket is None:
        status, en, idn = "missed", f"No ticket with KIP {label}.", f"Belum ada tiket KIP {label}."
    elif _kip_right(spec, ticket):
        status, en, idn = "ok", f"Ticket KIP {label}.", f"KIP tiket {label} sudah tepat."
    else:
        status = "wrong"
        en, idn = (
            f"Ticket KIP {got!r}; the SOP says {label}.",
            f"KIP tiket {got!r}; seharusnya {label}.",
        )
    evidence = ev.evidence([ticket]) if ticket else None
    return item(
        "kip",
        "kip",
        status,
        ref=spec["kip_ref"],
        en=en,
        idn=idn,
        evidence=evidence,
        weight=weight,
        critical=ticket is not None,
    )


def _number_item(spec: Key, ticket: ev.Event | None, weight: int) -> dict[str, Any] | None:
    number = spec.get("number")
    if number is None:
        return None
    got = _params(ticket).get("number")
    want = number["expected"]
    if ticket is None:
        status, en, idn = "missed", "No ticket to check the number of.", "Belum ada tiket."
    elif _number_right(spec, ticket):
        status, en, idn = "ok", f"The ticket is about {want}.", f"Tiket atas nomor {want}."
    else:
        status = "wrong"
        en = f"The ticket is about {got!r}, not the customer's {want}: a ticket about someone else."
        idn = f"Tiket atas nomor {got!r}, bukan {want} milik pelanggan: tiket untuk orang lain."
    return item(
        "ticket_number",
        "ticket_field",
        status,
        ref=number["ref"],
        en=en,
        idn=idn,
        evidence={"number": got},
        weight=weight,
        critical=ticket is not None,
    )


def _routing_item(spec: Key, ticket: ev.Event | None, weight: int) -> dict[str, Any] | None:
    routing = spec.get("escalation")
    if routing is None or ticket is None:
        return None
    got = _params(ticket).get("escalation") or None
    status, en, idn = escalation_texts(routing["expected"], got, "ticket")
    return item(
        "ticket_escalation",
        "escalation",
        status,
        ref=routing["ref"],
        en=en,
        idn=idn,
        evidence={"escalation": got},
        weight=weight if routing["expected"] else 0,
        critical=True,
    )


def _field_item(
    field: Key, ticket: ev.Event | None, weight: int, now: datetime | None
) -> dict[str, Any]:
    label, value = field["label"], _field_value(ticket, field["id"])
    identifies = bool(field.get("identifies"))
    if ticket is None or value is None or not str(value).strip():
        status, en, idn = "missed", f"Ticket field {label} is missing.", f"Field {label} kosong."
    elif passes(field["check"], value, now):
        status, en, idn = "ok", f"Ticket field {label} is right.", f"Field {label} sudah benar."
    else:
        status = "wrong"
        en = f"Ticket field {label} = {value!r}; expected {describe(field['check'])}."
        idn = f"Field {label} = {value!r}; seharusnya {describe(field['check'], 'id')}."
        if identifies:
            en += " That files the ticket about someone else."
            idn += " Tiket menjadi atas pelanggan lain."
    return item(
        f"ticket_field:{field['id']}",
        "ticket_field",
        status,
        ref=field["ref"],
        en=en,
        idn=idn,
        evidence=ev.evidence([ticket]) if ticket else None,
        weight=weight,
        critical=identifies and ticket is not None,
    )


def _others(spec: Key, chosen: ev.Event, rest: list[ev.Event], weight: int) -> list[dict]:
    items = []
    for index, ticket in enumerate(rest, start=1):
        same = _kip_right(spec, ticket) and _number_right(spec, ticket)
        if same and same_team(_params(ticket).get("escalation"), _params(chosen).get("escalation")):
            en = "A duplicate ticket for the same complaint was left open."
            idn = "Tiket ganda untuk keluhan yang sama dibiarkan terbuka."
        else:
            en = "A wrong ticket (KIP, number or team) was left open; cancel a wrong ticket."
            idn = "Tiket yang salah (KIP, nomor atau tim) dibiarkan terbuka; batalkan tiket salah."
        items.append(
            item(
                f"ticket_extra:{index}",
                "ticket",
                "extra",
                ref=spec["kip_ref"],
                en=en,
                idn=idn,
                evidence=ev.evidence([ticket]),
                earned=-weight,
            )
        )
    return items


def _unneeded(grading: Key, filed: list[ev.Event]) -> list[dict[str, Any]]:
    weight = int(grading["weights"]["extra_ticket"])
    return [
        item(
            f"ticket_extra:{index}",
            "ticket",
            "extra",
            ref=None,
            en="A ticket was filed, but this case needs none.",
            idn="Tiket dibuat, padahal kasus ini tidak memerlukan tiket.",
            evidence=ev.evidence([ticket]),
            earned=-weight,
        )
        for index, ticket in enumerate(filed, start=1)
    ]


def ticket_items(
    grading: Key, events: Sequence[ev.Event], now: datetime | None = None
) -> list[dict[str, Any]]:
    """Items for every ticket of the episode (see the module docstring)."""
    spec = grading["ticket"]
    filed = open_tickets(events)
    if spec is None:
        return _unneeded(grading, filed)
    ranked = sorted(filed, key=lambda t: _fit(spec, t, now), reverse=True)
    chosen = ranked[0] if ranked else None
    items = [
        _filed_item(spec, chosen, ev.refused_tickets(events), _weight(grading, "ticket")),
        _kip_item(spec, chosen, int(grading["weights"]["kip"])),
    ]
    items += [
        x
        for x in (
            _number_item(spec, chosen, _weight(grading, "ticket_number")),
            _routing_item(spec, chosen, _weight(grading, "ticket_escalation")),
        )
        if x is not None
    ]
    weight = int(grading["weights"]["ticket_field"])
    items += [_field_item(field, chosen, weight, now) for field in spec["fields"]]
    if chosen is not None:
        items += _others(spec, chosen, ranked[1:], _weight(grading, "open_ticket"))
    return items
