"""A class of simulated trainees running whole episodes against `gladi serve --workers 2`.

    .venv/bin/python -m bench.load [--trainees 100] [--seconds 30] [--db sqlite|postgres|URL]
                                   [--scale small|default] [--kill] [--json]

Each simulated trainee loops until the time is up: start an episode of a random case, replay
the case's answer key (lookups, questions, the ticket) through the real tool endpoints with the
episode header, and submit. Every request is timed. Afterwards every client's log of
acknowledged calls (a response was received) is compared with every stored trace: an
acknowledged call missing from its trace is *lost*, a trace event no client of that episode
sent is *foreign*. With `--kill`, one worker is killed with SIGKILL a third of the way in; the
supervisor restarts it, calls in flight on it fail (counted as errors, never acknowledged), and
the checks must still hold: no lost or foreign events, no half-written report.

Targets: zero errors (without --kill), zero lost, zero foreign, zero half-written reports.
`run(...)` returns the figures as a dict for `make bench`.
"""

import argparse
import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine, select

from bench.procs import child_pids, start_server
from gladi.db import build_engine
from gladi.episodes.auth import create_user, login
from gladi.episodes.tables import Episode
from gladi.episodes.trace import events_of
from gladi.processes import free_port, stop
from gladi.schema import ensure_schema
from gladi.world import WorldInfo

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"


@dataclass
class Stats:
    """What the clients saw."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    episodes: int = 0
    sent: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    """Per episode, the calls answered 200: each must be in the trace."""
    unacked: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    """Per episode, calls that may or may not be in the trace: no answer (the worker died),
    or refused before the tool ran (e.g. 401 when the tool login itself got no answer)."""
    tried: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Per episode, every request sent, answered or not (identifiers a stored event may carry)."""
    not_ok: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    """Answers other than 200 to episode calls, by status."""


def database_url(choice: str, scale: str) -> str:
    """sqlite -> a file under var/bench; postgres -> the CI server; anything else is a URL."""
    if choice == "sqlite":
        return f"sqlite:///{WORK / f'load-{scale}.db'}"
    if choice == "postgres":
        ci = ROOT / "var" / "ci-postgres-url"
        base = ci.read_text().strip() if ci.exists() else os.environ["GLADI_TEST_POSTGRES_URL"]
        return base.rsplit("/", 1)[0] + "/gladi"
    return choice


def prepare(url: str, scale: str, trainees: int) -> tuple[list[str], str]:
    """Seed the world at `scale` unless it is there; tokens for the trainees and one assessor."""
    from seeds.world import seed_world

    engine = build_engine(url)
    ensure_schema(engine)
    info = WorldInfo.__table__  # type: ignore[attr-defined]
    with engine.connect() as conn:
        seeded = conn.execute(select(info.c.scale)).scalar_one_or_none()
    if seeded != scale:
        seed_world(engine, seed=42, scale=scale, force=True)
    tokens = [_token(engine, "trainee") for _ in range(trainees)]
    staff = _token(engine, "assessor")
    engine.dispose()
    return tokens, staff


def _token(engine: Engine, role: str) -> str:
    name = f"load_{role}_{random.randrange(16**8):08x}"
    with engine.begin() as conn:
        password = create_user(conn, name, role)
        return login(conn, name, password, ttl_minutes=600)[0]


async def _timed(
    stats: Stats, client: httpx.AsyncClient, method: str, path: str, **kwargs: Any
) -> httpx.Response | None:
    started = time.perf_counter()
    try:
        response = await client.request(method, path, **kwargs)
    except httpx.HTTPError:
        stats.errors += 1
        return None
    stats.latencies.append(time.perf_counter() - started)
    if response.status_code >= 500:
        stats.errors += 1
    return response


