"""GET /api/scenarios/problems: the library's broken files, for trainers to fix.

A file with a problem is left out of the library while every other case keeps serving; this
lists each problem with its file (as `scenarios/...`), line and field path.
"""

import os
from pathlib import Path
from typing import Any

from mocks.api.deps import StaffUser
from mocks.errors import ERROR_RESPONSES
from mocks.routing import PrefixRouter
from scenarios import engine

router = PrefixRouter(prefix="/api", tags=["authoring"], responses=ERROR_RESPONSES)


def shown_file(root: Path, file: str) -> str:
    """A problem's file relative to the library, as `scenarios/cases/...`."""
    absolute = Path(os.path.abspath(file))  # links not followed: the name on disk is the file
    for base in (Path(os.path.abspath(root)), root.resolve()):
        if absolute.is_relative_to(base):
            return str(Path("scenarios") / absolute.relative_to(base))
    return file


def problem_list(library: engine.Library) -> list[dict[str, Any]]:
    """Every problem as {file, line, field, message}."""
    return [
        {
            "file": shown_file(library.root, p.file),
            "line": p.line,
            "field": p.field,
            "message": p.message,
        }
        for p in library.problems
    ]


@router.get("/scenarios/problems", name="api.scenario_problems")
async def read_problems(user: StaffUser) -> dict[str, Any]:
    """Files left out of the library and why (trainers and assessors)."""
    problems = problem_list(engine.get_library())
    return {"count": len(problems), "problems": problems}
