"""Run an agent over scenarios x seeds against a Gladi server, in parallel, and collect reports."""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx

from gladi.assess.agents import Agent

__all__ = ["Agent", "EpisodeResult", "run", "run_one"]
from gladi.assess.client import episode_client


@dataclass
class EpisodeResult:
    """One graded episode (or the error that stopped it)."""

    scenario: str
    sop: str
    seed: int
    episode: str | None = None
    score: int = 0
    passed: bool = False
    items: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


def run_one(
    base_url: str, token: str, agent: Agent, scenario: dict[str, Any], seed: int
) -> EpisodeResult:
    """Start an episode, let the agent work, submit what it returns."""
    result = EpisodeResult(scenario["id"], scenario["sop"], seed)
    headers = {"Authorization": f"Bearer {token}"}
    try:
        with httpx.Client(base_url=base_url, headers=headers, timeout=60.0) as api:
            started = api.post("/api/episodes", json={"scenario": scenario["id"], "seed": seed})
            started.raise_for_status()
            brief = started.json()
            result.episode = brief["id"]
            with episode_client(base_url, token, brief["id"]) as client:
                submission = agent(client, brief)
            report = api.post(f"/api/episodes/{brief['id']}/submit", json=submission)
            report.raise_for_status()
            body = report.json()
        result.score, result.passed, result.items = body["score"], body["passed"], body["items"]
    except (httpx.HTTPError, KeyError, ValueError, TypeError) as exc:
        detail = exc.response.text[:300] if isinstance(exc, httpx.HTTPStatusError) else ""
        result.error = f"{type(exc).__name__}: {exc} {detail}".strip()
    return result


def run(
    base_url: str,
    token: str,
    agent: Agent,
    scenarios: list[dict[str, Any]],
    seeds: int,
    parallel: int = 8,
    progress: Callable[[EpisodeResult], None] | None = None,
) -> list[EpisodeResult]:
    """Every scenario with seeds 0..seeds-1; results in (scenario, seed) order."""
    jobs = [(s, seed) for s in scenarios for seed in range(seeds)]
    results: list[EpisodeResult] = []
    with ThreadPoolExecutor(max_workers=max(1, parallel)) as pool:
        futures = [pool.submit(run_one, base_url, token, agent, s, seed) for s, seed in jobs]
        for future in futures:
            result = future.result()
            if progress:
                progress(result)
            results.append(result)
    return results
