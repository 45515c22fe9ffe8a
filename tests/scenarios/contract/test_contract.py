"""The grading contract: every case and drill of the library on seeds 0-2, every attempt a QA
lead would judge (tests/scenarios/contract/attempts.py), graded offline through the pure grader.
`python -m tests.scenarios.contract.run` prints the count of attempts graded."""

import pytest
from sqlalchemy import Engine

from scenarios import engine
from scenarios.library import Library
from tests.scenarios.conftest import SCENARIOS
from tests.scenarios.contract.run import run_contract

LIB = engine.load_library(SCENARIOS)
SOPS = sorted(LIB.sops)


@pytest.mark.parametrize("sop", SOPS)
def test_every_attempt_gets_the_verdict_a_qa_lead_gives(
    library: Library, mem_engine: Engine, sop: str
) -> None:
    cases = sorted(c for c, case in library.cases.items() if case.sop == sop)
    outcome = run_contract(library, mem_engine, cases)
    assert outcome.graded >= 20 * len(cases), outcome.graded
    assert outcome.violations == [], "\n".join(outcome.violations[:20])


def test_the_contract_catches_a_grader_that_passes_a_missing_ticket(
    library: Library, mem_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The suite can fail: with the ticket items made lenient it reports violations."""
    from scenarios.grading import grader

    monkeypatch.setattr(grader, "ticket_items", lambda *args, **kwargs: [])
    outcome = run_contract(library, mem_engine, ["sop001-paid-blocked"])
    assert any("no ticket" in v for v in outcome.violations)
