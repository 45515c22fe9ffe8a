"""Checks of a SOP's advice vocabulary and where it is used, and of presumed fact values."""

from scenarios.validate.context import SopCheck


def check_advice(check: SopCheck) -> None:
    """Advice codes are unique and known wherever resolutions, rules or forbidden moves name
    them; a presumed value is a valid value of its fact."""
    sop = check.sop
    known: set[str] = set()
    for index, advice in enumerate(sop.advice):
        if advice.code in known:
            check.add(("advice", index, "code"), f"duplicate advice code {advice.code!r}")
        known.add(advice.code)
    hint = f"one of the SOP's advice codes {sorted(known)}"
    for index, resolution in enumerate(sop.resolutions):
        for i, code in enumerate(resolution.advises):
            if code not in known:
                check.add(("resolutions", index, "advises", i), f"unknown advice {code!r}; {hint}")
    for index, rule in enumerate(sop.decision):
        for i, entry in enumerate(rule.advice):
            code = entry if isinstance(entry, str) else entry.code
            at = ("decision", index, "advice", i)
            if code not in known:
                check.add(at, f"unknown advice {code!r}; {hint}")
            if not isinstance(entry, str):
                check.condition(entry.when, (*at, "when"))
    for index, move in enumerate(sop.forbidden):
        for i, code in enumerate(move.detect.advice_in or []):
            if code not in known:
                check.add(
                    ("forbidden", index, "detect", "advice_in", i), f"unknown advice {code!r}"
                )
    _check_presumed(check)


def _check_presumed(check: SopCheck) -> None:
    from scenarios.conditions import value_issue

    for name, fact in check.sop.facts.items():
        if fact.presumed is None:
            continue
        at = ("facts", name, "presumed")
        if fact.derived is not None:
            check.add(at, "a derived fact cannot be presumed; presume the facts it comes from")
        elif problem := value_issue(check.facts[name], fact.presumed):
            check.add(at, problem)
