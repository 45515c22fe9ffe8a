"""Grading speed: traces graded per second on one core, with real keys and synthetic traces.

    .venv/bin/python -m bench.grading [--seconds 3] [--seeds 3] [--json]

Every case of the library is instantiated (in-memory database, no background world) with a few
seeds; each key is stored and read back as JSON, as the episode table does. For each key the
bench grades a mix of traces: the perfect replay, one with a lookup missing, one with a wrong
resolution, one with hints and a wrong-SOP lookup, and the empty trace. It then grades that mix
round-robin in one process for the given time and prints traces/s against the target (1,000/s).
"""

import argparse
import copy
import json
import time
from pathlib import Path
from typing import Any

from gladi.db import build_engine
from gladi.schema import ensure_schema
from scenarios import engine
from scenarios.replay import replay_events, tool_event

TARGET = 1000
ROOT = Path(__file__).resolve().parent.parent / "scenarios"


def _variants(key: dict[str, Any], customer: dict[str, Any]) -> list[tuple]:
    events = replay_events(key, customer)
    submit = key["submit"]
    missing = [e for e in events if e.get("operation") != key["steps"][0].get("operation")]
    wrong = dict(submit, resolution="__wrong__")
    hint = {"id": 900, "kind": "hint", "detail": {"sop_ref": None}}
    stray = tool_event(901, "ncx.asset_detail", {"path": "/ncx/ebis/asset/835221950"})
    noisy = [*events, hint, stray]
    return [(events, submit), (missing, submit), (events, wrong), (noisy, submit), ([], submit)]


def workload(seeds: int) -> list[tuple[list, dict, dict]]:
    """(events, submission, key) triples for every case x seed x trace variant."""
    library = engine.load_library(ROOT)
    db = build_engine("sqlite://")
    ensure_schema(db)
    jobs = []
    with db.connect() as conn:
        for case_id in sorted(library.cases):
            for seed in range(seeds):
                instance = engine.instantiate(conn, library, case_id, seed, f"bench-{seed}")
                key = json.loads(json.dumps(instance.key))
                for events, submit in _variants(key, instance.customer):
                    jobs.append((copy.deepcopy(events), copy.deepcopy(submit), key))
    return jobs


def run(seconds: float = 3.0, seeds: int = 3) -> dict[str, Any]:
    """Grade the workload round-robin for `seconds`; returns counts and the rate."""
    jobs = workload(seeds)
    graded, started = 0, time.perf_counter()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        for events, submit, key in jobs:
            engine.grade(events, submit, key)
        graded += len(jobs)
    elapsed = time.perf_counter() - started
    rate = graded / elapsed
    return {
        "traces": graded,
        "distinct": len(jobs),
        "seconds": round(elapsed, 3),
        "per_second": round(rate),
        "target": TARGET,
        "met": rate >= TARGET,
    }


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.seconds, args.seeds)
    if args.json:
        print(json.dumps(result))
        return
    verdict = "met" if result["met"] else "NOT met"
    print(
        f"graded {result['traces']} traces ({result['distinct']} distinct) in "
        f"{result['seconds']} s on one core: {result['per_second']} traces/s "
        f"(target >= {TARGET}/s: {verdict})"
    )


if __name__ == "__main__":
    main()
