"""A case that validates must also build: instantiate it on several seeds, off the record.

Each case is built on seeds 0-2 beside an empty in-memory world (nothing is written); a case
its SOP's builders cannot realise is a Problem naming the file, the `conditions` line and the
seed, instead of a 500 when a trainee starts it.
"""

from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import Engine

from scenarios.library import Library
from scenarios.problems import CaseBuildError, Problem
from scenarios.validate.errors import problem_at
from scenarios.yamlsrc import Source

SEEDS = (0, 1, 2)


@lru_cache(maxsize=1)
def _empty_world() -> Engine:
    from gladi.db import build_engine
    from gladi.schema import ensure_schema

    engine = build_engine("sqlite://")
    ensure_schema(engine)
    return engine


def build_problems(library: Library, case_id: str, src: Source) -> list[Problem]:
    """A Problem for the first seed a case cannot be built with (none if it builds)."""
    from scenarios.instantiate import instantiate

    case = library.cases[case_id]
    at = ("conditions",) if case.conditions else ("id",)
    with _empty_world().connect() as conn:
        for seed in SEEDS:
            try:
                instantiate(conn, library, case_id, seed, f"validate-{seed}")
            except CaseBuildError as exc:
                return [problem_at(src, at, exc.message)]
            finally:
                conn.rollback()
    return []


def all_build_problems(library: Library, sources: Iterable[Source]) -> list[Problem]:
    """Build problems of every loaded case among `sources`."""
    problems: list[Problem] = []
    for src in sources:
        case_id = src.data.get("id") if isinstance(src.data, dict) else None
        if isinstance(case_id, str) and case_id in library.cases:
            problems += build_problems(library, case_id, src)
    return problems
