"""Concurrency and crashes over real HTTP: 50 parallel episodes; SIGKILL mid-episode."""

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import Engine

from bench.procs import child_pids, start_server
from gladi.assess.client import episode_client, replay
from gladi.assess.local_server import local_server
from gladi.processes import free_port, stop
from tests.api.conftest import CASE, bearer
from tests.helpers import make_user, trace_of


def _run_episode(base: str, token: str, staff: str, seed: int) -> tuple[str, list[dict], str]:
    with httpx.Client(base_url=base, headers=bearer(token), timeout=60) as api:
        episode = api.post("/api/episodes", json={"scenario": CASE, "seed": seed}).json()
        key = api.get(f"/api/episodes/{episode['id']}/key", headers=bearer(staff)).json()
        with episode_client(base, token, episode["id"]) as client:
            replay(client, episode["id"], key["steps"])
        msisdn = key["submit"].get("facts", {}).get("msisdn") or next(
            s["request"]["path"].rsplit("/", 1)[-1]
            for s in key["steps"]
            if s["kind"] == "lookup" and s["request"]["path"].startswith("/dsc/subscribers/")
        )
    return episode["id"], key["steps"], msisdn


@pytest.mark.slow
def test_fifty_concurrent_episodes_keep_to_themselves(app_env: str, world_engine: Engine) -> None:
    staff = make_user(world_engine, "assessor")[1]
    tokens = [make_user(world_engine)[1] for _ in range(50)]
    with local_server() as base, ThreadPoolExecutor(max_workers=16) as pool:
        runs = list(pool.map(lambda i: _run_episode(base, tokens[i], staff, 100 + i), range(50)))
    customers = {msisdn for _, _, msisdn in runs}
    assert len(customers) == 50  # every episode got its own customer
    for episode_id, steps, msisdn in runs:
        events = [e for e in trace_of(world_engine, episode_id) if e["kind"] == "tool"]
        expected = [s for s in steps if s["kind"] != "question"]
        assert len(events) == len(expected)
        seen = {str(v) for e in events for v in e["params"].values()}
        assert not (seen & (customers - {msisdn})), "a trace holds another episode's customer"


@pytest.mark.slow
def test_episode_survives_a_sigkilled_server(app_env: str, world_engine: Engine) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    _, token = make_user(world_engine)
    staff = make_user(world_engine, "trainer")[1]
    proc = start_server(app_env, port)
    try:
        with httpx.Client(base_url=base, headers=bearer(token), timeout=30) as api:
            episode = api.post("/api/episodes", json={"scenario": CASE, "seed": 9}).json()
            key = api.get(f"/api/episodes/{episode['id']}/key", headers=bearer(staff)).json()
            half = len(key["steps"]) // 2
            with episode_client(base, token, episode["id"]) as client:
                replay(client, episode["id"], key["steps"][:half])
            before = trace_of(world_engine, episode["id"])
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
            proc = start_server(app_env, port)
            assert trace_of(world_engine, episode["id"]) == before
            with episode_client(base, token, episode["id"]) as client:
                replay(client, episode["id"], key["steps"][half:])
            report = api.post(f"/api/episodes/{episode['id']}/submit", json=key["submit"]).json()
        assert report["score"] == 100 and report["passed"]
        after = trace_of(world_engine, episode["id"])
        assert after[: len(before)] == before
    finally:
        proc.kill()
        proc.wait(timeout=10)


@pytest.mark.slow
def test_two_workers_one_sigkilled_the_other_serves_and_it_comes_back(
    app_env: str, world_engine: Engine
) -> None:

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    _, token = make_user(world_engine)
    staff = make_user(world_engine, "trainer")[1]
    server = start_server(app_env, port, workers=2)
    try:
        workers = child_pids(server.pid)
        assert len(workers) == 2
        with httpx.Client(base_url=base, headers=bearer(token), timeout=30) as api:
            episode = api.post("/api/episodes", json={"scenario": CASE, "seed": 11}).json()
            key = api.get(f"/api/episodes/{episode['id']}/key", headers=bearer(staff)).json()
            half = len(key["steps"]) // 2
            with episode_client(base, token, episode["id"]) as client:
                assert all(s < 400 for s in replay(client, episode["id"], key["steps"][:half]))
            before = trace_of(world_engine, episode["id"])
        os.kill(workers[0], signal.SIGKILL)
        # Connections the killed worker held are gone; new connections reach the survivor.
        for _ in range(20):
            assert httpx.get(f"{base}/healthz", timeout=10).status_code == 200
        with httpx.Client(base_url=base, headers=bearer(token), timeout=30) as api:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                now = child_pids(server.pid)
                if len(now) == 2 and workers[0] not in now:
                    break
                time.sleep(0.2)
            assert len(child_pids(server.pid)) == 2 and workers[0] not in child_pids(server.pid)
            with episode_client(base, token, episode["id"]) as client:
                assert all(s < 400 for s in replay(client, episode["id"], key["steps"][half:]))
            report = api.post(f"/api/episodes/{episode['id']}/submit", json=key["submit"]).json()
        assert report["score"] == 100
        assert trace_of(world_engine, episode["id"])[: len(before)] == before
    finally:
        stop(server)
