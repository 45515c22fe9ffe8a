"""The grading bench runs and meets its target."""

from bench.grading import TARGET, run


def test_grading_bench_meets_the_target() -> None:
    result = run(seconds=0.3, seeds=1)
    assert result["traces"] >= result["distinct"] > 0
    assert result["per_second"] >= TARGET
