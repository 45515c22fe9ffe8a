"""Seeding speed against a bare sqlite3 baseline, and lookup speed at default vs large scale.

    .venv/bin/python -m bench.seed [--scales small,default,large] [--keep] [--json]

In one run: a bare baseline (pooled Faker names, stdlib sqlite3 `executemany` of simple
6-column rows into a fresh file, as many rows as the default world), then `seed_world` for
each scale into a fresh file under var/bench/, then 20,000 random `SELECT * FROM subscriber
WHERE msisdn=?` on each seeded file (best of 5 rounds). Prints rows, seconds, rows/s and the
ratio to the baseline per scale, µs per lookup and the large/default ratio, then each target as
met or not met.
`run(scales)` returns the same figures as a dict (for the `make bench` aggregator).
"""

import argparse
import json
import random
import sqlite3
import time
from pathlib import Path
from typing import Any

from faker import Faker

from gladi.db import build_engine
from seeds.world import seed_world

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
SEED = 42
BASELINE_ROWS = 1_100_000  # about the default world
LOOKUPS = 20_000
TARGET_SHARE, TARGET_DEFAULT_SECONDS, TARGET_LOOKUP_RATIO = 0.30, 30.0, 1.5


def _fresh(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def baseline(rows: int = BASELINE_ROWS) -> dict[str, float]:
    """Pooled names + stdlib sqlite3 executemany of 6-column rows (same pragmas as gladi.db)."""
    fake = Faker("id_ID")
    fake.seed_instance(SEED)
    started = time.perf_counter()
    names = [fake.name() for _ in range(3000)]
    cities = [fake.city() for _ in range(300)]
    rng = random.Random(SEED)
    conn = sqlite3.connect(_fresh(WORK / "baseline.db"))
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(
        "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT, city TEXT, "
        "phone TEXT, amount INTEGER, note TEXT)"
    )
    conn.executemany(
        "INSERT INTO person VALUES (?, ?, ?, ?, ?, ?)",
        (
            (
                i,
                rng.choice(names),
                rng.choice(cities),
                f"0812{rng.randrange(10**8):08d}",
                rng.randrange(1_000_000),
                "baseline",
            )
            for i in range(1, rows + 1)
        ),
    )
    conn.commit()
    conn.close()
    seconds = time.perf_counter() - started
    return {"rows": rows, "seconds": seconds, "rows_per_s": rows / seconds}


def seed_scale(scale: str) -> dict[str, float]:
    """Seed `scale` into a fresh file; rows, seconds, rows/s."""
    engine = build_engine(f"sqlite:///{_fresh(WORK / f'seed-{scale}.db')}")
    result = seed_world(engine, SEED, scale)
    engine.dispose()
    return {
        "rows": result.rows,
        "seconds": result.seconds,
        "rows_per_s": result.rows / result.seconds,
    }


def lookup_us(scale: str, count: int = LOOKUPS, rounds: int = 5) -> float:
    """µs per `SELECT * FROM subscriber WHERE msisdn=?` of random existing numbers.

    `count` lookups split in `rounds`; the best round counts (the least disturbed by other load).
    """
    conn = sqlite3.connect(WORK / f"seed-{scale}.db")
    numbers = [row[0] for row in conn.execute("SELECT msisdn FROM subscriber")]
    rng = random.Random(SEED)
    picks = [rng.choice(numbers) for _ in range(count)]
    query = "SELECT * FROM subscriber WHERE msisdn=?"
    for msisdn in picks[:1000]:  # warm the page cache
        conn.execute(query, (msisdn,)).fetchall()
    size = count // rounds
    best = float("inf")
    for start in range(0, size * rounds, size):
        began = time.perf_counter()
        for msisdn in picks[start : start + size]:
            conn.execute(query, (msisdn,)).fetchall()
        best = min(best, (time.perf_counter() - began) / size)
    conn.close()
    return best * 1e6


def _targets(figures: dict[str, Any]) -> dict[str, bool]:
    targets = {}
    if "default" in figures["scales"]:
        default = figures["scales"]["default"]
        targets["world >= 30% of baseline rows/s"] = default["share"] >= TARGET_SHARE
        targets["default seeds in < 30 s"] = default["seconds"] < TARGET_DEFAULT_SECONDS
    if "lookup_ratio" in figures:
        ratio = figures["lookup_ratio"]
        targets["lookup large/default ~ 1 (<= 1.5)"] = ratio <= TARGET_LOOKUP_RATIO
    return targets


def run(
    scales: tuple[str, ...] = ("small", "default", "large"), keep: bool = False
) -> dict[str, Any]:
    """Measure; returns {"baseline", "scales", "lookup_us", "lookup_ratio", "targets"}."""
    figures: dict[str, Any] = {"baseline": baseline(), "scales": {}, "lookup_us": {}}
    for scale in scales:
        entry = seed_scale(scale)
        entry["share"] = entry["rows_per_s"] / figures["baseline"]["rows_per_s"]
        figures["scales"][scale] = entry
        if scale in ("default", "large"):
            figures["lookup_us"][scale] = lookup_us(scale)
    if {"default", "large"} <= figures["lookup_us"].keys():
        figures["lookup_ratio"] = figures["lookup_us"]["large"] / figures["lookup_us"]["default"]
    figures["targets"] = _targets(figures)
    if not keep:
        for path in WORK.glob("seed-*.db*"):
            path.unlink()
        for path in WORK.glob("baseline.db*"):
            path.unlink()
    return figures


def report(figures: dict[str, Any]) -> str:
    """The figures as the text the command prints."""
    base = figures["baseline"]
    lines = [
        f"baseline (sqlite3 executemany, 6 columns): {base['rows']:>11,} rows "
        f"{base['seconds']:7.2f} s {base['rows_per_s']:>10,.0f} rows/s"
    ]
    for scale, entry in figures["scales"].items():
        lines.append(
            f"seed {scale:<8} {entry['rows']:>30,} rows {entry['seconds']:7.2f} s "
            f"{entry['rows_per_s']:>10,.0f} rows/s  {entry['share']:6.1%} of baseline"
        )
    for scale, micros in figures["lookup_us"].items():
        lines.append(f"lookup subscriber by msisdn ({scale}): {micros:8.1f} µs")
    if "lookup_ratio" in figures:
        lines.append(f"lookup ratio large/default: {figures['lookup_ratio']:.2f}")
    lines += [
        f"target {name}: {'met' if ok else 'NOT met'}" for name, ok in figures["targets"].items()
    ]
    return "\n".join(lines)


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="small,default,large")
    parser.add_argument("--keep", action="store_true", help="keep the seeded files in var/bench")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = run(tuple(s.strip() for s in args.scales.split(",") if s.strip()), keep=args.keep)
    print(json.dumps(figures, indent=2) if args.json else report(figures))


if __name__ == "__main__":
    main()
