"""Aggregate assessment results: pass rate, pass^k, per SOP and per item kind; JUnit XML."""

from collections import defaultdict
from typing import Any
from xml.etree import ElementTree as ET

from gladi.assess.runner import EpisodeResult


def summarize(results: list[EpisodeResult], seeds: int) -> dict[str, Any]:
    """{"episodes","passed","pass_rate","pass_hat_k","by_sop","by_item","errors"}."""
    passed = sum(r.passed for r in results)
    by_scenario: dict[str, list[bool]] = defaultdict(list)
    by_sop: dict[str, dict[str, Any]] = defaultdict(lambda: {"episodes": 0, "passed": 0})
    by_item: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"ok": 0, "missed": 0, "wrong": 0, "extra": 0}
    )
    for r in results:
        by_scenario[r.scenario].append(r.passed)
        by_sop[r.sop]["episodes"] += 1
        by_sop[r.sop]["passed"] += int(r.passed)
        for item in r.items:
            by_item[item["kind"]][item["status"]] = by_item[item["kind"]].get(item["status"], 0) + 1
    for stats in by_sop.values():
        stats["pass_rate"] = round(stats["passed"] / stats["episodes"], 4)
    for stats in by_item.values():
        total = sum(stats.values())
        stats["total"] = total
        stats["ok_rate"] = round(stats["ok"] / total, 4) if total else 0.0
    all_k = [all(v) and len(v) == seeds for v in by_scenario.values()]
    return {
        "episodes": len(results),
        "passed": passed,
        "pass_rate": round(passed / len(results), 4) if results else 0.0,
        "pass_hat_k": round(sum(all_k) / len(all_k), 4) if all_k else 0.0,
        "k": seeds,
        "by_sop": dict(sorted(by_sop.items())),
        "by_item": dict(sorted(by_item.items())),
        "errors": [
            {"scenario": r.scenario, "seed": r.seed, "error": r.error} for r in results if r.error
        ],
    }


def junit(results: list[EpisodeResult]) -> bytes:
    """One testcase per episode (classname = SOP); failures carry the missed/wrong items."""
    suite = ET.Element(
        "testsuite",
        name="gladi-assess",
        tests=str(len(results)),
        failures=str(sum(not r.passed and not r.error for r in results)),
        errors=str(sum(bool(r.error) for r in results)),
    )
    for r in results:
        case = ET.SubElement(
            suite, "testcase", classname=r.sop, name=f"{r.scenario}[seed={r.seed}]"
        )
        if r.error:
            ET.SubElement(case, "error", message=r.error)
        elif not r.passed:
            bad = [f"{i['kind']}:{i['id']}={i['status']}" for i in r.items if i["status"] != "ok"]
            ET.SubElement(case, "failure", message=f"score {r.score}").text = "\n".join(bad)
    return ET.tostring(suite, encoding="utf-8", xml_declaration=True)