async def _episode(
    stats: Stats, api: httpx.AsyncClient, staff: str, cases: list[str], rng: random.Random
) -> None:
    started = await _timed(
        stats,
        api,
        "POST",
        "/api/episodes",
        json={"scenario": rng.choice(cases), "seed": rng.randrange(10**6)},
    )
    if started is None or started.status_code != 201:
        return
    episode = started.json()["id"]
    key = await _timed(
        stats,
        api,
        "GET",
        f"/api/episodes/{episode}/key",
        headers={"Authorization": f"Bearer {staff}"},
    )
    if key is None or key.status_code != 200:
        return
    sessions: dict[str, str] = {}
    for step in key.json()["steps"]:
        await _step(stats, api, episode, step, sessions)
    submit = await _timed(
        stats, api, "POST", f"/api/episodes/{episode}/submit", json=key.json()["submit"]
    )
    if submit is not None and submit.status_code == 200:
        stats.episodes += 1


async def _step(
    stats: Stats,
    api: httpx.AsyncClient,
    episode: str,
    step: dict[str, Any],
    sessions: dict[str, str],
) -> None:
    if step["kind"] == "question":
        response = await _timed(
            stats, api, "POST", f"/api/episodes/{episode}/ask", json={"question": step["question"]}
        )
        label = ("ask", step["question"].strip())
    else:
        request = step["request"]
        tool = request["path"].strip("/").split("/", 1)[0]
        headers = {"X-Gladi-Episode": episode}
        if tool in sessions:
            headers["X-Tool-Session"] = sessions[tool]
        response = await _timed(
            stats,
            api,
            request["method"],
            request["path"],
            params=request.get("params") or None,
            json=request.get("json"),
            headers=headers,
        )
        label = (
            "tool",
            f"{request['path']} {json.dumps(request.get('params') or {})} "
            f"{json.dumps(request.get('json') or {})}",
        )
        if response is not None and response.status_code == 200:
            body = response.json() if "json" in response.headers.get("content-type", "") else {}
            if isinstance(body, dict) and body.get("tool_session"):
                sessions[tool] = body["tool_session"]
    stats.tried[episode].append(label[1])
    if response is not None and response.status_code == 200:
        stats.sent[episode].append(label)
    else:
        stats.unacked[episode] += 1
        if response is not None:
            stats.not_ok[response.status_code] += 1


async def _trainee(
    stats: Stats, base: str, token: str, staff: str, cases: list[str], deadline: float, seed: int
) -> None:
    rng = random.Random(seed)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as api:
        while time.monotonic() < deadline:
            await _episode(stats, api, staff, cases, rng)


def verify(url: str, stats: Stats) -> dict[str, int]:
    """Compare what clients were answered with what the traces hold.

    Per episode: every question answered 200 must be in the trace (else *lost*), there must be
    at least as many stored tool events as tool calls answered 200 (else *lost*), no more than
    were sent at all (else *foreign*), and every identifier a stored event carries must occur
    in a request this episode's client sent (else *foreign*: another episode's call). A call
    answered otherwise may or may not be stored: a refused call (401 without the tool's login,
    422) is not, a tool's own "not found" is.
    """
    engine = build_engine(url)
    lost = foreign = 0
    with engine.connect() as conn:
        for episode in stats.tried:
            sent = stats.sent.get(episode, [])
            events = [e for e in events_of(conn, episode) if e["kind"] in ("tool", "ask")]
            asked = [e["params"]["question"] for e in events if e["kind"] == "ask"]
            lost += sum(1 for kind, text in sent if kind == "ask" and text not in asked)
            tools_sent = sum(1 for kind, _ in sent if kind == "tool")
            tools_stored = sum(1 for e in events if e["kind"] == "tool")
            lost += max(0, tools_sent - tools_stored)
            foreign += max(0, tools_stored - tools_sent - stats.unacked.get(episode, 0))
            sent_text = " ".join(stats.tried.get(episode, []))
            foreign += sum(
                1
                for e in events
                if e["kind"] == "tool"
                and any(
                    isinstance(v, str) and v.isdigit() and v not in sent_text
                    for v in e["params"].values()
                )
            )
        table = Episode.__table__  # type: ignore[attr-defined]
        rows = conn.execute(select(table.c.state, table.c.report, table.c.score)).all()
        half = sum(
            1
            for r in rows
            if (r.state == "submitted") != (r.report is not None and r.score is not None)
        )
    engine.dispose()
    return {"lost": lost, "foreign": foreign, "half_written_reports": half}


