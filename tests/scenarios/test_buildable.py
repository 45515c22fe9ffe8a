"""A case that validates but cannot be built is a Problem at validate, a 422 at start and at
preview: never a traceback or a 500."""

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from scenarios import engine
from scenarios.materialize import sop_001
from scenarios.problems import CaseBuildError
from tests.scenarios.conftest import SCENARIOS

CASE = "sop001-paid-clear"


@pytest.fixture
def unbuildable(monkeypatch: pytest.MonkeyPatch) -> None:
    """SOP 001's builder cannot make the paid-clear case on seed 1 (as a materializer whose
    world rules cannot meet a case's conditions would fail)."""
    real = sop_001.materialize

    def materialize(b: Any) -> Any:
        if b.case.id == CASE and b.episode_id in ("ep-1", "validate-1"):
            raise RuntimeError("sop-001 materializer made payment_posted=False, case wants True")
        return real(b)

    monkeypatch.setattr(sop_001, "materialize", materialize)


def test_validate_builds_each_case_and_names_the_file_and_seed(
    unbuildable: None, tmp_path: Path
) -> None:
    root = tmp_path / "scenarios"
    shutil.copytree(SCENARIOS / "sops", root / "sops")
    (root / "cases" / "sop-001").mkdir(parents=True)
    target = root / "cases" / "sop-001" / f"{CASE}.yaml"
    shutil.copy(SCENARIOS / "cases" / "sop-001" / f"{CASE}.yaml", target)
    problems = engine.validate_files([target], root=root)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.file.endswith(f"{CASE}.yaml") and problem.field == "conditions"
    assert "seed 1" in problem.message and "payment_posted" in problem.message
    assert problem.line > 1


def test_start_is_a_422_naming_the_case(unbuildable: None, mem_engine: Engine) -> None:
    library = engine.load_library(SCENARIOS)
    with mem_engine.connect() as conn:
        engine.instantiate(conn, library, CASE, 0, "ep-0")
        with pytest.raises(CaseBuildError) as caught:
            engine.instantiate(conn, library, CASE, 1, "ep-1")
    error = caught.value
    assert error.status == 422 and error.field == "scenario"
    assert CASE in error.message and "seed 1" in error.message


def test_the_library_builds_on_every_seed_it_is_validated_with() -> None:
    assert engine.validate_files([SCENARIOS / "cases"], root=SCENARIOS) == []
