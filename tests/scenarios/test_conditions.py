"""The condition language: validation, evaluation, contradictions."""

from scenarios import conditions
from scenarios.facts import with_derived
from scenarios.models.sop import FactDef, FactSource

SRC = FactSource(case=True)
FACTS = {
    "posted": FactDef(type="bool", default=True, source=SRC, label="x", ref="001:15"),
    "status": FactDef(
        type="enum", values=["A", "B", "C"], default="A", source=SRC, label="x", ref="001:15"
    ),
    "hours": FactDef(type="int", default=0, source=SRC, label="x", ref="001:15"),
    "blocked": FactDef(type="bool", derived={"status": "B"}, label="x", ref="001:15"),
}


def derive(values: dict) -> dict:
    return with_derived(FACTS, values)


def test_valid_conditions_have_no_issues() -> None:
    cond = {
        "all": [{"posted": True}, {"status": {"in": ["A", "B"]}}],
        "any": [{"hours": {"gt": 24}}, {"not": {"blocked": True}}],
    }
    assert conditions.issues(cond, FACTS) == []


def test_unknown_fact_wrong_type_and_bad_enum_value_are_located() -> None:
    found = dict(
        conditions.issues(
            {"all": [{"paid": True}, {"posted": "yes"}, {"status": "Z"}, {"hours": {"gt": "x"}}]},
            FACTS,
        )
    )
    assert "unknown fact 'paid'" in found[("all", 0, "paid")]
    assert "true or false" in found[("all", 1, "posted")]
    assert "not one of" in found[("all", 2, "status")]
    assert "whole number" in found[("all", 3, "hours", "gt")]


def test_numeric_operators_only_on_int_facts() -> None:
    found = conditions.issues({"status": {"gt": 1}}, FACTS)
    assert found and "compares numbers" in found[0][1]


def test_bad_shapes() -> None:
    assert conditions.issues([], FACTS)
    assert conditions.issues({"all": []}, FACTS)
    assert conditions.issues({"status": {"in": []}}, FACTS)
    assert conditions.issues({"status": {"like": "A"}}, FACTS)


def test_holds() -> None:
    facts = {"posted": True, "status": "B", "hours": 30, "blocked": True}
    assert conditions.holds({"posted": True, "status": {"in": ["B"]}}, facts)
    assert conditions.holds({"hours": {"gte": 30}}, facts)
    assert not conditions.holds({"hours": {"lt": 30}}, facts)
    assert conditions.holds({"not": {"status": "A"}}, facts)
    assert conditions.holds({"any": [{"status": "A"}, {"posted": True}]}, facts)
    assert not conditions.holds({"all": [{"status": "A"}, {"posted": True}]}, facts)
    assert conditions.holds({}, facts) and conditions.holds(None, facts)


def test_bool_and_int_are_not_confused() -> None:
    assert not conditions.holds({"hours": 1}, {"hours": True})
    assert not conditions.holds({"posted": True}, {"posted": 1})


def test_contradictions_are_found_also_through_derived_facts() -> None:
    assert not conditions.satisfiable({"all": [{"posted": True}, {"posted": False}]}, FACTS)
    assert not conditions.satisfiable({"status": "A", "blocked": True}, FACTS, derive)
    assert conditions.satisfiable({"status": "B", "blocked": True}, FACTS, derive)
    assert not conditions.satisfiable({"hours": {"gt": 5}, "all": [{"hours": {"lt": 3}}]}, FACTS)


def test_referenced_and_base_facts() -> None:
    cond = {"not": {"blocked": True}, "any": [{"posted": False}]}
    assert conditions.referenced(cond) == {"blocked", "posted"}
    assert conditions.base_facts({"blocked"}, FACTS) == {"status"}
