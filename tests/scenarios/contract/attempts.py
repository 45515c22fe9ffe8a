"""Attempts derived from an instance, each with the verdict a QA lead gives it.

Written from the SOP texts' point of view, not the key's: a required ticket not filed, refused,
about someone else, under the wrong KIP or routed to the wrong team fails; a duplicate or a
wrong ticket left open, a ticket before its checks or a sloppy non-identifying field costs
points; every fact a drill asks for is critical; a value written in any usual form passes; a
question the customer already answered need not be asked; a forbidden advice fails wherever it
is given; doing nothing scores 0.
"""

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from mocks.tickets.catalog import CATALOG
from scenarios.instantiate import Instance
from tests.scenarios.contract.formats import accepted_forms
from tests.scenarios.helpers import perfect

Events = list[dict[str, Any]]


@dataclass
class Attempt:
    """One attempt and what it must get: `pass100`, `pass_less`, `fail:<code prefix>`, `zero`."""

    name: str
    events: Events
    submission: dict[str, Any]
    verdict: str


def _ticket(events: Events) -> dict[str, Any] | None:
    return next((e for e in events if e.get("operation") == "tickets.create"), None)


def _with_ticket(events: Events, change: Callable[[dict[str, Any]], None]) -> Events:
    events = copy.deepcopy(events)
    ticket = _ticket(events)
    assert ticket is not None
    change(ticket)
    return events


def _renumbered(events: Events) -> Events:
    for index, event in enumerate(events, start=1):
        event["id"] = index
    return events


def _other_kip(code: str) -> str:
    kip = CATALOG.kip(code)
    assert kip is not None
    same_type = [
        k.code for k in CATALOG.kips if k.code != code and k.ticket_type == kip.ticket_type
    ]
    return (same_type or [k.code for k in CATALOG.kips if k.code != code])[0]


def _other_team(team: str | None) -> str:
    return next(e.code for e in CATALOG.escalations if e.code != team)


def _wrong_value(field: dict[str, Any]) -> str | None:
    kind = field["check"]["kind"]
    if kind == "nonempty":
        return None  # any value the desk accepts is right
    if field["id"] in ("msisdn", "alt_contact"):
        return "081100000001"
    if kind == "date_of":
        return "01-01-2020"
    if kind == "amount":
        return "Rp1"
    return "tidak tahu"


def ticket_attempts(instance: Instance) -> Iterator[Attempt]:
    """Every ticket-desk mistake, with its verdict."""
    events, submit = perfect(instance)
    spec = instance.key["grading"]["ticket"]
    ticket = _ticket(events)
    if spec is None:
        if ticket is None:
            wrong = copy.deepcopy(events)
            wrong.append({**copy.deepcopy(_fake_ticket(instance)), "id": len(wrong) + 1})
            yield Attempt("ticket where none is due", wrong, submit, "pass_less")
        return
    assert ticket is not None
    without = [e for e in events if e is not ticket]
    yield Attempt("no ticket", copy.deepcopy(without), submit, "fail:no ticket")
    refused = _with_ticket(events, lambda t: t.update(status=422, detail={"error": "invalid"}))
    yield Attempt("ticket refused by the desk", refused, submit, "fail:no ticket")
    wrong_kip = _with_ticket(events, lambda t: t["params"].update(kip=_other_kip(spec["kip"])))
    yield Attempt("wrong KIP", wrong_kip, submit, "fail:wrong KIP")
    other = _with_ticket(events, lambda t: t["params"].update(number="081100000001"))
    yield Attempt("ticket about another number", other, submit, "fail:ticket about another")
    team = _other_team(spec["escalation"]["expected"])
    routed = _with_ticket(events, lambda t: t["params"].update(escalation=team))
    yield Attempt("routed to another team", routed, submit, "fail:ticket routed")
    for field in spec["fields"]:
        value = _wrong_value(field)
        if value is None:
            continue
        fields = _with_ticket(
            events, lambda t, f=field, v=value: t["params"]["fields"].update({f["id"]: v})
        )
        if field.get("identifies"):
            yield Attempt(
                f"identifying field {field['id']} wrong",
                fields,
                submit,
                "fail:ticket about another",
            )
        else:
            yield Attempt(f"field {field['id']} wrong", fields, submit, "pass_less")
    yield from _extra_tickets(instance, events, ticket, submit)


