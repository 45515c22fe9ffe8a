"""Hostile input, measured: an alias bomb sent to authoring, and logins for users that do or do not
exist (issue 14).

    .venv/bin/python -m bench.hostile [--rounds 20] [--json]

One run makes a fresh SQLite database (schema, one trainer, no world) in a temporary folder and
the app on it in-process (Starlette's TestClient, no network), then measures:

- the alias bomb: POST /api/authoring/validate with the 10-level "billion laughs" (~480 bytes;
  expanded it would be 9^10 nodes), median and worst answer time over the rounds, against the
  same call with a real case file (the baseline, measured in the same run); target < 100 ms;
- the parse alone (scenarios.yamlsrc.parse_text refusing the bomb), median;
- login timing: POST /api/login with a wrong password for a user that exists and for one that
  does not, median of each and their ratio (a user's existence must not show: 0.8 .. 1.25);
- memory: the process's peak resident size before and after 16 logins in parallel (argon2id at
  19 MiB, at most GLADI_LOGIN_HASH_CONCURRENCY at once); target growth < 100 MiB.
"""

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASE_FILE = ROOT / "scenarios" / "cases" / "sop-001" / "sop001-aging.yaml"
TARGET_BOMB_MS = 100.0
TARGET_LOGIN_RATIO = (0.8, 1.25)
TARGET_GROWTH_MIB = 100.0


def alias_bomb(levels: int = 10) -> str:
    """Each level a list of nine aliases of the level before."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def _timed(call: Any, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(rounds: int = 20) -> dict[str, Any]:
    """Measure everything in the module docstring; the figures as a dict."""
    folder = Path(tempfile.mkdtemp(prefix="gladi-bench-hostile-"))
    os.environ["GLADI_DATABASE_URL"] = f"sqlite:///{folder / 'hostile.db'}"
    os.environ["GLADI_LOGIN_FAILURES_PER_USER"] = "1000000"
    os.environ["GLADI_LOGIN_FAILURES_PER_ADDRESS"] = "1000000"
    from fastapi.testclient import TestClient

    from gladi.db import get_engine
    from gladi.episodes.auth import create_user, login
    from mocks.app import create_app
    from scenarios.yamlsrc import SourceError, parse_text

    bomb = alias_bomb(10)
    with TestClient(create_app()) as client:
        with get_engine().begin() as conn:
            password = create_user(conn, "bench_trainer", "trainer")
            token, _ = login(conn, "bench_trainer", password, 60)
        headers = {"Authorization": f"Bearer {token}"}

        def validate(text: str) -> None:
            answer = client.post("/api/authoring/validate", json={"yaml": text}, headers=headers)
            assert answer.status_code == 200 and answer.json()["valid"] is (text != bomb)

        case_text = CASE_FILE.read_text(encoding="utf-8")
        validate(case_text)  # warm up
        bomb_ms = _timed(lambda: validate(bomb), rounds)
        case_ms = _timed(lambda: validate(case_text), rounds)

        def refuse() -> None:
            try:
                parse_text(bomb, Path("bomb.yaml"))
            except SourceError:
                return
            raise AssertionError("the bomb was accepted")

        parse_ms = _timed(refuse, rounds)

        def attempt(name: str) -> None:
            wrong = {"username": name, "password": "not-the-password"}
            assert client.post("/api/login", json=wrong).status_code == 401

        known_ms = _timed(lambda: attempt("bench_trainer"), rounds)
        unknown_ms = _timed(lambda: attempt("nobody_at_all"), rounds)
        before = _peak_mib()
        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(lambda _: attempt("bench_trainer"), range(16)))
        growth = _peak_mib() - before
    ratio = statistics.median(unknown_ms) / statistics.median(known_ms)
    return {
        "bomb_bytes": len(bomb),
        "alias_bomb": {
            "validate_median_ms": round(statistics.median(bomb_ms), 2),
            "validate_max_ms": round(max(bomb_ms), 2),
            "parse_median_ms": round(statistics.median(parse_ms), 3),
            "baseline_case_median_ms": round(statistics.median(case_ms), 2),
            "ratio_to_baseline": round(statistics.median(bomb_ms) / statistics.median(case_ms), 3),
            "target_ms": TARGET_BOMB_MS,
            "met": max(bomb_ms) < TARGET_BOMB_MS,
        },
        "login": {
            "known_user_median_ms": round(statistics.median(known_ms), 1),
            "unknown_user_median_ms": round(statistics.median(unknown_ms), 1),
            "unknown_to_known": round(ratio, 3),
            "target": list(TARGET_LOGIN_RATIO),
            "met": TARGET_LOGIN_RATIO[0] <= ratio <= TARGET_LOGIN_RATIO[1],
        },
        "parallel_logins": {
            "logins": 16,
            "peak_growth_mib": round(growth, 1),
            "target_mib": TARGET_GROWTH_MIB,
            "met": growth < TARGET_GROWTH_MIB,
        },
    }


def main() -> None:
    """Print the figures (or JSON); exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.rounds)
    if args.json:
        print(json.dumps(result))
    else:
        bomb, login, memory = result["alias_bomb"], result["login"], result["parallel_logins"]
        print(
            f"alias bomb ({result['bomb_bytes']} bytes): validate median "
            f"{bomb['validate_median_ms']} ms, worst {bomb['validate_max_ms']} ms (target < "
            f"{TARGET_BOMB_MS:g} ms); a real case file {bomb['baseline_case_median_ms']} ms; "
            f"parse alone {bomb['parse_median_ms']} ms"
        )
        print(
            f"login, wrong password: known user {login['known_user_median_ms']} ms, unknown "
            f"{login['unknown_user_median_ms']} ms (ratio {login['unknown_to_known']})"
        )
        print(f"16 parallel logins: peak memory +{memory['peak_growth_mib']} MiB")
    met = all(part["met"] for part in (result["alias_bomb"], result["login"]))
    sys.exit(0 if met and result["parallel_logins"]["met"] else 1)


if __name__ == "__main__":
    main()
