"""Lookup speed of the mock tools against a bare Starlette + sqlite3 ceiling (issue 3, "Speed").

    .venv/bin/python -m bench.lookups [--seconds 10] [--stall-seconds 45] [--json]

One run seeds (or reuses) the default world in var/bench/lookups.db, then starts, one after the
other, the bare baseline (bench/bare_app.py: Starlette, stdlib sqlite3, orjson) and the
project's own server (`gladi serve --workers 1`) pinned to CPU 0, and drives each with wrk
pinned to CPU 1 on loopback, with bench/wrk/lookup.lua choosing one of 5,000 random existing
MSISDNs per request. Measured at 16 and 64 connections:

- bare: `GET /dsc/subscribers/{msisdn}` on the baseline (the ceiling);
- free exploration: the same request to Gladi without headers (recorded nowhere);
- recorded: the same with `X-Gladi-Episode` and the owner's bearer token; afterwards the
  episode's trace must hold exactly one row per request wrk sent (completed minus errors, plus
  the requests still in flight when wrk stopped, which the server finishes and records);
- stall check: recorded load at 16 connections, then at once 45 s at 64 connections, counting
  completed responses per 10 ms: a stall is any 1-second window with none;
- crash check: recorded load at 16 connections while the server is killed with SIGKILL; every
  response wrk received as 2xx must have its trace row (committed before the response).

Prints requests/s, p50, p99, errors (non-2xx + socket errors + timeouts) and the ratios to the
bare endpoint, then each target as met or not met. `run(seconds=...)` returns the same as a dict.
"""

import argparse
import itertools
import json
import os
import random
import re
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gladi.processes import answers, free_port, stop

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
DB = WORK / "lookups.db"
KEY_FILE = WORK / "msisdns.txt"
LUA = ROOT / "bench" / "wrk" / "lookup.lua"
PATH = "/dsc/subscribers/"
SEED, SCALE = 42, "default"
KEYS = 5000
CONNECTIONS = (16, 64)
SERVER_CPU, LOAD_CPU = "0", "1"
BENCH_USER = "bench_lookups"
WARMUP_SECONDS = 2
STALL_WINDOW_MS = 1000
TARGET_FREE_RATIO = 0.30
TARGET_RECORDED_RATIO = 0.15
TARGET_P99_MS = 50.0


# --- the world, the keys and the bench's own user and episodes -------------------------------


def _engine(db: Path) -> Any:
    from gladi.db import build_engine

    return build_engine(f"sqlite:///{db}")


def prepare_world(db: Path, log: Callable[[str], None]) -> dict[str, Any]:
    """Seed the default world into `db` unless that very world is there already."""
    from sqlalchemy import select

    from gladi.schema import ensure_schema
    from gladi.world import Subscriber
    from seeds.loader import world_info_row
    from seeds.world import seed_world

    db.parent.mkdir(parents=True, exist_ok=True)
    engine = _engine(db)
    try:
        ensure_schema(engine)
        with engine.connect() as conn:
            info = world_info_row(conn)
        if info is None or info.get("seed") != SEED or info.get("scale") != SCALE:
            log(f"seeding the {SCALE} world (seed {SEED}) into {db} ...")
            result = seed_world(engine, seed=SEED, scale=SCALE, force=True)
            log(f"  {result.rows:,} rows in {result.seconds:.1f} s")
        sub = Subscriber.__table__  # type: ignore[attr-defined]
        with engine.connect() as conn:
            msisdns = list(
                conn.execute(
                    select(sub.c.msisdn).where(sub.c.episode_id.is_(None)).order_by(sub.c.id)
                ).scalars()
            )
            rows = _world_rows(conn)
        keys = random.Random(SEED).sample(msisdns, min(KEYS, len(msisdns)))
        KEY_FILE.write_text("\n".join(keys) + "\n")
        return {"db": str(db), "rows": rows, "subscribers": len(msisdns), "keys": len(keys)}
    finally:
        engine.dispose()


