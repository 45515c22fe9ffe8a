"""Items for what the trainee did: lookups, questions, order, wrong-SOP lookups, hints."""

from collections.abc import Mapping, Sequence
from typing import Any

from scenarios.grading import events as ev
from scenarios.grading.item import item
from scenarios.grading.window import in_window, window_text

Key = Mapping[str, Any]


def answered(spec: Mapping[str, Any], event: ev.Event) -> bool:
    """Whether the tool answered the call: 2xx, or 404 where the key expects 'not found'."""
    return ev.succeeded(event) or (bool(spec.get("not_found")) and event.get("status") == 404)


def done_right(spec: Mapping[str, Any], event: ev.Event) -> bool:
    """Answered, with the expected identifiers, and (windowed lookups) over the right dates."""
    return (
        answered(spec, event) and ev.params_match(spec["params"], event) and in_window(spec, event)
    )


def lookup_result(spec: Mapping[str, Any], events: Sequence[ev.Event]) -> tuple[str, list]:
    """('ok' | 'wrong' | 'missed', the events that show it) for one required lookup."""
    calls = ev.tool_calls(events, spec["operation"])
    good = [e for e in calls if done_right(spec, e)]
    if good:
        return "ok", good
    if calls:
        return "wrong", calls
    return "missed", []


