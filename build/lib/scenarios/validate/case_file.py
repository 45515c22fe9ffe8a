"""Validate one case file against its SOP: facts, branches, persona templates, drill facts."""

from random import Random

from pydantic import ValidationError

from scenarios import facts as facts_mod
from scenarios.conditions import value_issue
from scenarios.decide import NoRuleApplies, covered, decide
from scenarios.materialize import module_for
from scenarios.models.case import Case
from scenarios.models.sop import Sop
from scenarios.problems import Problem
from scenarios.validate import sop_parts
from scenarios.validate.context import SopCheck, escalation_problem
from scenarios.validate.errors import problem_at, pydantic_problems
from scenarios.yamlsrc import Source

Issues = list[tuple[tuple, str]]


def _conditions(case: Case, sop: Sop, issues: Issues) -> None:
    table = facts_mod.fact_table(sop)
    for name, value in case.conditions.items():
        at = ("conditions", name)
        if name == "channel":
            issues.append((at, "the channel is the case's `channel` field"))
        elif name not in table:
            issues.append((at, f"unknown fact {name!r}; {sop.id} has {sorted(sop.facts)}"))
        elif table[name].derived is not None:
            issues.append((at, f"{name!r} is derived; set the facts it comes from instead"))
        elif problem := value_issue(table[name], value):
            issues.append((at, problem))


def _presumed(case: Case, sop: Sop, issues: Issues) -> None:
    """A case that sets a presumed fact to another value has the customer say so: the SOP
    does not have the agent ask about it (000:225)."""
    for name, value in case.conditions.items():
        fact = sop.facts.get(name)
        if fact is None or fact.presumed is None or value == fact.presumed:
            continue
        if name not in case.persona.discloses:
            issues.append(
                (
                    ("persona", "discloses"),
                    f"{name}={value!r} differs from what the SOP presumes ({fact.presumed!r}): "
                    f"the opening must say so and list {name!r} in `discloses`",
                )
            )


def _outcome(case: Case, sop: Sop, issues: Issues) -> None:
    values = facts_mod.resolve(sop, case.conditions, case.channel, Random(0))
    try:
        decision = decide(sop, values)
    except NoRuleApplies as exc:
        issues.append((("conditions",), f"impossible case: {exc}"))
        return
    for index, branch_id in enumerate(case.covers):
        if not covered(sop, branch_id, values, decision):
            issues.append(
                (
                    ("covers", index),
                    f"the case's facts do not go down branch {branch_id!r} "
                    f"(rule {decision.rule.id!r} applies)",
                )
            )


def _persona(case: Case, sop: Sop, check: SopCheck) -> None:
    sop_parts.check_template(check, case.persona.opening, ("persona", "opening"))
    for qid, answer in case.persona.knows.items():
        if sop.question(qid) is None:
            check.add(("persona", "knows", qid), f"{sop.id} has no question {qid!r}")
        else:
            sop_parts.check_answer(check, answer, ("persona", "knows", qid))
    for index, qid in enumerate(case.persona.does_not_know):
        if sop.question(qid) is None:
            check.add(("persona", "does_not_know", index), f"{sop.id} has no question {qid!r}")
    for index, name in enumerate(case.persona.discloses):
        fact = sop.facts.get(name)
        at = ("persona", "discloses", index)
        if fact is None:
            check.add(at, f"{sop.id} has no fact {name!r}")
        elif fact.source is None or fact.source.question is None:
            check.add(at, f"{name!r} is established by a lookup or the case, not by the customer")


def _drill(case: Case, sop: Sop, issues: Issues) -> None:
    known = {r.id for r in sop.report_facts}
    for index, item in enumerate(case.report_facts):
        if item.fact not in known:
            issues.append(
                (
                    ("report_facts", index, "fact"),
                    f"{sop.id} reports no fact {item.fact!r}; it has {sorted(known)}",
                )
            )
        if sop.lookup(item.lookup) is None:
            issues.append((("report_facts", index, "lookup"), f"no lookup {item.lookup!r}"))


def _semantic(case: Case, sop: Sop) -> Issues:
    issues: Issues = []
    branch_ids = {b.id for b in sop.branches}
    for index, branch_id in enumerate(case.covers):
        if branch_id not in branch_ids:
            issues.append((("covers", index), f"{sop.id} has no branch {branch_id!r}"))
    _conditions(case, sop, issues)
    _presumed(case, sop, issues)
    if case.overrides is not None:
        if case.overrides.resolution and case.overrides.resolution not in {
            r.code for r in sop.resolutions
        }:
            issues.append((("overrides", "resolution"), "unknown resolution"))
        if case.overrides.escalation and (p := escalation_problem(case.overrides.escalation)):
            issues.append((("overrides", "escalation"), p))
    if case.kind == "drill":
        _drill(case, sop, issues)
    if not issues and case.kind == "case":
        _outcome(case, sop, issues)
    module = module_for(sop.id)
    check = SopCheck(sop=sop, names=module.NAMES if module else None)
    _persona(case, sop, check)
    return issues + check.issues


def validate_case(src: Source, sops: dict[str, Sop]) -> tuple[Case | None, list[Problem]]:
    """The case model if the file has no problem, and every problem found."""
    if not isinstance(src.data, dict):
        return None, [problem_at(src, (), "a case file is a mapping (id, sop, title, ...)")]
    try:
        case = Case.model_validate(src.data)
    except ValidationError as exc:
        return None, pydantic_problems(src, exc)
    problems = [problem_at(src, loc, f"duplicate key {loc[-1]!r}") for loc, _ in src.duplicates]
    if src.path.stem != case.id:
        problems.append(problem_at(src, ("id",), f"file name must be {case.id}.yaml (stem == id)"))
    sop = sops.get(case.sop)
    if sop is None:
        problems.append(
            problem_at(
                src,
                ("sop",),
                f"unknown SOP {case.sop!r} (or its file has errors); known: {sorted(sops)}",
            )
        )
        return None, problems
    problems += [problem_at(src, loc, message) for loc, message in _semantic(case, sop)]
    return (None if problems else case), problems