def _world_rows(conn: Any) -> int:
    from sqlalchemy import text

    names = conn.execute(
        text("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    ).scalars()
    skip = {"alembic_version", "user_account", "auth_session", "episode", "trace_event"}
    return sum(
        conn.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one()
        for n in names
        if n not in skip
    )


class Recorder:
    """The bench's own trainee, its token and fresh episodes (rows of earlier runs removed)."""

    def __init__(self, db: Path) -> None:
        from sqlalchemy import delete, select

        from gladi.episodes.auth import create_user, login
        from gladi.episodes.tables import AuthSession, Episode, TraceEvent, UserAccount

        self.engine = _engine(db)
        self._episodes = Episode.__table__  # type: ignore[attr-defined]
        self._events = TraceEvent.__table__  # type: ignore[attr-defined]
        users = UserAccount.__table__  # type: ignore[attr-defined]
        sessions = AuthSession.__table__  # type: ignore[attr-defined]
        with self.engine.begin() as conn:
            old = conn.execute(select(users.c.id).where(users.c.username == BENCH_USER)).first()
            if old is not None:
                mine = select(self._episodes.c.id).where(self._episodes.c.user_id == old.id)
                conn.execute(delete(self._events).where(self._events.c.episode_id.in_(mine)))
                conn.execute(delete(self._episodes).where(self._episodes.c.user_id == old.id))
                conn.execute(delete(sessions).where(sessions.c.user_id == old.id))
                conn.execute(delete(users).where(users.c.id == old.id))
            password = create_user(conn, BENCH_USER, "trainee")
            self.token, user = login(conn, BENCH_USER, password, ttl_minutes=24 * 60)
        self.user_id = user.id
        self.checkpoint()

    def new_episode(self) -> str:
        """An open episode of the bench user (as tests/helpers.py makes them)."""
        from sqlalchemy import insert

        from gladi.formats import WORLD_NOW

        episode_id = secrets.token_urlsafe(16)
        with self.engine.begin() as conn:
            conn.execute(
                insert(self._episodes).values(
                    id=episode_id,
                    user_id=self.user_id,
                    scenario_id="bench-lookups",
                    sop="sop-001",
                    seed=1,
                    persona="cooperative",
                    mode="practice",
                    state="open",
                    created_at=datetime.now(UTC),
                    sim_now=WORLD_NOW,
                    brief={},
                    customer={},
                    key={},
                )
            )
        return episode_id

    def headers(self, episode_id: str) -> list[str]:
        """wrk -H arguments of a call recorded in `episode_id`."""
        return [f"X-Gladi-Episode: {episode_id}", f"Authorization: Bearer {self.token}"]

    def trace_rows(self, episode_id: str | None = None) -> int:
        """Trace rows of one episode (or of all episodes)."""
        from sqlalchemy import func, select

        query = select(func.count()).select_from(self._events)
        if episode_id is not None:
            query = query.where(self._events.c.episode_id == episode_id)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def settled_trace_rows(self, episode_id: str, timeout: float = 10.0) -> int:
        """The episode's row count once the server has finished the requests in flight."""
        deadline = time.monotonic() + timeout
        last = self.trace_rows(episode_id)
        while time.monotonic() < deadline:
            time.sleep(0.3)
            now = self.trace_rows(episode_id)
            if now == last:
                return now
            last = now
        return last

    def checkpoint(self) -> None:
        """Fold the WAL into the database so every measurement starts from a short WAL."""
        from sqlalchemy import text

        with self.engine.connect() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))

    def close(self) -> None:
        self.engine.dispose()


# --- servers and load -------------------------------------------------------------------------


_TICK = os.sysconf("SC_CLK_TCK")
FOREIGN_CPU_LIMIT = 0.05
"""A run during which other processes used more than this share of one CPU is taken again."""


def _machine_ticks() -> tuple[int, int]:
    """(user + nice + system, steal) clock ticks of the whole machine."""
    with open("/proc/stat") as stat:
        fields = [int(x) for x in stat.readline().split()[1:9]]
    return fields[0] + fields[1] + fields[2], fields[7]


def _process_ticks(pid: int) -> int:
    """user + system clock ticks of one live process (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            rest = stat.read().rpartition(")")[2].split()
    except OSError:
        return 0
    return int(rest[11]) + int(rest[12])


def _own_ticks() -> float:
    """This process and its reaped children (wrk), in clock ticks."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime) * _TICK


