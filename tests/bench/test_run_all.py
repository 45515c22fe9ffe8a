"""bench.run_all: figures of a script whose target is unmet still reach RESULTS.md."""

from bench.run_all import render, run_one


def test_unmet_target_keeps_the_figures_and_says_not_met() -> None:
    figures, _tail, _seconds = run_one(["tests.bench.fake_bench", "unmet"])
    assert figures is not None and figures["req_per_s"] == 4321
    page = render(
        [{"title": "Lookups", "argv": ["x"], "figures": figures, "tail": "", "seconds": 1.0}],
        {"cores": "2"},
    )
    assert "NOT met" in page and "4321" in page and "failed" not in page


def test_script_without_figures_is_reported_failed_with_its_output() -> None:
    figures, tail, _seconds = run_one(["tests.bench.fake_bench", "crash"])
    assert figures is None and "boom" in tail
    page = render(
        [{"title": "Lookups", "argv": ["x"], "figures": None, "tail": tail, "seconds": 1.0}],
        {"cores": "2"},
    )
    assert "**failed**" in page and "boom" in page
