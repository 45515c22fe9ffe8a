"""`gladi assess`: run an agent over scenarios and seeds, print pass rates per SOP and item."""

import json
import os
from pathlib import Path

import httpx
import typer
from rich.console import Console
from rich.table import Table

from gladi.assess import runner
from gladi.assess.agents import load_agent
from gladi.assess.local_server import local_server, temporary_assessor
from gladi.assess.summary import junit, summarize
from gladi.cli.common import fail, open_engine


def _scenarios(base_url: str, token: str, wanted: str) -> list[dict]:
    response = httpx.get(f"{base_url}/api/scenarios", headers={"Authorization": f"Bearer {token}"})
    response.raise_for_status()
    cases = response.json()
    if wanted == "all":
        return cases
    ids = [s.strip() for s in wanted.split(",") if s.strip()]
    known = {c["id"]: c for c in cases}
    unknown = [i for i in ids if i not in known]
    if unknown:
        fail(f"unknown scenario(s): {', '.join(unknown)}")
    return [known[i] for i in ids]


def _login(url: str, user: str | None) -> str:
    password = os.environ.get("GLADI_ASSESS_PASSWORD")
    if not user or not password:
        fail("against --url, give --user and the password in GLADI_ASSESS_PASSWORD")
    response = httpx.post(f"{url}/api/login", json={"username": user, "password": password})
    if response.status_code != 200:
        fail(f"login as {user!r} failed: {response.text[:200]}")
    return response.json()["token"]


def _print_tables(summary: dict) -> None:
    console = Console()
    sops = Table("SOP", "episodes", "passed", "pass rate", title="Per SOP")
    for sop, s in summary["by_sop"].items():
        sops.add_row(sop, str(s["episodes"]), str(s["passed"]), f"{s['pass_rate']:.0%}")
    items = Table("item kind", "ok", "missed", "wrong", "extra", "ok rate", title="Per item kind")
    for kind, s in summary["by_item"].items():
        items.add_row(
            kind,
            *(str(s.get(k, 0)) for k in ("ok", "missed", "wrong", "extra")),
            f"{s['ok_rate']:.0%}",
        )
    console.print(sops, items)
    console.print(
        f"episodes {summary['episodes']}  passed {summary['passed']}  "
        f"pass rate {summary['pass_rate']:.1%}  pass^{summary['k']} "
        f"{summary['pass_hat_k']:.1%}  errors {len(summary['errors'])}"
    )


def assess(
    agent: str = typer.Option(..., "--agent", help="oracle, random or MODULE:FUNCTION."),
    scenarios: str = typer.Option("all", "--scenarios", help="all or ID,ID,..."),
    seeds: int = typer.Option(1, "--seeds", min=1, max=1000, help="Seeds per scenario (K)."),
    url: str = typer.Option(None, "--url", help="A running server; default: in-process."),
    user: str = typer.Option(None, "--user", help="Assessor account (with --url)."),
    parallel: int = typer.Option(8, "--parallel", min=1, max=128, help="Concurrent episodes."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    junit_file: Path = typer.Option(None, "--junit", help="Write JUnit XML here."),
) -> None:
    """Run an agent over scenarios x seeds and print pass rates per SOP and per item kind."""
    try:
        run_agent = load_agent(agent)
    except ValueError as exc:
        fail(str(exc))
    if url:
        results = _run(
            url.rstrip("/"), _login(url.rstrip("/"), user), run_agent, scenarios, seeds, parallel
        )
    else:
        open_engine(None).dispose()
        with local_server() as base, temporary_assessor() as token:
            results = _run(base, token, run_agent, scenarios, seeds, parallel)
    summary = summarize(results, seeds)
    if junit_file:
        junit_file.write_bytes(junit(results))
    if as_json:
        typer.echo(json.dumps(summary, indent=2))
    else:
        _print_tables(summary)


def _run(
    base: str, token: str, agent: runner.Agent, wanted: str, seeds: int, parallel: int
) -> list[runner.EpisodeResult]:
    return runner.run(base, token, agent, _scenarios(base, token, wanted), seeds, parallel)
