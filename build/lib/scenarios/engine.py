"""The scenario engine's public face: what the episode API, the CLI and the UI call.

get_library() -> Library            load_library(root) / validate_files(paths) -> [Problem]
list_cases(lib) -> [dict]           coverage(lib) -> {sop: {branch: [case ids]}}
instantiate(conn, lib, case_id, seed, episode_id, persona=None) -> Instance
write_instance(conn, instance)      answer(customer, question) -> (question_id | None, text)
reply(customer, message, history) -> Reply (.detail(): the ask event's detail)
with_phrasings(customer, added) / probe_state(sop, added) / question_bank(sop)
grade(events, submission, key) -> report          hint(key, events) -> {step_id, ...}
"""

from typing import Any

from scenarios.coverage import coverage
from scenarios.customer import (
    Reply,
    answer,
    probe_state,
    question_bank,
    reply,
    with_phrasings,
)
from scenarios.grading.grader import grade
from scenarios.grading.hint import hint
from scenarios.instantiate import Instance, instantiate, opening_event, write_instance
from scenarios.library import Library, clear_cache, get_library, load_library, validate_files
from scenarios.problems import LibraryError, Problem


def list_cases(library: Library) -> list[dict[str, Any]]:
    """Every case and drill: id, sop, title, difficulty, channel, kind (sorted by id)."""
    return [
        {
            "id": c.id,
            "sop": c.sop,
            "title": c.title,
            "difficulty": c.difficulty,
            "channel": c.channel,
            "kind": c.kind,
        }
        for c in sorted(library.cases.values(), key=lambda c: c.id)
    ]


__all__ = [
    "Instance",
    "Library",
    "LibraryError",
    "Problem",
    "Reply",
    "answer",
    "clear_cache",
    "coverage",
    "get_library",
    "grade",
    "hint",
    "instantiate",
    "list_cases",
    "load_library",
    "opening_event",
    "probe_state",
    "question_bank",
    "reply",
    "validate_files",
    "with_phrasings",
    "write_instance",
]
