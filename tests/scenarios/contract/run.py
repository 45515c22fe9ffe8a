"""The grading contract over a library: every case and drill on seeds 0-2, every attempt of
tests/scenarios/contract/attempts.py graded through the pure grader (no HTTP).

`python -m tests.scenarios.contract.run` prints how many attempts were graded and every
violation; the tests assert there are none.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine

from scenarios import engine
from scenarios.library import Library
from tests.scenarios.contract.attempts import attempts, violation
from tests.scenarios.helpers import make_instance

SEEDS = (0, 1, 2)


@dataclass
class Outcome:
    """How many attempts were graded, and the violations found."""

    graded: int = 0
    violations: list[str] = field(default_factory=list)


def run_contract(library: Library, db: Engine, case_ids: Iterable[str]) -> Outcome:
    """Grade every attempt of every case on every seed."""
    outcome = Outcome()
    for case_id in case_ids:
        for seed in SEEDS:
            instance = make_instance(library, db, case_id, seed=seed)
            for attempt in attempts(instance):
                report = engine.grade(attempt.events, attempt.submission, instance.key)
                outcome.graded += 1
                if (why := violation(report, attempt.verdict)) is not None:
                    outcome.violations.append(f"{case_id} seed {seed}: {attempt.name}: {why}")
    return outcome


def main() -> None:
    from gladi.db import build_engine
    from gladi.schema import ensure_schema
    from tests.scenarios.conftest import SCENARIOS

    library = engine.load_library(SCENARIOS)
    db = build_engine("sqlite://")
    ensure_schema(db)
    outcome = run_contract(library, db, sorted(library.cases))
    for line in outcome.violations:
        print(line)
    print(f"graded {outcome.graded} attempts; {len(outcome.violations)} violations")


if __name__ == "__main__":
    main()
