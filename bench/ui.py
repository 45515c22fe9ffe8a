"""Trainer UI page actions (lookup, question, submit) timed through the UI's own HTTP client.

    .venv/bin/python -m bench.ui [--episodes 30] [--seed-default] [--json]

The pages call `trainer_ui.api`; this script calls the same functions, one episode after the
other, against `gladi serve` (uvicorn, one worker) in its own process. The world is a copy of
the configured database when it holds the `default` world (so the bench's episodes never reach
the class's results); otherwise the `small` world is seeded into var/bench/ and the output says
so. Prints milliseconds per action (p50, p95, max) and whether p95 is under the 300 ms target.
`run(episodes=...)` returns the same figures as a dict.
"""

import argparse
import json
import os
import re
import secrets
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url

from gladi.catalog import BY_NAME
from gladi.db import build_engine
from gladi.episodes.auth import create_user
from gladi.processes import answers, free_port, stop
from gladi.schema import ensure_schema
from gladi.settings import get_settings
from gladi.world import WorldInfo

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
TARGET_MS = 300.0
ACTIONS = ("start", "lookup", "question", "submit")


def _world_scale(url: str) -> str | None:
    """The scale of the world in the database at `url`, if it holds one."""
    try:
        engine = build_engine(url)
        with engine.connect() as conn:
            row = conn.execute(select(WorldInfo.__table__.c.scale)).first()  # type: ignore[attr-defined]
        engine.dispose()
    except Exception:
        return None
    return row.scale if row else None


def prepare_world(seed_default: bool = False) -> tuple[str, str]:
    """(database URL to serve, note): a copy of the default world, else a fresh small world.

    With `seed_default`, a missing default world is seeded into var/bench/ui-world.db first
    (about a million rows; kept for later runs) and a copy of it is served.
    """
    WORK.mkdir(parents=True, exist_ok=True)
    url = get_settings().database_url
    if seed_default and _world_scale(url) != "default":
        url = _seeded_default()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and _world_scale(url) == "default":
        copy = WORK / "ui-default.db"
        copy.unlink(missing_ok=True)
        with sqlite3.connect(parsed.database or "") as source, sqlite3.connect(copy) as target:
            source.backup(target)
        return f"sqlite:///{copy}", f"default world (a copy of {parsed.database})"
    from seeds.world import seed_world

    small = WORK / "ui-small.db"
    small_url = f"sqlite:///{small}"
    if _world_scale(small_url) != "small":
        small.unlink(missing_ok=True)
        engine = build_engine(small_url)
        ensure_schema(engine)
        seed_world(engine, seed=get_settings().seed, scale="small", force=True)
        engine.dispose()
    return small_url, "SMALL world: the default world is not seeded in GLADI_DATABASE_URL"


def _seeded_default() -> str:
    """var/bench/ui-world.db holding the default world (seeded once, reused after)."""
    from seeds.world import seed_world

    url = f"sqlite:///{WORK / 'ui-world.db'}"
    if _world_scale(url) != "default":
        engine = build_engine(url)
        ensure_schema(engine)
        seed_world(engine, seed=get_settings().seed, scale="default", force=True)
        engine.dispose()
    return url


