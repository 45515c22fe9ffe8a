"""Checks of a SOP's decision, KIPs, ticket checks, reported facts, forbidden moves, branches."""

from mocks.tickets.catalog import CATALOG
from scenarios.facts import decision_facts
from scenarios.validate.context import (
    REGEX_NAMES,
    SopCheck,
    escalation_problem,
    kip_problem,
    operations_matching,
)


def check_decision(check: SopCheck) -> None:
    """Rules: conditions, resolutions, escalations, tickets; KIP choices."""
    sop = check.sop
    codes = {r.code for r in sop.resolutions}
    seen: set[str] = set()
    for index, rule in enumerate(sop.decision):
        at = ("decision", index)
        if rule.id in seen:
            check.add((*at, "id"), f"duplicate rule id {rule.id!r}")
        seen.add(rule.id)
        check.condition(rule.when, (*at, "when"))
        if rule.resolution not in codes:
            check.add((*at, "resolution"), f"unknown resolution {rule.resolution!r}")
        if rule.escalation and (problem := escalation_problem(rule.escalation)):
            check.add((*at, "escalation"), problem)
        if rule.ticket is None:
            continue
        if rule.ticket.kip == "auto":
            if not sop.kips:
                check.add((*at, "ticket", "kip"), "`auto` needs the SOP's `kips` list")
        elif problem := kip_problem(rule.ticket.kip, sop.id):
            check.add((*at, "ticket", "kip"), problem)
    for index, choice in enumerate(sop.kips):
        check.condition(choice.when, ("kips", index, "when"))
        if problem := kip_problem(choice.kip, sop.id):
            check.add(("kips", index, "kip"), problem)
    for name in sorted(decision_facts(sop)):
        fact = check.facts.get(name)
        if fact is not None and fact.default is None and name != "channel":
            check.add(("facts", name), "decisions depend on this fact, so it needs a default")


def reachable_kips(check: SopCheck) -> list[str]:
    """KIP codes a ticket of this SOP can get."""
    codes = [c.kip for c in check.sop.kips]
    codes += [r.ticket.kip for r in check.sop.decision if r.ticket and r.ticket.kip != "auto"]
    return list(dict.fromkeys(codes))


def check_tickets(check: SopCheck) -> None:
    """Every mandatory field of every reachable KIP has a check, and each check is sound."""
    sop = check.sop
    if reachable_kips(check) and sop.ticket_form is None:
        check.add(("ticket_form",), "rules file tickets: say how to fill number and class")
    if sop.ticket_form is not None:
        check.expression(sop.ticket_form.number, ("ticket_form", "number"), literal_ok=True)
        check.expression(
            sop.ticket_form.customer_class, ("ticket_form", "customer_class"), literal_ok=True
        )
    for field_id, spec in sop.ticket_checks.items():
        at = ("ticket_checks", field_id)
        if field_id not in CATALOG.fields:
            check.add(at, f"unknown ticket field {field_id!r}; see kip_catalog.yaml")
        kind = spec.kind
        if kind in ("equals", "contains", "date_of", "all_of", "amount"):
            check.expression(getattr(spec, kind), (*at, kind))
        if kind == "matches" and spec.matches not in REGEX_NAMES:
            check.add((*at, "matches"), f"unknown regex {spec.matches!r}; one of {REGEX_NAMES}")
        if kind in ("nonempty", "matches", "one_of") and spec.value is None:
            check.add(at, f"a `{kind}` check needs `value` (what the answer key writes)")
        if spec.value is not None:
            check.expression(spec.value, (*at, "value"), literal_ok=True)
    for code in reachable_kips(check):
        kip = CATALOG.kip(code)
        if kip is None:
            continue
        missing = [f for f in kip.fields if f not in sop.ticket_checks]
        if missing:
            check.add(("ticket_checks",), f"KIP {code} needs checks for fields {missing}")


def check_reports(check: SopCheck) -> None:
    """Reported facts; forbidden moves."""
    sop = check.sop
    for index, item in enumerate(sop.report_facts):
        at = ("report_facts", index)
        check.expression(item.expr, (*at, "expr"))
        if sop.lookup(item.lookup) is None:
            check.add((*at, "lookup"), f"no lookup {item.lookup!r}")
        if item.when is not None:
            check.condition(item.when, (*at, "when"))
    codes = {r.code for r in sop.resolutions}
    for index, move in enumerate(sop.forbidden):
        at = ("forbidden", index)
        if move.when is not None:
            check.condition(move.when, (*at, "when"))
        detect = move.detect
        for i, code in enumerate(detect.resolution_in or []):
            if code not in codes:
                check.add((*at, "detect", "resolution_in", i), f"unknown resolution {code!r}")
        for i, pattern in enumerate(detect.operation_in or []):
            if not operations_matching(pattern):
                check.add((*at, "detect", "operation_in", i), f"{pattern!r} matches nothing")
        reported = {r.id for r in sop.report_facts}
        if detect.fact_in is not None and detect.fact_in.fact not in reported:
            check.add((*at, "detect", "fact_in", "fact"), "not one of the SOP's report_facts")
        if detect.ticket_field is not None:
            if detect.ticket_field.field not in CATALOG.fields:
                check.add((*at, "detect", "ticket_field", "field"), "unknown ticket field")
            if detect.ticket_field.not_matches not in REGEX_NAMES:
                check.add((*at, "detect", "ticket_field", "not_matches"), "unknown regex name")


def check_branches(check: SopCheck) -> None:
    """Branch ids, rules, conditions and KIPs."""
    sop = check.sop
    seen: set[str] = set()
    kips = reachable_kips(check)
    for index, branch in enumerate(sop.branches):
        at = ("branches", index)
        if branch.id in seen:
            check.add((*at, "id"), f"duplicate branch id {branch.id!r}")
        seen.add(branch.id)
        if branch.rule is not None and sop.rule(branch.rule) is None:
            check.add((*at, "rule"), f"no decision rule {branch.rule!r}")
        if branch.when is not None:
            check.condition(branch.when, (*at, "when"))
        if branch.kip is not None and branch.kip not in kips:
            check.add((*at, "kip"), f"no rule of this SOP files a ticket with KIP {branch.kip!r}")
