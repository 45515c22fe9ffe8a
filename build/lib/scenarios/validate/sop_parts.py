"""Checks of a SOP's facts, lookups, order, questions and resolutions."""

import re

from gladi import catalog
from scenarios import expressions
from scenarios.facts import derived_order
from scenarios.models.sop import AnswerBy
from scenarios.understanding.normalize import text_words
from scenarios.validate.context import SopCheck, operation_problem, operations_matching


def _unique(check: SopCheck, section: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if item_id in seen:
            check.add((section, index, "id"), f"duplicate id {item_id!r}")
        seen.add(item_id)


def check_facts(check: SopCheck) -> None:
    """Types, values, defaults, sources and derivations of the facts."""
    sop = check.sop
    for name, fact in sop.facts.items():
        at = ("facts", name)
        if name in ("channel",):
            check.add(at, f"{name!r} is an implicit fact (the case's channel); pick another name")
        if fact.type == "enum" and not fact.values:
            check.add((*at, "type"), "an enum fact needs `values`")
        if fact.type != "enum" and fact.values is not None:
            check.add((*at, "values"), "only enum facts have `values`")
        if fact.derived is not None:
            if fact.type != "bool":
                check.add((*at, "derived"), "only bool facts can be derived")
            if fact.source is not None or fact.default is not None:
                check.add((*at, "derived"), "a derived fact has no source and no default")
            check.condition(fact.derived, (*at, "derived"))
            continue
        if fact.source is None:
            check.add(at, "say what establishes the fact: source: {lookup|question|case}")
        elif fact.source.lookup and sop.lookup(fact.source.lookup) is None:
            check.add((*at, "source", "lookup"), f"no lookup {fact.source.lookup!r}")
        elif fact.source.question and sop.question(fact.source.question) is None:
            check.add((*at, "source", "question"), f"no question {fact.source.question!r}")
        if fact.default is not None:
            problem = _default_problem(check, name, fact.default)
            if problem:
                check.add((*at, "default"), problem)
    try:
        derived_order(check.facts)
    except ValueError as exc:
        check.add(("facts",), str(exc))


def _default_problem(check: SopCheck, name: str, value: object) -> str | None:
    from scenarios.conditions import value_issue

    return value_issue(check.facts[name], value)


def check_lookups(check: SopCheck) -> None:
    """Operations, identifiers, conditions, order and wrong lookups."""
    sop = check.sop
    _unique(check, "lookups", [lk.id for lk in sop.lookups])
    for index, lookup in enumerate(sop.lookups):
        at = ("lookups", index)
        problem = operation_problem(lookup.operation)
        if problem:
            check.add((*at, "operation"), problem)
            continue
        path = catalog.BY_NAME[lookup.operation].path
        for slot in re.findall(r"\{(\w+)\}", path):
            if slot not in lookup.with_:
                check.add((*at, "with"), f"{lookup.operation} needs `{slot}` (it is in {path})")
        for param, value in lookup.with_.items():
            check.expression(value, (*at, "with", param))
        for param, value in lookup.body.items():
            check.expression(value, (*at, "body", param), literal_ok=True)
        for param, value in lookup.send.items():
            check.expression(value, (*at, "send", param), literal_ok=True)
            if param in lookup.with_ or "{" + param + "}" in path:
                check.add((*at, "send", param), "a sent-only parameter cannot be in `with`/path")
        if lookup.when is not None:
            check.condition(lookup.when, (*at, "when"))
        if lookup.not_found_when is not None:
            check.condition(lookup.not_found_when, (*at, "not_found_when"))
        if lookup.window is not None:
            check.expression(lookup.window.covers, (*at, "window", "covers"))
            check.expression(lookup.window.today, (*at, "window", "today"))
        if lookup.not_found_when is not None:
            check.condition(lookup.not_found_when, (*at, "not_found_when"))
    _check_order_and_extras(check)


def _check_order_and_extras(check: SopCheck) -> None:
    sop = check.sop
    ids = {lk.id for lk in sop.lookups}
    for index, pair in enumerate(sop.order):
        for side in ("before", "after"):
            if getattr(pair, side) not in ids:
                check.add(("order", index, side), f"no lookup {getattr(pair, side)!r}")
    for index, optional in enumerate(sop.optional_lookups):
        if optional.operation and (problem := operation_problem(optional.operation)):
            check.add(("optional_lookups", index, "operation"), problem)
    required_ops = {lk.operation for lk in sop.lookups}
    for index, pattern in enumerate(sop.wrong_lookups):
        matched = operations_matching(pattern)
        if not matched:
            check.add(("wrong_lookups", index), f"{pattern!r} matches no catalog operation")
        clash = sorted(set(matched) & required_ops)
        if clash:
            check.add(("wrong_lookups", index), f"{pattern!r} matches required lookups {clash}")


def check_questions(check: SopCheck) -> None:
    """Ids, revealed facts, required conditions and answer templates."""
    sop = check.sop
    _unique(check, "questions", [q.id for q in sop.questions])
    for index, question in enumerate(sop.questions):
        at = ("questions", index)
        for i, name in enumerate(question.reveals):
            if name not in check.facts:
                check.add((*at, "reveals", i), f"unknown fact {name!r}")
        if isinstance(question.required, dict):
            check.condition(question.required, (*at, "required"))
        if question.answer is not None:
            check_answer(check, question.answer, (*at, "answer"))
    check_banks(check)
    _unique(check, "resolutions", [r.code for r in sop.resolutions])


def check_banks(check: SopCheck) -> None:
    """A phrasing (keyword, text) written the same in two questions' banks is a Problem: the
    customer could not tell which question it asks."""
    owner: dict[str, str] = {}
    for index, question in enumerate(check.sop.questions):
        texts: list[tuple[tuple[str | int, ...], str]] = [
            (("text",), question.text),
            (("text_en",), question.text_en),
        ]
        texts += [(("keywords", i), k) for i, k in enumerate(question.keywords)]
        texts += [(("phrasings", i), p) for i, p in enumerate(question.phrasings)]
        for where, text in texts:
            first = owner.setdefault(" ".join(text_words(text)), question.id)
            if first != question.id:
                check.add(
                    ("questions", index, *where),
                    f"{text!r} is also in the bank of question {first!r}",
                )


def check_answer(check: SopCheck, answer: str | AnswerBy, at: tuple) -> None:
    """An answer template, or a by-fact set of templates covering every value."""
    if isinstance(answer, str):
        check_template(check, answer, at)
        return
    fact = check.facts.get(answer.by)
    if fact is None:
        check.add((*at, "by"), f"unknown fact {answer.by!r}")
        return
    wanted = {"true", "false"} if fact.type == "bool" else {str(v) for v in fact.values or []}
    missing = sorted(wanted - set(answer.values)) if wanted else []
    if missing:
        check.add((*at, "values"), f"no answer for {answer.by} = {missing}")
    for key, text in answer.values.items():
        if wanted and key not in wanted:
            check.add((*at, "values", key), f"{key!r} is not a value of {answer.by}")
        check_template(check, text, (*at, "values", key))


def check_template(check: SopCheck, text: str, at: tuple) -> None:
    """Placeholders must be plain names the materializer offers."""
    try:
        names = expressions.placeholders(text)
    except ValueError as exc:
        check.add(at, str(exc))
        return
    if check.names is None:
        return
    known = check.names.template_names()
    for name in names:
        if name not in known:
            check.add(at, f"unknown placeholder {{{name}}}; known: {', '.join(sorted(known))}")
