"""The grading bench runs and reports its figures (the speed target lives in the bench only)."""

from bench.grading import TARGET, run


def test_grading_bench_reports_rate_and_verdict() -> None:
    result = run(seconds=0.3, seeds=1)
    assert result["traces"] >= result["distinct"] > 0
    assert result["per_second"] > 0 and result["target"] == TARGET
    assert result["met"] == (result["per_second"] >= TARGET)
