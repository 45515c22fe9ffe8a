"""bench.hostile runs end to end and reports every figure with its target (values not judged)."""

from bench.run_all import run_one


def test_hostile_bench_reports_its_figures() -> None:
    figures, tail, _seconds = run_one(["bench.hostile", "--json", "--rounds", "2"])
    assert figures is not None, tail
    assert figures["bomb_bytes"] < 500
    for part in ("alias_bomb", "login", "parallel_logins"):
        assert isinstance(figures[part]["met"], bool), part
