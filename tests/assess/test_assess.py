"""`gladi assess`: the oracle passes every scenario on every seed, random rarely passes."""

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

from gladi.cli.main import app
from scenarios import engine

runner = CliRunner()


def _assess(*args: str) -> dict:
    result = runner.invoke(app, ["assess", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.slow
def test_oracle_passes_every_scenario_on_every_seed(app_env: str, tmp_path: Path) -> None:
    junit = tmp_path / "oracle.xml"
    summary = _assess("--agent", "oracle", "--seeds", "2", "--junit", str(junit))
    cases = engine.list_cases(engine.get_library())
    assert summary["episodes"] == 2 * len(cases)
    assert summary["errors"] == []
    assert summary["pass_rate"] == 1.0 and summary["pass_hat_k"] == 1.0
    assert set(summary["by_sop"]) == {c["sop"] for c in cases}
    suite = ET.parse(junit).getroot()
    assert suite.get("tests") == str(summary["episodes"]) and suite.get("failures") == "0"


@pytest.mark.slow
def test_random_agent_is_told_apart(app_env: str) -> None:
    summary = _assess("--agent", "random", "--seeds", "3")
    assert summary["errors"] == []
    assert summary["pass_rate"] < 0.10
    assert summary["by_item"]["decision"]["ok_rate"] < 0.5


def test_custom_agent_by_module_path(app_env: str) -> None:
    summary = _assess(
        "--agent", "tests.assess.sample_agent:give_up", "--scenarios", "sop001-paid-blocked"
    )
    assert summary["episodes"] == 1 and summary["passed"] == 0


def test_unknown_agent_and_scenario_are_one_line_errors(app_env: str) -> None:
    bad_agent = runner.invoke(app, ["assess", "--agent", "nosuch"])
    assert bad_agent.exit_code == 2 and "MODULE:FUNCTION" in bad_agent.output
    bad_case = runner.invoke(app, ["assess", "--agent", "oracle", "--scenarios", "nope"])
    assert bad_case.exit_code == 2 and "nope" in bad_case.output


def test_the_readme_example_agent_is_graded_like_anyone(app_env: str) -> None:
    clear = _assess("--agent", "examples.sop001_agent:agent", "--scenarios", "sop001-paid-clear")
    assert clear["passed"] == 1  # right lookups, right decision
    blocked = _assess(
        "--agent", "examples.sop001_agent:agent", "--scenarios", "sop001-paid-blocked"
    )
    assert blocked["passed"] == 0  # it never files the ticket the SOP requires
    assert blocked["by_item"]["ticket_field"]["missed"] > 0
