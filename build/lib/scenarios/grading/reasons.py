"""Why an attempt fails, in plain words (English and Indonesian), each naming its SOP line.

Every critical item not done right is a reason; a trainee reads `en` or `id`, scripts match the
stable `code` (`wrong resolution`, `forbidden move: <id>`, `not established: lookup:<id>` ...).
"""

from collections.abc import Mapping
from typing import Any

from scenarios.grading.item import fails


def _code(entry: Mapping[str, Any]) -> str | None:
    kind, item_id, status = entry["kind"], entry["id"], entry["status"]
    if kind == "decision":
        return "wrong resolution" if status == "wrong" else None
    if item_id == "escalation":
        return "wrong escalation"
    if item_id == "ticket_escalation":
        return "ticket routed to another team"
    if kind == "forbidden":
        return "forbidden move: " + item_id.removeprefix("forbidden:")
    if kind == "fact":
        return f"{status} fact: " + item_id.removeprefix("fact:")
    if kind in ("lookup", "question"):
        return "not established: " + item_id
    if item_id == "ticket":
        return "no ticket"
    if item_id == "kip":
        return "wrong KIP" if status == "wrong" else None
    if item_id == "ticket_number":
        return "ticket about another customer: number"
    if kind == "ticket_field":
        return "ticket about another customer: " + item_id.removeprefix("ticket_field:")
    return f"{status}: {item_id}"


def _where(ref: str | None, lang: str) -> str:
    if not ref:
        return ""
    sop, _, line = ref.partition(":")
    return f" (SOP {sop}, line {line})" if lang == "en" else f" (SOP {sop}, baris {line})"


def fail_reasons(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One reason per failing critical item, in item order."""
    reasons = []
    for entry in items:
        if not fails(entry):
            continue
        code = _code(entry)
        if code is None:
            continue
        reasons.append(
            {
                "code": code,
                "item": entry["id"],
                "sop_ref": entry["sop_ref"],
                "en": entry["message"] + _where(entry["sop_ref"], "en"),
                "id": entry["pesan"] + _where(entry["sop_ref"], "id"),
            }
        )
    return reasons


NOTHING_DONE = {
    "code": "nothing done",
    "item": None,
    "sop_ref": None,
    "en": "Nothing was looked up and no SOP question was asked: there is nothing to grade.",
    "id": "Tidak ada pengecekan dan tidak ada pertanyaan SOP: tidak ada yang bisa dinilai.",
}
