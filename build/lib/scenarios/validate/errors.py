"""Turning pydantic errors and issue locations into Problems with lines and field paths."""

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scenarios.problems import Problem
from scenarios.yamlsrc import Source


def field_path(loc: tuple) -> str:
    """('lookups', 0, 'with', 'msisdn') -> 'lookups[0].with.msisdn'."""
    text = ""
    for part in loc:
        if isinstance(part, int) and not isinstance(part, bool):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def display(path: Path) -> str:
    """The file name as problems show it (relative to the working directory when inside it)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def problem_at(src: Source, loc: tuple, message: str) -> Problem:
    """A problem at a location of a parsed file."""
    return Problem(display(src.path), src.line_of(loc), field_path(loc), message)


def _message(error: Any) -> str:
    message = str(error["msg"])
    if error["type"] == "extra_forbidden":
        return "unknown field"
    if error["type"] == "missing":
        return "required field is missing"
    return message.removeprefix("Value error, ")


def _useful_loc(error: Any, data: Any) -> tuple:
    """The error's location with pydantic's union markers ('str', 'AnswerBy' ...) dropped.

    A part is kept when it names a key or index of the data at that point (or is the name of
    a missing field at the end).
    """
    node, kept = data, []
    loc = tuple(error["loc"])
    for index, part in enumerate(loc):
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            kept.append(part)
            node = node[part]
        elif index == len(loc) - 1 and error["type"] == "missing":
            kept.append(part)
    return tuple(kept)


def pydantic_problems(src: Source, exc: ValidationError) -> list[Problem]:
    """One problem per validation error, at the line of its field."""
    seen: set[tuple] = set()
    problems = []
    for error in exc.errors():
        loc = _useful_loc(error, src.data)
        key = (loc, _message(error))
        if key in seen:
            continue
        seen.add(key)
        problems.append(problem_at(src, loc, _message(error)))
    return problems