def _extra_tickets(
    instance: Instance, events: Events, ticket: dict[str, Any], submit: dict[str, Any]
) -> Iterator[Attempt]:
    spec = instance.key["grading"]["ticket"]
    right = {**copy.deepcopy(ticket), "detail": {"ticket_id": "IN000000002"}}
    first = {**copy.deepcopy(ticket), "detail": {"ticket_id": "IN000000001"}}
    duplicate = _renumbered([*copy.deepcopy(events), first])
    yield Attempt("duplicate ticket left open", duplicate, submit, "pass_less")
    wrong = copy.deepcopy(first)
    wrong["params"]["kip"] = _other_kip(spec["kip"])
    index = events.index(ticket)
    left_open = _renumbered(
        [*copy.deepcopy(events[:index]), wrong, right, *copy.deepcopy(events[index + 1 :])]
    )
    yield Attempt("wrong ticket left open, then the right one", left_open, submit, "pass_less")
    cancel = {
        "kind": "tool",
        "tool": "tickets",
        "operation": "tickets.cancel",
        "params": {"ticket_id": "IN000000001"},
        "status": 200,
        "detail": {"ticket_id": "IN000000001"},
    }
    fixed = _renumbered(
        [
            *copy.deepcopy(events[:index]),
            copy.deepcopy(wrong),
            cancel,
            copy.deepcopy(right),
            *copy.deepcopy(events[index + 1 :]),
        ]
    )
    yield Attempt("wrong ticket cancelled, then the right one", fixed, submit, "pass100")
    lookups = [i for i, e in enumerate(events) if e.get("kind") == "tool" and e is not ticket]
    if lookups:
        early = [e for e in events if e is not ticket]
        early.insert(lookups[0], ticket)
        yield Attempt(
            "ticket before its checks", _renumbered(copy.deepcopy(early)), submit, "pass_less"
        )


FILLED = {"serial_or_trx": "0212345678901234567890123", "msisdn": "081100000001"}


def _fake_ticket(instance: Instance) -> dict[str, Any]:
    """A complete ticket of one of the SOP's KIPs, as a trainee filing one anyway would."""
    own = [k for k in CATALOG.kips if k.sop == instance.sop] or list(CATALOG.kips)
    kip = own[0]
    fields = {f: FILLED.get(f, "lihat keterangan") for f in kip.fields}
    return {
        "kind": "tool",
        "tool": "tickets",
        "operation": "tickets.create",
        "status": 200,
        "params": {
            "ticket_type": kip.ticket_type,
            "kip": kip.code,
            "number": "081100000001",
            "customer_class": "Gold",
            "fields": fields,
        },
        "detail": {"ticket_id": "IN000000009"},
    }


def outcome_attempts(instance: Instance) -> Iterator[Attempt]:
    """The wrong resolution and escalation fail; so does doing nothing (score 0)."""
    events, submit = perfect(instance)
    yield Attempt("the key", events, submit, "pass100")
    yield Attempt("nothing done", [], submit, "zero")
    greeting = {
        "id": 2,
        "kind": "ask",
        "tool": None,
        "operation": None,
        "status": 200,
        "params": {"question": "Halo, selamat siang"},
        "detail": {"question_id": None, "question_ids": [], "answer": "Siang", "talk": "greeting"},
    }
    yield Attempt("only a greeting", [copy.deepcopy(events[0]), greeting], submit, "zero")
    grading = instance.key["grading"]
    if grading["kind"] != "case":
        return
    others = [code for code in grading["resolutions"] if code != submit["resolution"]]
    yield Attempt(
        "wrong resolution", events, {**submit, "resolution": others[0]}, "fail:wrong resolution"
    )
    want = grading["escalation"]["expected"]
    wrong_team = {**submit, "escalation": _other_team(want)}
    yield Attempt("wrong escalation", events, wrong_team, "fail:wrong escalation")
    if want:
        missing = {k: v for k, v in submit.items() if k != "escalation"}
        yield Attempt("escalation missing", events, missing, "fail:wrong escalation")


