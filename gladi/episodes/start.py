"""Starting an attempt: which case, which seed, and one attempt per trainee and exam case.

A case is named by its readable id (staff tools, scripts, tests) or by the opaque id trainees
are shown (gladi.episodes.case_ids). Practice takes the caller's seed (0 .. 2^31-1) or a random
one; exam-only cases are never practice for trainees. In an exam the server picks the seed
from a range practice cannot reach, and the unique constraint on (exam_id, user_id,
scenario_id) makes a second start of the same exam case fail however many arrive at once:
the loser gets 409 naming the attempt that exists.
"""

import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert
from sqlalchemy.exc import IntegrityError

from gladi.catalog import TOOLS
from gladi.episodes import exams, phrasings
from gladi.episodes.access import EPISODES
from gladi.episodes.auth import User
from gladi.episodes.case_ids import public_id, require_case, trainee_title
from gladi.episodes.trace import append_event
from gladi.errors import BadInput, Conflict, Forbidden
from scenarios import engine

PERSONAS = ("cooperative", "vague", "impatient")
PRACTICE_DEFAULT_SEEDS = 1_000_000
"""A practice start without a seed gets one below this (a fresh customer each time)."""


def start(
    conn: Connection,
    user: User,
    scenario: str,
    seed: int | None = None,
    persona: str | None = None,
    exam_id: int | None = None,
) -> dict[str, Any]:
    """Instantiate `scenario` as a fresh customer for `user`; returns the 201 body."""
    if persona is not None and persona not in PERSONAS:
        raise BadInput(
            f"unknown persona {persona!r}", field="persona", expected=" | ".join(PERSONAS)
        )
    library = engine.get_library()
    case = require_case(library, scenario)
    deadline = None
    if exam_id is None:
        if case.exam_only and not user.sees_keys:
            raise Forbidden(
                "this case is only given in exams; start it from an exam assigned to you",
                field="scenario",
            )
        if seed is not None and seed not in exams.PRACTICE_SEEDS:
            raise BadInput("seed out of range", field="seed", expected="0 .. 2147483647")
        seed = secrets.randbelow(PRACTICE_DEFAULT_SEEDS) if seed is None else seed
    else:
        if seed is not None:
            raise BadInput(
                "in an exam the server picks the customer; leave out `seed`",
                field="seed",
                expected="no seed with exam_id",
            )
        deadline = exams.check_can_start(conn, user, exam_id, case.id)
        taken = exams.attempt_of(conn, user.id, exam_id, case.id)
        if taken is not None:  # the friendly answer; the unique constraint is the guarantee
            raise Conflict(
                "you already started this exam case", field="scenario", extra={"episode": taken}
            )
        seed = exams.exam_seed()
    episode_id = secrets.token_urlsafe(18)
    instance = engine.instantiate(conn, library, case.id, seed, episode_id, persona)
    added = phrasings.added_for(conn, instance.brief["sop"])
    customer = engine.with_phrasings(instance.customer, added) if added else instance.customer
    conn.execute(
        insert(EPISODES).values(
            id=episode_id,
            user_id=user.id,
            scenario_id=case.id,
            sop=instance.brief["sop"],
            seed=seed,
            persona=instance.persona,
            mode="exam" if exam_id else "practice",
            exam_id=exam_id,
            state="open",
            created_at=datetime.now(UTC),
            deadline=deadline,
            sim_now=instance.sim_now,
            brief=instance.brief,
            customer=customer,
            key=instance.key,
        )
    )
    engine.write_instance(conn, instance)
    append_event(conn, episode_id, "opening", detail=engine.opening_event(instance))
    body = created_body(user, episode_id, case.id, seed, instance.brief)
    if deadline is not None:
        body["deadline"] = deadline.isoformat()
    return body


def start_once(
    db: Engine,
    user: User,
    scenario: str,
    seed: int | None = None,
    persona: str | None = None,
    exam_id: int | None = None,
) -> dict[str, Any]:
    """`start` in its own transaction; a second attempt at an exam case is 409 naming the
    first (the database refused it: nothing of the loser is stored)."""
    try:
        with db.begin() as conn:
            return start(conn, user, scenario, seed, persona, exam_id)
    except IntegrityError:
        if exam_id is None:
            raise
        with db.connect() as conn:
            case_id = require_case(engine.get_library(), scenario).id
            existing = exams.attempt_of(conn, user.id, exam_id, case_id)
        if existing is None:
            raise
        raise Conflict(
            "you already started this exam case", field="scenario", extra={"episode": existing}
        ) from None


def trainee_brief(user: User, case_id: str, brief: dict[str, Any]) -> dict[str, Any]:
    """The brief as `user` may see it: trainees get the neutral title, not the staff one."""
    if user.sees_keys:
        return brief
    return {**brief, "title": trainee_title(case_id)}


def created_body(
    user: User, episode_id: str, case_id: str, seed: int, brief: dict[str, Any]
) -> dict[str, Any]:
    """The contract's answer to POST /api/episodes."""
    return {
        "id": episode_id,
        "scenario": public_id(user, case_id),
        "sop": brief["sop"],
        "seed": seed,
        "brief": trainee_brief(user, case_id, brief),
        "tools": list(TOOLS),
    }
