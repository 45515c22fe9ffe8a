"""Validate one SOP encoding file: shape, source refs, materializer, and every meaning check."""

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scenarios.materialize import Names, module_for
from scenarios.models.sop import Sop
from scenarios.problems import Problem
from scenarios.sources import ref_problem, source_lines, source_path
from scenarios.validate import sop_advice, sop_parts, sop_rules
from scenarios.validate.context import SopCheck
from scenarios.validate.errors import problem_at, pydantic_problems
from scenarios.yamlsrc import Source


def _refs(data: Any, at: tuple = ()) -> list[tuple[tuple, str]]:
    """Every `ref: ...` value in the raw data, with its location."""
    found: list[tuple[tuple, str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "ref" and isinstance(value, str):
                found.append(((*at, key), value))
            else:
                found += _refs(value, (*at, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found += _refs(item, (*at, index))
    return found


def _materializer_names(sop: Sop) -> tuple[Names | None, str | None]:
    try:
        module = module_for(sop.id)
    except (ImportError, TypeError) as exc:
        return None, f"materializer for {sop.id} is broken: {exc}"
    if module is None:
        expected = f"scenarios/materialize/{sop.id.replace('-', '_')}.py"
        return None, f"no materializer for {sop.id}: write {expected}"
    return module.NAMES, None


def validate_sop(src: Source) -> tuple[Sop | None, list[Problem]]:
    """The SOP model if the file has no problem, and every problem found."""
    if not isinstance(src.data, dict):
        return None, [problem_at(src, (), "a SOP file is a mapping (id, title, facts, ...)")]
    try:
        sop = Sop.model_validate(src.data)
    except ValidationError as exc:
        return None, pydantic_problems(src, exc)
    problems = [problem_at(src, loc, f"duplicate key {loc[-1]!r}") for loc, _ in src.duplicates]
    if src.path.stem != sop.id:
        problems.append(problem_at(src, ("id",), f"file name must be {sop.id}.yaml (stem == id)"))
    problems += _source_problems(src, sop)
    names, missing = _materializer_names(sop)
    if missing:
        problems.append(problem_at(src, ("id",), missing))
    check = SopCheck(sop=sop, names=names)
    for step in (
        sop_parts.check_facts,
        sop_parts.check_lookups,
        sop_parts.check_questions,
        sop_rules.check_decision,
        sop_rules.check_tickets,
        sop_rules.check_reports,
        sop_rules.check_branches,
        sop_advice.check_advice,
    ):
        step(check)
    problems += [problem_at(src, loc, message) for loc, message in check.issues]
    return (None if problems else sop), problems


def _source_problems(src: Source, sop: Sop) -> list[Problem]:
    path = source_path(src.path.parent, sop.source)
    lines = source_lines(Path(path))
    if not lines:
        return [problem_at(src, ("source",), f"cannot read the SOP source {path}")]
    return [
        problem_at(src, loc, problem)
        for loc, ref in _refs(src.data)
        if (problem := ref_problem(ref, sop.prefix, lines))
    ]
