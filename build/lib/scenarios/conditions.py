"""The condition language over facts: validate, evaluate, and test whether one can ever hold.

A condition is a mapping, all of whose entries must hold (`{}` always holds):
`fact: value` (equal), `fact: {in: [...]}`, `fact: {gt|gte|lt|lte: n}` (int facts),
`not: cond`, `all: [cond, ...]`, `any: [cond, ...]`. Nothing is ever evaluated as Python.
"""

import itertools
from collections.abc import Iterator, Mapping
from typing import Any

from scenarios.models.sop import FactDef

OPS = ("in", "gt", "gte", "lt", "lte")
LOGIC = ("all", "any", "not")
Loc = tuple[str | int, ...]
Issue = tuple[Loc, str]
_MAX_COMBINATIONS = 50_000


def _value_issue(fact: FactDef, value: Any) -> str | None:
    if fact.type == "bool" and not isinstance(value, bool):
        return f"expected true or false, got {value!r}"
    if fact.type == "int" and (isinstance(value, bool) or not isinstance(value, int)):
        return f"expected a whole number, got {value!r}"
    if fact.type in ("str", "enum") and not isinstance(value, str):
        return f"expected text, got {value!r}"
    if fact.type == "enum" and value not in (fact.values or []):
        return f"{value!r} is not one of {fact.values}"
    return None


def value_issue(fact: FactDef, value: Any) -> str | None:
    """Why `value` cannot be a value of `fact` (None if it can)."""
    return _value_issue(fact, value)


def _fact_issues(name: str, test: Any, facts: Mapping[str, FactDef], at: Loc) -> list[Issue]:
    if name not in facts:
        return [(at, f"unknown fact {name!r}; known: {', '.join(sorted(facts))}")]
    fact = facts[name]
    if not isinstance(test, dict):
        problem = _value_issue(fact, test)
        return [(at, problem)] if problem else []
    if len(test) != 1 or next(iter(test)) not in OPS:
        return [(at, f"a test is a value or one of {{{', '.join(OPS)}: ...}}")]
    op, arg = next(iter(test.items()))
    if op == "in":
        if not isinstance(arg, list) or not arg:
            return [((*at, op), "`in` needs a non-empty list")]
        return [((*at, op, i), p) for i, v in enumerate(arg) if (p := _value_issue(fact, v))]
    if fact.type != "int":
        return [((*at, op), f"`{op}` compares numbers; {name!r} is {fact.type}")]
    problem = _value_issue(fact, arg)
    return [((*at, op), problem)] if problem else []


def issues(cond: Any, facts: Mapping[str, FactDef], at: Loc = ()) -> list[Issue]:
    """Everything wrong with a condition, each with its location under `at`."""
    if not isinstance(cond, dict):
        return [(at, "a condition is a mapping, e.g. {payment_posted: true}")]
    found: list[Issue] = []
    for key, value in cond.items():
        here = (*at, key)
        if key == "not":
            found += issues(value, facts, here)
        elif key in ("all", "any"):
            if not isinstance(value, list) or not value:
                found.append((here, f"`{key}` needs a non-empty list of conditions"))
                continue
            for index, sub in enumerate(value):
                found += issues(sub, facts, (*here, index))
        else:
            found += _fact_issues(str(key), value, facts, here)
    return found


def _test(actual: Any, test: Any) -> bool:
    if not isinstance(test, dict):
        return bool(actual == test and type(actual) is type(test))
    op, arg = next(iter(test.items()))
    if op == "in":
        return any(actual == v and type(actual) is type(v) for v in arg)
    if not isinstance(actual, int) or isinstance(actual, bool):
        return False
    return {"gt": actual > arg, "gte": actual >= arg, "lt": actual < arg, "lte": actual <= arg}[op]