def _kill_one_worker(server: subprocess.Popen, after: float) -> asyncio.Task[bool]:
    """SIGKILL one worker after `after` s; the task's result: did a new worker replace it?"""

    async def killer() -> bool:
        await asyncio.sleep(after)
        workers = child_pids(server.pid)
        if not workers:
            return False
        os.kill(workers[0], signal.SIGKILL)
        print(f"killed worker {workers[0]} with SIGKILL", file=sys.stderr)
        for _ in range(100):
            await asyncio.sleep(0.1)
            now = child_pids(server.pid)
            if len(now) == len(workers) and workers[0] not in now:
                return True
        return False

    return asyncio.ensure_future(killer())


async def _drive(
    base: str, tokens: list[str], staff: str, seconds: float, server: subprocess.Popen, kill: bool
) -> tuple[Stats, float, bool | None]:
    async with httpx.AsyncClient(base_url=base, timeout=30) as api:
        listed = await api.get("/api/scenarios", headers={"Authorization": f"Bearer {staff}"})
    cases = [c["id"] for c in listed.json() if c.get("kind", "case") == "case"]
    stats = Stats()
    started = time.monotonic()
    deadline = started + seconds
    killer = _kill_one_worker(server, seconds / 3) if kill else None
    await asyncio.gather(
        *(_trainee(stats, base, t, staff, cases, deadline, i) for i, t in enumerate(tokens))
    )
    restarted = await killer if killer is not None else None
    return stats, time.monotonic() - started, restarted


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


def run(
    db: str = "sqlite",
    trainees: int = 100,
    seconds: float = 30,
    scale: str = "default",
    kill: bool = False,
    workers: int = 2,
) -> dict[str, Any]:
    """One load run; returns the figures and the checks."""
    WORK.mkdir(parents=True, exist_ok=True)
    url = database_url(db, scale)
    tokens, staff = prepare(url, scale, trainees)
    port = free_port()
    server = start_server(url, port, workers)
    try:
        stats, elapsed, restarted = asyncio.run(
            _drive(f"http://127.0.0.1:{port}", tokens, staff, seconds, server, kill)
        )
    finally:
        stop(server)
    checks = verify(url, stats)
    targets = {
        "zero lost": checks["lost"] == 0,
        "zero foreign": checks["foreign"] == 0,
        "zero half-written reports": checks["half_written_reports"] == 0,
    }
    if kill:
        targets["killed worker replaced"] = bool(restarted)
    else:
        targets["zero errors"] = stats.errors == 0
    return {
        "db": db if db in ("sqlite", "postgres") else "url",
        "workers": workers,
        "trainees": trainees,
        "seconds": round(elapsed, 1),
        "killed_a_worker": kill,
        "worker_restarted": restarted,
        "episodes": stats.episodes,
        "episodes_per_s": round(stats.episodes / elapsed, 2),
        "requests": len(stats.latencies),
        "p50_ms": round(_percentile(stats.latencies, 0.50) * 1000, 1),
        "p99_ms": round(_percentile(stats.latencies, 0.99) * 1000, 1),
        "errors": stats.errors,
        "episode_calls_not_200": {str(k): v for k, v in sorted(stats.not_ok.items())},
        **checks,
        "targets": targets,
    }


def main() -> None:
    """Command-line entry."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="sqlite")
    parser.add_argument("--trainees", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--scale", default="default")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kill", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.db, args.trainees, args.seconds, args.scale, args.kill, args.workers)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for name, value in result.items():
        print(f"{name:>22}: {value}")
    print("targets met" if all(result["targets"].values()) else "TARGETS NOT MET")


if __name__ == "__main__":
    main()
