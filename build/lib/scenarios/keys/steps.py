"""Key steps: the requests of the required lookups, the questions, the ticket, in SOP order."""

from collections.abc import Mapping
from typing import Any

from gladi import catalog
from scenarios.expressions import literal_or_value
from scenarios.models.sop import LookupDef, Sop

Context = Mapping[str, Mapping[str, Any]]


def ref_line(ref: str) -> int:
    """The line number of a ref."""
    return int(ref.partition(":")[2])


def request_for(operation: str, params: Mapping[str, Any], body: Mapping[str, Any]) -> dict:
    """The HTTP request of an operation: path slots filled, other params as the query."""
    op = catalog.BY_NAME[operation]
    path, query = op.path, {}
    for name, value in params.items():
        slot = "{" + name + "}"
        if slot in path:
            path = path.replace(slot, str(value))
        else:
            query[name] = value
    return {"method": op.method, "path": path, "params": query, "json": dict(body) or None}


def lookup_params(lookup: LookupDef, context: Context) -> dict[str, Any]:
    """The identifier values a lookup must be made with, for this instance."""
    return {k: str(literal_or_value(v, context)) for k, v in lookup.with_.items()}


def lookup_step(lookup: LookupDef, context: Context, not_found: bool = False) -> dict[str, Any]:
    """One lookup step of the key (`expected_status` 404 when the tool finds nothing)."""
    params = lookup_params(lookup, context)
    params.update({k: str(literal_or_value(v, context)) for k, v in lookup.send.items()})
    body = {k: literal_or_value(v, context) for k, v in lookup.body.items()}
    step: dict[str, Any] = {
        "id": f"lookup:{lookup.id}",
        "kind": "lookup",
        "operation": lookup.operation,
        "request": request_for(lookup.operation, params, body),
        "sop_ref": lookup.ref,
    }
    if not_found:
        step["expected_status"] = 404
    return step


def ordered(steps: list[dict[str, Any]], sop: Sop) -> list[dict[str, Any]]:
    """Steps by SOP line, then moved so every `order` pair holds (stable)."""
    result = sorted(steps, key=lambda s: ref_line(s["sop_ref"]))
    for _ in range(len(result) + 1):
        moved = False
        for pair in sop.order:
            ids = [s["id"] for s in result]
            before, after = f"lookup:{pair.before}", f"lookup:{pair.after}"
            if before in ids and after in ids and ids.index(before) > ids.index(after):
                result.insert(ids.index(after), result.pop(ids.index(before)))
                moved = True
        if not moved:
            return result
    raise ValueError(f"{sop.id}: lookup order constraints form a cycle")