@contextmanager
def api_server(database_url: str) -> Iterator[str]:
    """`mocks.app` served by uvicorn in its own process; yields the base URL."""
    port = free_port()
    env = {**os.environ, "GLADI_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "mocks.app:create_app",
        "--factory",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        if not answers(f"{url}/healthz", watch=[proc]):
            raise RuntimeError("the API server did not start")
        yield url
    finally:
        stop(proc)


def _accounts(database_url: str) -> dict[str, tuple[str, str]]:
    engine = build_engine(database_url)
    made = {}
    with engine.begin() as conn:
        for role in ("trainee", "trainer"):
            name = f"bench_ui_{role}_{secrets.token_hex(3)}"
            made[role] = (name, create_user(conn, name, role))
    engine.dispose()
    return made


def path_values(op_name: str, path: str) -> dict[str, str]:
    """The path parameters of a concrete request path of a catalog operation."""
    template = BY_NAME[op_name].path
    pattern = "^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template) + "$"
    found = re.match(pattern, path)
    return found.groupdict() if found else {}


def _timed(sink: dict[str, list[float]], action: str, fn: Callable[[], Any]) -> Any:
    began = time.perf_counter()
    result = fn()
    sink[action].append((time.perf_counter() - began) * 1000)
    return result


def one_episode(times: dict[str, list[float]], trainee: Any, trainer: Any, case: str) -> None:
    """One attempt: start, three lookups and two questions as the pages send them, submit."""
    from trainer_ui import api

    started = _timed(times, "start", lambda: api.start_episode(trainee.token, case))
    episode = started["id"]
    key = api.episode_key(trainer.token, episode)

    sessions: dict[str, str] = {}  # tool -> tool_session of its login (TOS, UPoint)

    def lookup(step: dict[str, Any]) -> Any:
        request, op = step["request"], step["operation"]
        tool = BY_NAME[op].tool
        screen = api.call_tool(
            trainee.token,
            episode,
            op,
            path_params=path_values(op, request["path"]),
            params=request.get("params") or None,
            json=request.get("json"),
            tool_session=sessions.get(tool),
        )
        if isinstance(screen, dict) and screen.get("tool_session"):
            sessions[tool] = screen["tool_session"]
        return screen

    def question(asked: dict[str, Any]) -> Any:
        return api.ask(trainee.token, episode, asked["id"])

    for step in [s for s in key["steps"] if s["kind"] == "lookup"][:3]:
        _timed(times, "lookup", partial(lookup, step))
    for asked in (started["brief"].get("questions") or [])[:2]:
        _timed(times, "question", partial(question, asked))
    _timed(times, "submit", partial(api.submit, trainee.token, episode, key["submit"]))


def measure(episodes: int) -> dict[str, list[float]]:
    """Run `episodes` attempts through trainer_ui.api; milliseconds per action."""
    from trainer_ui import api

    accounts = _accounts(get_settings().database_url)
    trainee = api.login(*accounts["trainee"])
    trainer = api.login(*accounts["trainer"])
    cases = [c["id"] for c in api.scenarios(trainee.token) if c.get("kind", "case") == "case"]
    times: dict[str, list[float]] = {a: [] for a in ACTIONS}
    for index in range(episodes):
        one_episode(times, trainee, trainer, cases[index % len(cases)])
    return times


def summary(times: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    """p50, p95 and max per action, and whether p95 meets the target."""
    result = {}
    for action, values in times.items():
        if not values:
            continue
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        result[action] = {
            "n": len(values),
            "p50_ms": round(statistics.median(values), 1),
            "p95_ms": round(p95, 1),
            "max_ms": round(ordered[-1], 1),
            "met": p95 < TARGET_MS,
        }
    return result


def run(episodes: int = 30, seed_default: bool = False) -> dict[str, Any]:
    """Prepare the world, serve it, measure; the figures as a dict."""
    database_url, note = prepare_world(seed_default)
    with api_server(database_url) as url:
        os.environ["GLADI_API_URL"] = url
        os.environ["GLADI_DATABASE_URL"] = database_url
        get_settings.cache_clear()
        times = measure(episodes)
    return {"world": note, "episodes": episodes, "target_ms": TARGET_MS, "actions": summary(times)}


def main() -> None:
    """Print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--seed-default",
        action="store_true",
        help="seed the default world into var/bench/ui-world.db if none is found",
    )
    args = parser.parse_args()
    result = run(args.episodes, args.seed_default)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"trainer UI page actions, {result['episodes']} episodes, world: {result['world']}")
    print(f"{'action':10} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  target p95 < 300 ms")
    for action, row in result["actions"].items():
        verdict = "met" if row["met"] else "NOT MET"
        print(
            f"{action:10} {row['n']:>5} {row['p50_ms']:>8} {row['p95_ms']:>8} "
            f"{row['max_ms']:>8}  {verdict}"
        )


if __name__ == "__main__":
    main()
