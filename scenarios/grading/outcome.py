"""Items for what the trainee concluded: resolution, escalation, reported facts."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from scenarios import values
from scenarios.grading.item import item

Key = Mapping[str, Any]


def _label(grading: Key, code: str | None, lang: str) -> str:
    entry = grading["resolutions"].get(code or "")
    return f"“{entry[lang]}”" if entry else repr(code)


def decision_item(grading: Key, submission: Mapping[str, Any]) -> dict[str, Any]:
    """The resolution (critical; whether the trace establishes it is the lookups' and
    questions' items)."""
    spec = grading["decision"]
    got, want = submission.get("resolution"), spec["resolution"]
    if got == want:
        status = "ok"
        en = f"Right resolution: {_label(grading, want, 'en')}."
        idn = f"Resolusi tepat: {_label(grading, want, 'id')}."
    else:
        status = "wrong"
        en = (
            f"Wrong resolution: you chose {_label(grading, got, 'en')}, but the SOP says "
            f"{_label(grading, want, 'en')} because: {spec['label']}."
        )
        idn = (
            f"Resolusi salah: Anda memilih {_label(grading, got, 'id')}, sesuai SOP seharusnya "
            f"{_label(grading, want, 'id')} karena {spec['label']}."
        )
    return item(
        "decision",
        "decision",
        status,
        ref=spec["ref"],
        en=en,
        idn=idn,
        evidence={"resolution": got},
        weight=grading["weights"]["decision"],
        critical=True,
    )


def same_team(a: Any, b: Any) -> bool:
    """Escalation targets compare case- and punctuation-blind (no target == no target)."""
    return values.norm(a or "") == values.norm(b or "")


def escalation_texts(want: str | None, got: str | None, where: str) -> tuple[str, str, str]:
    """(status, English, Indonesian) of an escalation target `got` where `want` is due."""
    where_id = {"submission": "", "ticket": " pada tiket"}[where]
    where_en = {"submission": "", "ticket": " on the ticket"}[where]
    if same_team(want, got):
        if want is None:
            return "ok", f"No escalation{where_en}, as the SOP says.", f"Tanpa eskalasi{where_id}."
        return "ok", f"Escalated to {want}{where_en}.", f"Eskalasi ke {want}{where_id} sudah tepat."
    if not got:
        return (
            "missed",
            f"Not escalated{where_en}; escalate to {want}.",
            (f"Belum eskalasi{where_id}; seharusnya ke {want}."),
        )
    if want is None:
        return (
            "wrong",
            f"Escalated to {got}{where_en}, but the SOP names no team here.",
            (f"Eskalasi ke {got}{where_id}, padahal SOP tidak meminta eskalasi."),
        )
    return (
        "wrong",
        f"Escalated to {got}{where_en}; the SOP says {want}.",
        (f"Eskalasi ke {got}{where_id}; sesuai SOP seharusnya ke {want}."),
    )


def escalation_item(grading: Key, submission: Mapping[str, Any]) -> dict[str, Any] | None:
    """The submission's escalation target (an item when one is expected or one was given)."""
    want = grading["escalation"]["expected"]
    got = submission.get("escalation") or None
    if want is None and got is None:
        return None
    status, en, idn = escalation_texts(want, got, "submission")
    return item(
        "escalation",
        "escalation",
        status,
        ref=grading["escalation"]["ref"],
        en=en,
        idn=idn,
        evidence={"escalation": got},
        weight=grading["weights"]["escalation"] if want else 0,
        critical=True,
    )


def _fact_item(spec: Mapping[str, Any], got: Any, weight: int, now: datetime | None) -> dict:
    nothing = spec["expected"] == [] and spec["compare"] in ("set", "datetimes", "numbers")
    if nothing and (got is None or values.same(spec["compare"], [], got, now)):
        status = "ok"
        en, idn = f"Nothing to report: {spec['label_en']}.", f"Tidak ada: {spec['label']}."
    elif got is None or (isinstance(got, str) and not got.strip()):
        status = "missed"
        en, idn = f"Not reported: {spec['label_en']}.", f"Belum dilaporkan: {spec['label']}."
    elif values.same(spec["compare"], spec["expected"], got, now):
        status = "ok"
        en, idn = f"Reported right: {spec['label_en']}.", f"Sudah benar: {spec['label']}."
    else:
        status = "wrong"
        en = f"{spec['label_en']}: you reported {got!r}; the tool shows {spec['expected']!r}."
        idn = f"{spec['label']}: dilaporkan {got!r}; di tool tertulis {spec['expected']!r}."
    return item(
        f"fact:{spec['id']}",
        "fact",
        status,
        ref=spec["ref"],
        en=en,
        idn=idn,
        evidence={"reported": got},
        weight=weight,
        critical=bool(spec.get("critical")),
    )


def fact_items(
    grading: Key, submission: Mapping[str, Any], now: datetime | None = None
) -> list[dict[str, Any]]:
    """One item per fact to report in `submission.facts` (dates read on the episode clock)."""
    reported = submission.get("facts") or {}
    if not isinstance(reported, Mapping):
        reported = {}
    weight = grading["weights"]["fact"]
    return [_fact_item(spec, reported.get(spec["id"]), weight, now) for spec in grading["facts"]]
