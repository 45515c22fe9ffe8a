"""hint(key, events): the SOP passage for the next required step not done yet."""

from collections.abc import Mapping, Sequence
from typing import Any

from scenarios.grading import events as ev
from scenarios.grading.steps import lookup_result


def _done(step: Mapping[str, Any], grading: Mapping[str, Any], events: Sequence[ev.Event]) -> bool:
    kind, name = step["kind"], step["id"].partition(":")[2]
    if kind == "lookup":
        spec = next((s for s in grading["lookups"] if s["id"] == name), None)
        return spec is None or lookup_result(spec, events)[0] == "ok"
    if kind == "question":
        return bool(ev.asked(events, name))
    return bool(ev.tickets(events))


def _what(step: Mapping[str, Any], grading: Mapping[str, Any]) -> str:
    if step["kind"] == "question":
        return "Tanyakan ke pelanggan: " + step["question"]
    if step["kind"] == "action":
        return "Buat tiket dengan KIP yang sesuai dan field mandatory-nya."
    name = step["id"].partition(":")[2]
    spec: Mapping[str, Any] = next((s for s in grading["lookups"] if s["id"] == name), {})
    return "Lakukan pengecekan: " + str(spec.get("label", step.get("operation")))


def hint(key: Mapping[str, Any], events: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """{step_id, sop_ref, passage, what}; step_id 'submit' once every step is done."""
    grading = key["grading"]
    passages = grading["passages"]
    for step in key["steps"]:
        if not _done(step, grading, events):
            ref = step.get("sop_ref")
            return {
                "step_id": step["id"],
                "sop_ref": ref,
                "passage": passages.get(ref, ""),
                "what": _what(step, grading),
            }
    if grading["kind"] == "drill":
        ref = grading["facts"][0]["ref"] if grading["facts"] else None
        what = "Laporkan fakta yang diminta di submission.facts."
    else:
        ref = grading["decision"]["ref"]
        what = "Semua langkah sudah dilakukan: tentukan resolusi sesuai SOP."
    return {"step_id": "submit", "sop_ref": ref, "passage": passages.get(ref, ""), "what": what}