class CpuWatch:
    """CPU used by other processes on the machine while our server and wrk run."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid
        self.start = (time.monotonic(), *_machine_ticks(), _process_ticks(server_pid), _own_ticks())

    def stop(self) -> dict[str, float]:
        wall, busy, steal, server, own = self.start
        now_busy, now_steal = _machine_ticks()
        seconds = max(time.monotonic() - wall, 1e-6)
        server_ticks = _process_ticks(self.server_pid) - server
        ours = server_ticks + (_own_ticks() - own)
        foreign = max(0.0, (now_busy - busy) - ours) / _TICK / seconds
        return {
            "foreign_cpu": round(foreign, 3),
            "steal_cpu": round((now_steal - steal) / _TICK / seconds, 3),
            "server_cpu_s": round(server_ticks / _TICK, 2),
        }


QUIET_WAIT_SECONDS = float(os.environ.get("BENCH_QUIET_WAIT", "60"))


def wait_quiet(
    server_pid: int, log: Callable[[str], None], limit: float = QUIET_WAIT_SECONDS
) -> float:
    """Wait (up to `limit` s) until other processes use under FOREIGN_CPU_LIMIT of a CPU."""
    started = time.monotonic()
    said = False
    while time.monotonic() - started < limit:
        watch = CpuWatch(server_pid)
        time.sleep(1.0)
        if watch.stop()["foreign_cpu"] < FOREIGN_CPU_LIMIT:
            return time.monotonic() - started
        if not said:
            log("  other processes are using the CPU; waiting for a quiet machine ...")
            said = True
    return time.monotonic() - started


class Server:
    """A server process pinned to SERVER_CPU, answering on 127.0.0.1:port."""

    def __init__(
        self, name: str, argv: list[str], env: dict[str, str], port: int, probe: str
    ) -> None:
        self.name, self.port, self.probe = name, port, probe
        self.log_path = WORK / f"{name}.log"
        self._log = self.log_path.open("w")
        self.proc = subprocess.Popen(
            ["taskset", "-c", SERVER_CPU, *argv],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._wait_ready()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_ready(self, timeout: float = 60.0) -> None:
        if answers(self.base + self.probe, seconds=timeout, watch=[self.proc]):
            return
        self.stop()
        raise RuntimeError(
            f"{self.name} did not start; see {self.log_path}:\n" + self.log_path.read_text()[-2000:]
        )

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flushing (the crash check)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self._log.close()

    def stop(self) -> None:
        stop(self.proc)
        self._log.close()


@contextmanager
def bare_server(db: Path) -> Iterator[Server]:
    """bench/bare_app.py under uvicorn: httptools like `gladi serve`, and uvloop, its fastest
    loop (`gladi serve` keeps the stdlib loop: under uvloop its p99 at 64 connections went
    from ~35 ms to ~290 ms, some connections served far later than others)."""
    port = free_port()
    server = Server(
        "bare",
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bench.bare_app:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--http",
            "httptools",
            "--loop",
            "uvloop",
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        {"BENCH_DB": str(db)},
        port,
        probe=PATH + KEY_FILE.read_text().split()[0],
    )
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def gladi_server(db: Path) -> Iterator[Server]:
    """`gladi serve --workers 1` on the bench database."""
    port = free_port()
    server = Server(
        "gladi",
        [
            sys.executable,
            "-m",
            "gladi.cli.main",
            "serve",
            "--workers",
            "1",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        {"GLADI_DATABASE_URL": f"sqlite:///{db}"},
        port,
        probe="/healthz",
    )
    try:
        yield server
    finally:
        server.stop()


_WRKJSON = re.compile(r"^WRKJSON (\{.*\})$", re.M)


def _wrk_argv(
    base: str, connections: int, seconds: float, headers: list[str], timeline: bool
) -> list[str]:
    argv = [
        "taskset",
        "-c",
        LOAD_CPU,
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--latency",
        "-s",
        str(LUA),
    ]
    for header in headers:
        argv += ["-H", header]
    argv += [base + PATH, "--", str(KEY_FILE), PATH]
    return argv + (["timeline"] if timeline else [])


def _parse_wrk(out: str, connections: int) -> dict[str, Any]:
    found = _WRKJSON.search(out)
    if not found:
        raise RuntimeError(f"wrk printed no summary:\n{out[-2000:]}")
    raw = json.loads(found.group(1))
    seconds = raw["duration_us"] / 1e6
    socket_errors = raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    result: dict[str, Any] = {
        "connections": connections,
        "seconds": round(seconds, 2),
        "requests": raw["requests"],
        "sent": raw["sent"],
        "rps": round(raw["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "non_2xx": raw["status"],
        "socket_errors": {k: raw[k] for k in ("connect", "read", "write", "timeout")},
        "errors": raw["status"] + socket_errors,
    }
    if "buckets" in raw:
        result["timeline"] = _timeline(raw["buckets"], raw["bucket_ms"], raw["duration_us"])
    return result


def _timeline(buckets: list[list[int]], bucket_ms: int, duration_us: int) -> dict[str, Any]:
    """Longest time without a completed response (an upper bound, to the bucket), and the
    completions in each whole second of the run."""
    counts = dict((b, n) for b, n in buckets)
    end_ms = duration_us / 1000
    filled = sorted(counts)
    if not filled:
        longest = end_ms
    else:
        gaps = [(filled[0] + 1) * bucket_ms, end_ms - filled[-1] * bucket_ms]
        gaps += [(b - a + 1) * bucket_ms for a, b in itertools.pairwise(filled)]
        longest = max(gaps)
    per_second: dict[int, int] = {}
    for b, n in counts.items():
        per_second[b * bucket_ms // 1000] = per_second.get(b * bucket_ms // 1000, 0) + n
    whole = [per_second.get(s, 0) for s in range(int(duration_us // 1_000_000))]
    return {
        "bucket_ms": bucket_ms,
        "longest_gap_ms": round(longest),
        "per_second_min": min(whole) if whole else 0,
        "per_second_max": max(whole) if whole else 0,
        "per_second": whole,
    }


def wrk(
    base: str,
    connections: int,
    seconds: float,
    headers: list[str] | None = None,
    timeline: bool = False,
) -> dict[str, Any]:
    """One wrk run; the parsed summary."""
    argv = _wrk_argv(base, connections, seconds, headers or [], timeline)
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    return _parse_wrk(done.stdout, connections)


class Load:
    """wrk runs against one server, each on a quiet machine (or marked as disturbed)."""

    def __init__(
        self, server: Server, rec: Recorder, log: Callable[[str], None], retries: int
    ) -> None:
        self.server, self.rec, self.log, self.retries = server, rec, log, retries

    def once(
        self, connections: int, seconds: float, recorded: bool, timeline: bool = False
    ) -> dict[str, Any]:
        """One run; a recorded run gets a fresh episode and its durability check."""
        episode = self.rec.new_episode() if recorded else None
        headers = self.rec.headers(episode) if episode else []
        watch = CpuWatch(self.server.proc.pid)
        result = wrk(self.server.base, connections, seconds, headers, timeline)
        result.update(watch.stop())
        # CPU time the server spent per answered request: unlike req/s, barely moved by other
        # processes on the machine (1e6 / this = req/s the server could do on a free CPU).
        result["server_cpu_us_per_req"] = round(
            result["server_cpu_s"] * 1e6 / max(result["requests"], 1), 1
        )
        result["disturbed"] = result["foreign_cpu"] >= FOREIGN_CPU_LIMIT
        if episode:
            result["durability"] = _durability(self.rec, episode, result)
        return result

    def runs(self, *plan: tuple[int, float, bool, bool]) -> list[dict[str, Any]]:
        """Back-to-back runs (connections, seconds, recorded, timeline), taken again while
        other processes used the CPU during any of them (at most `retries` more times); the
        least disturbed attempt is kept, the durability checks of the others travel with it."""
        attempts: list[list[dict[str, Any]]] = []
        for attempt in range(self.retries + 1):
            wait_quiet(self.server.proc.pid, self.log)
            attempts.append([self.once(*step) for step in plan])
            busy = max(r["foreign_cpu"] for r in attempts[-1])
            if busy < FOREIGN_CPU_LIMIT:
                break
            if attempt < self.retries:
                self.log(f"  other processes used {busy:.0%} of a CPU during the run; again")
        best = min(attempts, key=lambda a: max(r["foreign_cpu"] for r in a))
        for i, r in enumerate(best):
            r["attempts"] = len(attempts)
            r["other_attempts_durability"] = [
                a[i]["durability"] for a in attempts if a is not best and "durability" in a[i]
            ]
        return best

    def run(self, connections: int, seconds: float, recorded: bool = False) -> dict[str, Any]:
        return self.runs((connections, seconds, recorded, False))[0]


# --- the phases -------------------------------------------------------------------------------


def _durability(rec: Recorder, episode_id: str, run: dict[str, Any]) -> dict[str, Any]:
    """One trace row per request wrk sent: the completed ones (minus failed connections) plus
    those still in flight when wrk stopped, which the server finishes and records."""
    rows = rec.settled_trace_rows(episode_id)
    in_flight = run["sent"] - run["requests"]
    lost = sum(run["socket_errors"][k] for k in ("connect", "read", "write"))
    expected = run["requests"] - lost + in_flight
    return {
        "episode": episode_id,
        "completed": run["requests"],
        "errors": run["errors"],
        "socket_errors": lost,
        "in_flight_at_stop": in_flight,
        "expected_rows": expected,
        "trace_rows": rows,
        "ok": rows == expected,
    }


def _crash_check(rec: Recorder, db: Path, seconds: float = 4.0) -> dict[str, Any]:
    """Kill the server with SIGKILL under recorded load; every 2xx wrk saw must be stored."""
    episode = rec.new_episode()
    with gladi_server(db) as server:
        argv = _wrk_argv(server.base, CONNECTIONS[0], seconds, rec.headers(episode), False)
        load = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(seconds / 2)
        server.kill()
        out, err = load.communicate()
    if load.returncode != 0:
        raise RuntimeError(f"wrk failed ({load.returncode}): {err or out}")
    run = _parse_wrk(out, CONNECTIONS[0])
    answered = run["requests"] - run["non_2xx"]
    rows = rec.trace_rows(episode)
    return {
        "episode": episode,
        "answered_2xx": answered,
        "in_flight_when_killed": CONNECTIONS[0],
        "trace_rows": rows,
        "ok": answered > 0 and answered <= rows <= answered + CONNECTIONS[0],
    }


def run(
    seconds: float = 10,
    stall_seconds: float = 45,
    crash_check: bool = True,
    retries: int = 2,
    db: Path = DB,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Run every phase and return the figures, the checks and the targets."""
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed (Debian: apt-get install -y wrk)")
    if shutil.which("taskset") is None:
        raise RuntimeError("taskset is not installed (Debian: util-linux)")
    world = prepare_world(db, log)
    rec = Recorder(db)
    low, high = CONNECTIONS[0], CONNECTIONS[-1]
    runs: dict[str, dict[int, dict[str, Any]]] = {"bare": {}, "free": {}, "recorded": {}}
    checks: dict[str, Any] = {}
    try:
        log(f"bare Starlette + sqlite3 + orjson ({seconds:g} s per run) ...")
        with bare_server(db) as bare:
            load = Load(bare, rec, log, retries)
            load.once(high, WARMUP_SECONDS, False)
            for c in CONNECTIONS:
                runs["bare"][c] = load.run(c, seconds)
        rec.checkpoint()
        log("gladi serve --workers 1: free exploration, recorded ...")
        with gladi_server(db) as gladi:
            load = Load(gladi, rec, log, retries)
            before = rec.trace_rows()
            load.once(high, WARMUP_SECONDS, False)
            for c in CONNECTIONS:
                runs["free"][c] = load.run(c, seconds)
            checks["free_recorded_nothing"] = rec.trace_rows() == before
            load.once(high, WARMUP_SECONDS, True)
            for c in CONNECTIONS:
                runs["recorded"][c] = load.run(c, seconds, recorded=True)
            log(
                f"stall check: {low} connections {seconds:g} s, then {high} connections "
                f"{stall_seconds:g} s (recorded) ..."
            )
            lead, stall = load.runs((low, seconds, True, False), (high, stall_seconds, True, True))
        timeline = stall.pop("timeline")
        checks["stall"] = {
            "lead_in": lead,
            "run": stall,
            "longest_gap_ms": timeline["longest_gap_ms"],
            "per_second_min": timeline["per_second_min"],
            "per_second_max": timeline["per_second_max"],
            "per_second": timeline["per_second"],
            "stalled": timeline["longest_gap_ms"] >= STALL_WINDOW_MS
            or timeline["per_second_min"] == 0,
        }
        checks["durability"] = [
            {"phase": phase + label, **d}
            for phase, r in [
                *((f"recorded {c}", runs["recorded"][c]) for c in CONNECTIONS),
                ("stall lead-in", lead),
                ("stall", stall),
            ]
            for label, d in [
                ("", r["durability"]),
                *((" (attempt not kept)", other) for other in r["other_attempts_durability"]),
            ]
        ]
        if crash_check:
            log("crash check: SIGKILL under recorded load ...")
            checks["crash"] = _crash_check(rec, db)
    finally:
        rec.close()
    result: dict[str, Any] = {
        "world": world,
        "seconds": seconds,
        "stall_seconds": stall_seconds,
        "server_cpu": SERVER_CPU,
        "load_cpu": LOAD_CPU,
        "runs": runs,
        "ratios": {
            kind: {c: round(runs[kind][c]["rps"] / runs["bare"][c]["rps"], 3) for c in CONNECTIONS}
            for kind in ("free", "recorded")
        },
        "checks": checks,
        "disturbed": [
            f"{kind} {c}" for kind, by_c in runs.items() for c, r in by_c.items() if r["disturbed"]
        ]
        + [name for name in ("lead_in", "run") if checks["stall"][name]["disturbed"]],
    }
    result["targets"] = _targets(result)
    result["all_met"] = all(t["met"] for t in result["targets"].values())
    return result


