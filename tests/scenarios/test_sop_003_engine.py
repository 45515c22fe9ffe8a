"""Engine additions made for SOP 003: list comparisons, critical facts, drill logins, and
satisfiability of conditions on derived facts built from whole numbers."""

from typing import Any

import pytest

from scenarios import conditions, values
from scenarios.facts import with_derived
from scenarios.grading.grader import grade
from scenarios.keys.build import WEIGHTS
from scenarios.keys.parts import needs
from scenarios.library import load_library
from scenarios.models.case import Case
from scenarios.models.sop import FactDef
from tests.scenarios.conftest import SCENARIOS
from tests.scenarios.helpers import codes

LIB = load_library(SCENARIOS, strict=False)


@pytest.mark.parametrize(
    ("expected", "actual", "same"),
    [
        (["2026-09-01 00:04:25", "2026-09-01 00:07:10"], "2026-09-01 00:07, 1-9-2026 00.04", True),
        (["2026-09-01 00:04:25"], ["2026-09-01 00:04:59"], True),
        (["2026-09-01 00:04:25"], "2026-09-01 00:05", False),
        (["2026-09-01 00:04:25", "2026-09-01 00:07:10"], "2026-09-01 00:04", False),
        (["2026-09-01 00:04:25"], "kemarin", False),
        ([], "", True),
        (
            ["2026-09-01 00:04:25", "2026-09-01 00:07:10"],
            str(["2026-09-01 00:07", "2026-09-01 00:04"]),
            True,
        ),
    ],
)
def test_datetimes_compare_each_item_to_the_minute(expected: Any, actual: Any, same: bool) -> None:
    assert values.same("datetimes", expected, actual) is same


@pytest.mark.parametrize(
    ("expected", "actual", "same"),
    [
        ([29000, 35000], "Rp35.000 dan 29.000,00", True),
        ([29000, 35000], [35000, "29000"], True),
        ([29000, 29000], "29000", False),
        ([29000, 29000], "29.000; 29.000", True),
        ([29000], "dua puluh sembilan ribu", False),
        ([29000, 35000], str([35000, 29000]), True),
    ],
)
def test_numbers_compare_as_a_multiset(expected: Any, actual: Any, same: bool) -> None:
    assert values.same("numbers", expected, actual) is same


def test_lists_are_displayed_sorted() -> None:
    assert values.display("datetimes", ["2026-09-01 00:07:10", "2026-08-01 00:04:25"]) == [
        "2026-08-01 00:04",
        "2026-09-01 00:07",
    ]
    assert values.display("numbers", [35000, 29000]) == [29000, 35000]


def _key(critical: bool) -> dict[str, Any]:
    fact = {
        "id": "status",
        "label": "Status",
        "label_en": "Status",
        "compare": "text",
        "expected": "Active",
        "lookup": "look",
        "ref": "003:106",
    }
    if critical:
        fact["critical"] = True
    return {
        "grading": {
            "version": 1,
            "kind": "drill",
            "pass_score": 70,
            "weights": dict(WEIGHTS),
            "lookups": [
                {
                    "id": "look",
                    "operation": "upoint.subscriptions",
                    "label": "L",
                    "params": {},
                    "ref": "003:56",
                }
            ],
            "questions": [],
            "order": [],
            "facts": [fact, dict(fact, id="other", critical=False, expected="x")],
            "forbidden": [],
            "wrong_operations": [],
            "ticket": None,
        }
    }


EVENTS = [{"id": 1, "kind": "tool", "operation": "upoint.subscriptions", "params": {}}]


@pytest.mark.parametrize("critical", [True, False])
def test_a_wrong_critical_fact_fails_whatever_the_score(critical: bool) -> None:
    report = grade(EVENTS, {"facts": {"status": "Inactive", "other": "x"}}, _key(critical))
    assert report["score"] == 67
    assert ("wrong fact: status" in codes(report)) is critical
    report = grade(EVENTS, {"facts": {"other": "x"}}, _key(critical))
    assert ("missed fact: status" in codes(report)) is critical
    report = grade(EVENTS, {"facts": {"status": "active", "other": "x"}}, _key(critical))
    assert report["passed"] and report["score"] == 100


def test_a_drill_on_a_tool_with_a_login_requires_the_login() -> None:
    sop = LIB.sops["sop-003"]
    context = {"customer": {}, "world": {"period_unpaid": 0, "last_charge_price": 0}, "facts": {}}
    got = [lk.id for lk in needs(sop, _drill("period_unpaid", "epayment"), {}, context).lookups]
    assert got == ["epayment"]
    drill = _drill("last_charge_price", "transactions")
    got = [lk.id for lk in needs(sop, drill, {}, context).lookups]
    assert got == ["upoint_login", "transactions"]


def _drill(fact: str, lookup: str) -> Case:
    return Case.model_validate(
        {
            "id": "d",
            "sop": "sop-003",
            "title": "t",
            "difficulty": 1,
            "channel": "chat",
            "kind": "drill",
            "goal": "g",
            "report_facts": [{"fact": fact, "lookup": lookup}],
            "persona": {"opening": "Halo"},
        }
    )


def test_a_condition_on_a_derived_fact_tries_the_constants_it_is_derived_from() -> None:
    facts = {
        "count": FactDef(type="int", default=1, label="n", ref="003:1"),
        "some": FactDef(type="bool", derived={"count": {"gte": 1}}, label="s", ref="003:1"),
    }
    derive = lambda v: with_derived(facts, v)  # noqa: E731
    assert conditions.satisfiable({"some": True}, facts, derive)
    assert conditions.satisfiable({"some": False}, facts, derive)
    assert not conditions.satisfiable({"some": True, "count": 0}, facts, derive)