def fact_attempts(instance: Instance) -> Iterator[Attempt]:
    """Every reported fact in every accepted form passes; a wrong critical fact fails."""
    events, submit = perfect(instance)
    for spec in instance.key["grading"]["facts"]:
        for form in accepted_forms(spec["compare"], spec["expected"]):
            typed = copy.deepcopy(submit)
            typed["facts"][spec["id"]] = form
            yield Attempt(f"fact {spec['id']} as {form!r}", events, typed, "pass100")
        wrong = copy.deepcopy(submit)
        wrong["facts"][spec["id"]] = _wrong_fact(spec)
        verdict = f"fail:wrong fact: {spec['id']}" if spec.get("critical") else "pass_less"
        yield Attempt(f"fact {spec['id']} wrong", events, wrong, verdict)


def _wrong_fact(spec: dict[str, Any]) -> Any:
    compare, expected = spec["compare"], spec["expected"]
    if compare == "bool":
        return "tidak" if expected else "ya"
    if compare in ("number", "numbers"):
        return "Rp1"
    if compare in ("datetime", "datetimes"):
        return "2020-01-01 00:00"
    if compare == "bill_status":
        return "Belum Lunas" if expected == "Lunas" else "Lunas"
    return "tidak tahu"


def disclosure_attempts(instance: Instance) -> Iterator[Attempt]:
    """A question the customer already answered in the opening is not asked again: 100."""
    events, submit = perfect(instance)
    told = set(events[0]["detail"].get("disclosed") or [])
    for spec in instance.key["grading"]["questions"]:
        if spec["reveals"] and set(spec["reveals"]) <= told:
            kept = [
                e
                for e in events
                if spec["id"] not in (e.get("detail") or {}).get("question_ids", [])
            ]
            yield Attempt(f"question {spec['id']} not asked again", kept, submit, "pass100")


def advice_attempts(instance: Instance) -> Iterator[Attempt]:
    """Each forbidden advice fails, given as advice; advice that does not apply costs points."""
    events, submit = perfect(instance)
    grading = instance.key["grading"]
    forbidden = {code for m in grading["forbidden"] for code in m["detect"].get("advice_in", [])}
    for code in sorted(forbidden):
        given = {**submit, "advice": [*submit.get("advice", []), code]}
        yield Attempt(f"forbidden advice {code}", events, given, "fail:forbidden move")
    part = grading.get("advice") or {}
    due = set(part.get("required", [])) | set(
        part.get("by_resolution", {}).get(submit["resolution"], [])
    )
    stray = sorted(set(part.get("known", {})) - due - forbidden)
    if stray:
        extra = {**submit, "advice": [*submit.get("advice", []), stray[0]]}
        yield Attempt(f"advice {stray[0]} that does not apply", events, extra, "pass_less")
    for code in submit.get("advice", []):
        fewer = {**submit, "advice": [a for a in submit["advice"] if a != code]}
        yield Attempt(f"advice {code} not given", events, fewer, "pass_less")


FAMILIES = (outcome_attempts, ticket_attempts, fact_attempts, disclosure_attempts, advice_attempts)


def attempts(instance: Instance) -> Iterator[Attempt]:
    """Every attempt of every family."""
    for family in FAMILIES:
        yield from family(instance)


def violation(report: dict[str, Any], verdict: str) -> str | None:
    """Why a report breaks its verdict (None when it keeps it)."""
    score, passed = report["score"], report["passed"]
    codes = [r["code"] for r in report["fail_reasons"]]
    if verdict == "pass100":
        return None if passed and score == 100 else f"expected 100 and pass, got {score} {codes}"
    if verdict == "pass_less":
        return None if passed and score < 100 else f"expected a pass under 100, got {score} {codes}"
    if verdict == "zero":
        return None if score == 0 and not passed else f"expected 0, got {score}"
    prefix = verdict.removeprefix("fail:")
    if passed or not any(c.startswith(prefix) for c in codes):
        return f"expected a fail for {prefix!r}, got {score} passed={passed} {codes}"
    return None