def _params_text(params: Mapping[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in params.items()) or "no identifier"


def lookup_items(grading: Key, events: Sequence[ev.Event]) -> list[dict[str, Any]]:
    """One item per required lookup."""
    weight = grading["weights"]["lookup"]
    items = []
    for spec in grading["lookups"]:
        status, found = lookup_result(spec, events)
        want = _params_text(spec["params"]) + window_text(spec)
        label, op = spec["label"], spec["operation"]
        if status == "ok":
            en, idn = f"Looked up {label} ({op}) with {want}.", f"Sudah cek {label} ({want})."
        elif status == "wrong":
            got = _params_text(found[0].get("params") or {})
            en = f"{label} ({op}) was looked up with {got}, not the customer's {want}."
            idn = f"{label} dicek dengan {got}, seharusnya {want} milik pelanggan."
        else:
            en, idn = f"Missed: {label} ({op}) with {want}.", f"Belum dilakukan: {label} ({want})."
        if status != "ok" and spec.get("critical"):
            en += " The conclusion rests on this check."
            idn += " Kesimpulan bergantung pada pengecekan ini."
        items.append(
            item(
                f"lookup:{spec['id']}",
                "lookup",
                status,
                ref=spec["ref"],
                en=en,
                idn=idn,
                evidence=ev.evidence(found),
                weight=weight,
                critical=bool(spec.get("critical")),
            )
        )
    return items


def _question_item(
    spec: Mapping[str, Any], found: list[ev.Event], told: list[str], weight: int, critical: bool
) -> dict[str, Any]:
    if found:
        status, en, idn = "ok", "Asked: " + spec["text_en"], "Sudah ditanyakan: " + spec["text"]
        evidence: dict[str, Any] | None = {
            "events": [e.get("id") for e in found],
            "question": (found[0].get("params") or {}).get("question"),
        }
    elif told:
        status, evidence = "ok", {"disclosed": told}
        en = "Not asked again: the customer had already said it (" + spec["text_en"] + ")"
        idn = "Tidak perlu ditanyakan lagi: pelanggan sudah menyebutkannya (" + spec["text"] + ")"
    else:
        status, evidence = "missed", None
        en, idn = "Not asked: " + spec["text_en"], "Belum ditanyakan: " + spec["text"]
        if critical:
            en += " The decision rests on the answer."
            idn += " Keputusan bergantung pada jawabannya."
    return item(
        f"question:{spec['id']}",
        "question",
        status,
        ref=spec["ref"],
        en=en,
        idn=idn,
        evidence=evidence,
        weight=weight,
        critical=critical,
    )


def question_items(
    grading: Key, events: Sequence[ev.Event], disclosed: set[str]
) -> list[dict[str, Any]]:
    """One item per required question. A question whose answer the customer already gave (in
    the opening or another answer) is not asked again at no cost; one the decision rests on is
    critical unless the facts it is needed for were disclosed."""
    weight = grading["weights"]["question"]
    depends = (grading.get("decision") or {}).get("depends") or {}
    needed_for: Mapping[str, list[str]] = depends.get("facts_by_question") or {}
    rests_on = set(depends.get("questions") or ())
    items = []
    for spec in grading["questions"]:
        reveals = list(spec.get("reveals") or ())
        told = reveals if reveals and set(reveals) <= disclosed else []
        needed = needed_for.get(spec["id"], reveals)
        critical = spec["id"] in rests_on and not set(needed) <= disclosed
        found = ev.asked(events, spec["id"])
        items.append(_question_item(spec, found, told, weight, critical))
    return items


def _first_ok(spec: Mapping[str, Any], events: Sequence[ev.Event]) -> int | None:
    for index, event in enumerate(events):
        if (
            event.get("kind") == "tool"
            and event.get("operation") == spec["operation"]
            and done_right(spec, event)
        ):
            return index
    return None


def order_items(grading: Key, events: Sequence[ev.Event]) -> list[dict[str, Any]]:
    """One item per order constraint between two required lookups."""
    specs = {s["id"]: s for s in grading["lookups"]}
    weight = grading["weights"]["order"]
    items = []
    for pair in grading["order"]:
        before, after = specs.get(pair["before"]), specs.get(pair["after"])
        if before is None or after is None:
            continue
        i, j = _first_ok(before, events), _first_ok(after, events)
        status = "missed" if i is None or j is None else ("ok" if i < j else "wrong")
        en = f"{before['label']} comes before {after['label']}."
        idn = f"{before['label']} dilakukan sebelum {after['label']}."
        if status == "wrong":
            en, idn = "Wrong order: " + en, "Urutan salah: " + idn
        found = [events[k] for k in (i, j) if k is not None]
        items.append(
            item(
                f"order:{pair['before']}>{pair['after']}",
                "order",
                status,
                ref=pair["ref"],
                en=en,
                idn=idn,
                evidence=ev.evidence(found),
                weight=weight,
            )
        )
    return items


def extra_items(grading: Key, events: Sequence[ev.Event]) -> list[dict[str, Any]]:
    """Lookups that have nothing to do with this SOP (one item per operation), and hints."""
    items = []
    wrong = [
        e
        for e in ev.tool_calls(events)
        if ev.matches_any(e.get("operation"), grading["wrong_operations"])
    ]
    for operation in dict.fromkeys(e.get("operation") for e in wrong):
        found = [e for e in wrong if e.get("operation") == operation]
        items.append(
            item(
                f"extra:{operation}",
                "lookup",
                "extra",
                ref=None,
                en=f"{operation} has nothing to do with this SOP.",
                idn=f"{operation} tidak ada hubungannya dengan SOP ini.",
                evidence=ev.evidence(found),
                earned=-grading["weights"]["extra"],
            )
        )
    for index, hint in enumerate(ev.hints(events)):
        ref = (hint.get("detail") or {}).get("sop_ref")
        items.append(
            item(
                f"hint:{index + 1}",
                "hint",
                "extra",
                ref=ref,
                en="Took a hint (costs points).",
                idn="Mengambil petunjuk (mengurangi nilai).",
                evidence={"events": [hint.get("id")]},
                earned=-grading["weights"]["hint"],
            )
        )
    return items


def _first_index(events: Sequence[ev.Event], wanted: list[ev.Event]) -> int | None:
    ids = {id(e) for e in wanted}
    return next((i for i, e in enumerate(events) if id(e) in ids), None)


def ticket_order_item(grading: Key, events: Sequence[ev.Event]) -> dict[str, Any] | None:
    """The ticket comes after the checks the SOP puts before it (every required lookup)."""
    if grading.get("ticket") is None:
        return None
    first_ticket = _first_index(events, ev.tickets(events))
    if first_ticket is None:
        return None
    late, done = [], 0
    for spec in grading["lookups"]:
        index = _first_ok(spec, events)
        if index is None:
            continue
        done += 1
        if index > first_ticket:
            late.append(spec["label"])
    status = "missed" if done == 0 else ("wrong" if late else "ok")
    en, idn = "The ticket is filed after the checks.", "Tiket dibuat setelah pengecekan."
    if status == "wrong":
        en = "Wrong order: the ticket was filed before " + "; ".join(late) + "."
        idn = "Urutan salah: tiket dibuat sebelum " + "; ".join(late) + "."
    elif status == "missed":
        en = "The ticket was filed without any of the checks before it."
        idn = "Tiket dibuat tanpa pengecekan apa pun sebelumnya."
    return item(
        "order:checks>ticket",
        "order",
        status,
        ref=grading["ticket"]["kip_ref"],
        en=en,
        idn=idn,
        evidence=ev.evidence([events[first_ticket]]),
        weight=grading["weights"]["order"],
    )