def _targets(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    runs, ratios, checks = result["runs"], result["ratios"], result["checks"]
    top = CONNECTIONS[-1]
    gladi_runs = [r for kind in ("free", "recorded") for r in runs[kind].values()]
    gladi_runs += [checks["stall"]["lead_in"], checks["stall"]["run"]]
    p99 = max(r["p99_ms"] for r in gladi_runs if r["connections"] == top)
    errors = sum(r["errors"] for r in gladi_runs)
    targets = {
        "free >= 30% of bare": {
            "value": min(ratios["free"].values()),
            "target": TARGET_FREE_RATIO,
            "met": min(ratios["free"].values()) >= TARGET_FREE_RATIO,
        },
        "recorded >= 15% of bare": {
            "value": min(ratios["recorded"].values()),
            "target": TARGET_RECORDED_RATIO,
            "met": min(ratios["recorded"].values()) >= TARGET_RECORDED_RATIO,
        },
        f"p99 < {TARGET_P99_MS:g} ms at {top} connections": {
            "value": p99,
            "target": TARGET_P99_MS,
            "met": p99 < TARGET_P99_MS,
        },
        "zero errors": {"value": errors, "target": 0, "met": errors == 0},
        "no stall": {
            "value": checks["stall"]["longest_gap_ms"],
            "target": STALL_WINDOW_MS,
            "met": not checks["stall"]["stalled"],
        },
        "every recorded call stored": {
            "value": sum(1 for d in checks["durability"] if not d["ok"]),
            "target": 0,
            "met": all(d["ok"] for d in checks["durability"])
            and checks.get("free_recorded_nothing", False),
        },
    }
    if "crash" in checks:
        targets["durable before response (SIGKILL)"] = {
            "value": checks["crash"]["trace_rows"],
            "target": checks["crash"]["answered_2xx"],
            "met": checks["crash"]["ok"],
        }
    return targets


# --- report -----------------------------------------------------------------------------------


def report(result: dict[str, Any]) -> str:
    """The figures as text."""
    world = result["world"]
    lines = [
        f"Lookups on the {SCALE} world ({world['rows']:,} rows, {world['subscribers']:,} "
        f"subscribers), {world['keys']:,} random MSISDNs, GET {PATH}{{msisdn}}; "
        f"{result['seconds']:g} s per run; server on CPU {result['server_cpu']}, "
        f"wrk -t1 on CPU {result['load_cpu']}",
        "",
        f"{'endpoint':<25}{'conns':>6}{'req/s':>9}{'p50 ms':>8}{'p99 ms':>8}{'max ms':>8}"
        f"{'errors':>7}{'vs bare':>8}{'other CPU':>10}",
    ]
    names = {
        "bare": "bare Starlette+sqlite3",
        "free": "gladi free exploration",
        "recorded": "gladi recorded",
    }
    for kind, label in names.items():
        for c, r in result["runs"][kind].items():
            ratio = 1.0 if kind == "bare" else result["ratios"][kind][c]
            lines.append(
                f"{label:<25}{c:>6}{r['rps']:>9,.0f}{r['p50_ms']:>8.2f}{r['p99_ms']:>8.2f}"
                f"{r['max_ms']:>8.1f}{r['errors']:>7}{ratio:>8.2f}{r['foreign_cpu']:>10.0%}"
            )
    checks = result["checks"]
    stall = checks["stall"]
    lead, s = stall["lead_in"], stall["run"]
    lines += [
        "",
        f"stall check (recorded): {lead['connections']} connections {lead['seconds']:g} s "
        f"({lead['rps']:,.0f} req/s, p99 {lead['p99_ms']:.2f} ms, {lead['errors']} errors), "
        f"then {s['connections']} connections {s['seconds']:g} s: {s['rps']:,.0f} req/s, "
        f"p99 {s['p99_ms']:.2f} ms, max {s['max_ms']:.1f} ms, {s['errors']} errors",
        f"  completed per second {stall['per_second_min']:,}..{stall['per_second_max']:,}; "
        f"longest time without a completed response {stall['longest_gap_ms']} ms "
        f"(to 10 ms) -> {'STALLED' if stall['stalled'] else 'no stall'}",
        f"free exploration recorded nothing: {checks['free_recorded_nothing']}",
    ]
    for d in checks["durability"]:
        lines.append(
            f"durability, {d['phase']}: completed {d['completed']:,} - failed connections "
            f"{d['socket_errors']} + in flight at stop {d['in_flight_at_stop']} = "
            f"{d['expected_rows']:,} calls; trace rows {d['trace_rows']:,} -> "
            f"{'OK' if d['ok'] else 'MISMATCH'}"
        )
    if "crash" in checks:
        c = checks["crash"]
        lines.append(
            f"crash check (SIGKILL under recorded load): {c['answered_2xx']:,} answered 2xx, "
            f"{c['trace_rows']:,} trace rows (at most {c['in_flight_when_killed']} more than "
            f"answered) -> {'OK' if c['ok'] else 'LOST RECORDED CALLS'}"
        )
    if result["disturbed"]:
        lines.append(
            "WARNING: other processes used the CPU during "
            + ", ".join(result["disturbed"])
            + "; those figures are low"
        )
    lines += ["", "targets:"]
    for name, t in result["targets"].items():
        value = t["value"]
        shown = f"{value:.3f}" if isinstance(value, float) else f"{value}"
        lines.append(f"  {name:<40} {shown:>10}  {'met' if t['met'] else 'NOT MET'}")
    lines.append(f"all targets met: {result['all_met']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.lookups",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--seconds", type=float, default=10, help="seconds per wrk run")
    parser.add_argument(
        "--stall-seconds", type=float, default=45, help="length of the 64-connection stall run"
    )
    parser.add_argument(
        "--no-crash-check", action="store_true", help="skip killing the server under recorded load"
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=2,
        help="take a run again this often while other processes use the CPU",
    )
    parser.add_argument("--json", action="store_true", help="also print the result as JSON")
    args = parser.parse_args(argv)
    result = run(
        args.seconds,
        args.stall_seconds,
        crash_check=not args.no_crash_check,
        retries=args.retries,
        log=lambda m: print(m, file=sys.stderr, flush=True),
    )
    print(report(result))
    if args.json:
        print(json.dumps(result, indent=2))
    return 0 if result["all_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