def holds(cond: Mapping[str, Any] | None, facts: Mapping[str, Any]) -> bool:
    """Whether `cond` holds for these fact values (None always holds)."""
    if not cond:
        return True
    for key, value in cond.items():
        if key == "not":
            ok = not holds(value, facts)
        elif key == "all":
            ok = all(holds(sub, facts) for sub in value)
        elif key == "any":
            ok = any(holds(sub, facts) for sub in value)
        else:
            ok = _test(facts.get(key), value)
        if not ok:
            return False
    return True


def referenced(cond: Any) -> set[str]:
    """The fact names a condition mentions."""
    if not isinstance(cond, dict):
        return set()
    names: set[str] = set()
    for key, value in cond.items():
        if key == "not":
            names |= referenced(value)
        elif key in ("all", "any") and isinstance(value, list):
            for sub in value:
                names |= referenced(sub)
        elif key not in LOGIC:
            names.add(str(key))
    return names


def _constants(cond: Any, name: str) -> list[Any]:
    found: list[Any] = []
    if not isinstance(cond, dict):
        return found
    for key, value in cond.items():
        if key in LOGIC:
            subs = value if isinstance(value, list) else [value]
            for sub in subs:
                found += _constants(sub, name)
        elif key == name:
            found += value.get("in", list(value.values())) if isinstance(value, dict) else [value]
    return found


def domain(name: str, fact: FactDef, cond: Any) -> list[Any]:
    """The values worth trying for `fact` when testing whether `cond` can hold."""
    if fact.type == "bool":
        return [False, True]
    if fact.type == "enum":
        return list(fact.values or [])
    consts = _constants(cond, name)
    if fact.type == "int":
        ints = {c + d for c in consts if isinstance(c, int) for d in (-1, 0, 1)}
        return sorted(ints | {0})
    return sorted({c for c in consts if isinstance(c, str)} | {"\x00other"})


def _with_derivations(cond: Any, facts: Mapping[str, FactDef]) -> Any:
    """`cond` and the definitions of the derived facts it reaches: where to find the constants
    worth trying (`has_ott: true` must try `active_count: 1` from `has_ott`'s definition)."""
    parts, todo, seen = [cond], list(referenced(cond)), set()
    while todo:
        name = todo.pop()
        if name in seen or name not in facts:
            continue
        seen.add(name)
        derived = facts[name].derived
        if derived is not None:
            parts.append(derived)
            todo += referenced(derived)
    return {"all": parts} if len(parts) > 1 else cond


def assignments(
    cond: Any, facts: Mapping[str, FactDef], derive: Any = None
) -> Iterator[dict[str, Any]]:
    """Every combination of the base facts `cond` depends on (derived facts filled by `derive`)."""
    names = sorted(base_facts(referenced(cond), facts))
    source = _with_derivations(cond, facts)
    domains = [domain(n, facts[n], source) for n in names]
    total = 1
    for values in domains:
        total *= max(len(values), 1)
    if total > _MAX_COMBINATIONS:
        return
    for combo in itertools.product(*domains):
        assigned: dict[str, Any] = dict(zip(names, combo, strict=True))
        yield derive(assigned) if derive else assigned


def base_facts(names: set[str], facts: Mapping[str, FactDef]) -> set[str]:
    """`names` with every derived fact replaced by the facts it is derived from."""
    result: set[str] = set()
    todo, seen = list(names), set()
    while todo:
        name = todo.pop()
        if name in seen or name not in facts:
            continue
        seen.add(name)
        derived = facts[name].derived
        if derived is None:
            result.add(name)
        else:
            todo += referenced(derived)
    return result


def satisfiable(cond: Any, facts: Mapping[str, FactDef], derive: Any = None) -> bool:
    """Whether some values of the facts make `cond` hold (True when too many to try)."""
    names = base_facts(referenced(cond), facts)
    source = _with_derivations(cond, facts)
    total = 1
    for n in names:
        total *= max(len(domain(n, facts[n], source)), 1)
    if total > _MAX_COMBINATIONS:
        return True
    return any(holds(cond, values) for values in assignments(cond, facts, derive))
