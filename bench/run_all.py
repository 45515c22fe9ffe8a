"""`make bench`: run every benchmark under bench/ and write bench/RESULTS.md.

Each script runs in its own process with `--json` (so one cannot disturb another's settings or
caches), one after the other on a quiet machine. RESULTS.md gets the machine, the date, each
script's command, its figures and whether its targets were met. A script that fails is reported
as failed with its last output lines; the others still run.
"""

import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"


def benches(postgres: bool) -> list[tuple[str, list[str]]]:
    """(title, argv after `python -m`) for every benchmark, in running order."""
    runs = [
        ("Seeding the world (issue 2)", ["bench.seed", "--json"]),
        ("Grading speed (issue 4)", ["bench.grading", "--json"]),
        ("Simulated customer understanding (issue 13)", ["bench.customer", "--json"]),
        (
            "Hostile input: alias bomb, login timing and memory (issue 14)",
            ["bench.hostile", "--json"],
        ),
        ("Tool lookups vs a bare endpoint (issue 3)", ["bench.lookups", "--json"]),
        ("Trainer UI page actions (issue 6)", ["bench.ui", "--json", "--seed-default"]),
        (
            "A class under load, SQLite, 2 workers (issue 7)",
            ["bench.load", "--json", "--db", "sqlite"],
        ),
        (
            "A class under load with a worker SIGKILLed, SQLite (issue 7)",
            ["bench.load", "--json", "--db", "sqlite", "--kill"],
        ),
    ]
    if postgres:
        runs += [
            (
                "A class under load, PostgreSQL, 2 workers (issue 7)",
                ["bench.load", "--json", "--db", "postgres"],
            ),
            (
                "A class under load with a worker SIGKILLed, PostgreSQL (issue 7)",
                ["bench.load", "--json", "--db", "postgres", "--kill"],
            ),
        ]
    return runs


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def run_one(argv: list[str]) -> tuple[dict[str, Any] | None, str, float]:
    """Run a benchmark; (figures or None, tail of its output, seconds)."""
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", *argv], cwd=ROOT, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
    # A script that ran to the end prints its figures even when a target is not met (and then
    # exits 1); only a script that printed no figures has failed.
    return figures_in(proc.stdout), tail, seconds


def figures_in(stdout: str) -> dict[str, Any] | None:
    """The JSON object printed on a line of its own (other lines may hold braces too)."""
    decoder = json.JSONDecoder()
    offset = 0
    for line in stdout.splitlines(keepends=True):
        if line.startswith("{"):
            try:
                figures, _ = decoder.raw_decode(stdout, offset)
            except ValueError:
                pass
            else:
                if isinstance(figures, dict):
                    return figures
        offset += len(line)
    return None


def verdicts(figures: dict[str, Any]) -> list[str]:
    """Every `met` flag found in the figures, as 'name: met / NOT met' lines."""
    found: list[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("met"), bool):
                found.append(f"{path or 'target'}: {'met' if value['met'] else 'NOT met'}")
            for key, inner in value.items():
                if isinstance(inner, bool) and path.endswith("targets"):
                    found.append(f"{key}: {'met' if inner else 'NOT met'}")
                walk(inner, f"{path}.{key}" if path else key)

    walk(figures, "")
    return found


def render(results: list[dict[str, Any]], info: dict[str, str]) -> str:
    """RESULTS.md."""
    lines = [
        "# Benchmark results",
        "",
        f"Measured {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} by `make bench` "
        "(`python -m bench.run_all`). Rerun it to refresh this file.",
        "",
        "| machine | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in info.items()],
        "",
    ]
    for r in results:
        lines += [
            f"## {r['title']}",
            "",
            f"`python -m {' '.join(r['argv'])}` ({r['seconds']:.0f} s)",
            "",
        ]
        if r["figures"] is None:
            lines += ["**failed** — last output:", "", "```", r["tail"], "```", ""]
            continue
        checks = verdicts(r["figures"])
        if checks:
            lines += [f"- {c}" for c in checks] + [""]
        lines += ["```json", json.dumps(r["figures"], indent=2), "```", ""]
    return "\n".join(lines)


def main() -> None:
    """Run everything and write RESULTS.md."""
    postgres = (ROOT / "var" / "ci-postgres-url").exists() or bool(
        os.environ.get("GLADI_TEST_POSTGRES_URL")
    )
    results = []
    for title, argv in benches(postgres):
        print(f"== {title}: python -m {' '.join(argv)}", flush=True)
        figures, tail, seconds = run_one(argv)
        print(
            "   failed:\n" + tail if figures is None else f"   done in {seconds:.0f} s", flush=True
        )
        results.append(
            {"title": title, "argv": argv, "figures": figures, "tail": tail, "seconds": seconds}
        )
    RESULTS.write_text(render(results, machine()), encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
