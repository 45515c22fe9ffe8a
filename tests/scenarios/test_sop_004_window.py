"""Windowed lookups (engine, added for SOP 004's 14-day GOL search): which ranges count."""

from pathlib import Path

import pytest
import yaml

from scenarios.grading.steps import lookup_result
from scenarios.grading.window import in_window, searched_range
from scenarios.library import load_library

WINDOW = {"covers": "2026-09-25", "today": "2026-10-15", "days": 14}
SPEC = {"operation": "dsc.gol_search", "params": {"email": "a@b.id"}, "window": WINDOW}


def _call(**params: str) -> dict:
    return {"kind": "tool", "operation": "dsc.gol_search", "status": 200, "params": params}


@pytest.mark.parametrize(
    ("params", "counts"),
    [
        ({}, False),  # the default range: 2 .. 15 October
        ({"from": "2026-09-25", "to": "2026-10-08"}, True),
        ({"date_from": "2026-09-20", "date_to": "2026-10-03"}, True),
        ({"date_from": "25-09-2026", "date_to": "25/09/2026"}, True),
        ({"date_from": "2026-09-26", "date_to": "2026-10-09"}, False),  # starts a day late
        ({"to": "2026-09-30"}, True),  # default start: 17 .. 30 September
        ({"from": "2026-09-01", "to": "2026-09-30"}, False),  # longer than the tool allows
        ({"from": "kemarin", "to": "2026-09-30"}, False),
    ],
)
def test_a_call_counts_when_its_range_holds_the_date(params: dict, counts: bool) -> None:
    assert in_window(SPEC, _call(email="a@b.id", **params)) is counts


def test_defaults_follow_the_tool() -> None:
    found = searched_range(WINDOW, {})
    assert found is not None and [str(d) for d in found] == ["2026-10-02", "2026-10-15"]
    assert searched_range(WINDOW, {"to": "bukan tanggal"}) is None


def test_lookup_status_uses_the_window() -> None:
    right = _call(email="a@b.id", date_from="2026-09-25", date_to="2026-10-08")
    assert lookup_result(SPEC, [_call(email="a@b.id")])[0] == "wrong"
    assert lookup_result(SPEC, [_call(email="a@b.id"), right])[0] == "ok"
    assert lookup_result({**SPEC, "window": None}, [_call(email="a@b.id")])[0] == "ok"


def test_a_window_naming_unknown_values_is_a_problem(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2] / "scenarios"
    sop = yaml.safe_load((root / "sops" / "sop-004.yaml").read_text(encoding="utf-8"))
    search = next(lk for lk in sop["lookups"] if lk["id"] == "search")
    search["window"]["covers"] = "world.no_such_value"
    (tmp_path / "sops").mkdir()
    (tmp_path / "sops" / "source").symlink_to(root / "sops" / "source")
    (tmp_path / "sops" / "sop-004.yaml").write_text(yaml.safe_dump(sop), encoding="utf-8")
    (tmp_path / "cases").mkdir()
    problems = load_library(tmp_path, strict=False).problems
    assert any("window.covers" in p.field and "no_such_value" in p.message for p in problems)
