"""Episode life cycle: start (instantiate a case), ask, hint, submit (grade), read back.

Every function takes a connection and the signed-in user and returns JSON-able dicts; the HTTP
routes only translate. State lives in the database, so any worker can serve any call.
"""

import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from gladi.catalog import TOOLS
from gladi.episodes import exams, phrasings
from gladi.episodes.access import (
    EPISODES,
    key_visible,
    owned_episode,
    readable_episode,
)
from gladi.episodes.auth import User
from gladi.episodes.trace import append_event, events_of
from gladi.errors import BadInput, Conflict, Forbidden
from scenarios import engine

PERSONAS = ("cooperative", "vague", "impatient")


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
    library.case(scenario)
    if exam_id is not None:
        exams.check_can_start(conn, user, exam_id, scenario)
    episode_id = secrets.token_urlsafe(18)
    seed = secrets.randbelow(1_000_000) if seed is None else seed
    instance = engine.instantiate(conn, library, scenario, seed, episode_id, persona)
    added = phrasings.added_for(conn, instance.brief["sop"])
    customer = engine.with_phrasings(instance.customer, added) if added else instance.customer
    conn.execute(
        insert(EPISODES).values(
            id=episode_id,
            user_id=user.id,
            scenario_id=scenario,
            sop=instance.brief["sop"],
            seed=seed,
            persona=instance.persona,
            mode="exam" if exam_id else "practice",
            exam_id=exam_id,
            state="open",
            created_at=datetime.now(UTC),
            sim_now=instance.sim_now,
            brief=instance.brief,
            customer=customer,
            key=instance.key,
        )
    )
    engine.write_instance(conn, instance)
    append_event(conn, episode_id, "opening", detail=engine.opening_event(instance))
    return created_body(episode_id, scenario, seed, instance.brief)


def created_body(
    episode_id: str, scenario: str, seed: int, brief: dict[str, Any]
) -> dict[str, Any]:
    """The contract's answer to POST /api/episodes."""
    return {
        "id": episode_id,
        "scenario": scenario,
        "sop": brief["sop"],
        "seed": seed,
        "brief": brief,
        "tools": list(TOOLS),
    }


def ask(conn: Connection, user: User, episode_id: str, question: str) -> dict[str, Any]:
    """Put a message to the simulated customer; the exchange is recorded (the SOP questions
    it was understood as, the answer, the facts disclosed, any small talk), and a message the
    customer did not understand is kept for trainers to review."""
    episode = _open_owned(conn, user, episode_id)
    text = question.strip()
    if not text:
        raise BadInput("the question is empty", field="question")
    history = [e for e in events_of(conn, episode_id) if e["kind"] == "ask"]
    reply = engine.reply(episode["customer"], text, history)
    detail = reply.detail()
    event_id = append_event(conn, episode_id, "ask", params={"question": text}, detail=detail)
    phrasings.note(conn, episode["sop"], episode_id, event_id, text, reply)
    return {
        "question_id": detail["question_id"],
        "question_ids": detail["question_ids"],
        "answer": reply.text,
        "talk": reply.talk,
    }


def hint(conn: Connection, user: User, episode_id: str) -> dict[str, Any]:
    """Practice only: the SOP passage for the next step; recorded, and it costs points."""
    episode = _open_owned(conn, user, episode_id)
    if episode["mode"] == "exam":
        raise Forbidden("no hints in exam mode", field="episode_id")
    result = engine.hint(episode["key"], events_of(conn, episode_id))
    append_event(
        conn,
        episode_id,
        "hint",
        detail={"step_id": result.get("step_id"), "sop_ref": result.get("sop_ref")},
    )
    return result


def submit(conn: Connection, user: User, episode_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """Grade the trace against the key and store the report; a second submit is a 409."""
    episode = owned_episode(conn, user, episode_id)
    if episode["state"] != "open":
        raise Conflict(
            "this episode was already submitted; its first report stands", field="episode_id"
        )
    report = engine.grade(events_of(conn, episode_id), body, episode["key"])
    now = datetime.now(UTC)
    done = conn.execute(
        update(EPISODES)
        .where(EPISODES.c.id == episode_id, EPISODES.c.state == "open")
        .values(
            state="submitted",
            submitted_at=now,
            submission=body,
            report=report,
            score=report["score"],
            passed=report["passed"],
        )
    )
    if done.rowcount != 1:
        raise Conflict(
            "this episode was already submitted; its first report stands", field="episode_id"
        )
    exam_id = episode["exam_id"]
    detail = {} if exam_id else {"score": report["score"], "passed": report["passed"]}
    append_event(conn, episode_id, "submit", params=body, detail=detail)
    if exam_id is None:
        return report
    exams.mark_progress(conn, user, exam_id)
    if exams.finished(conn, user.id, exam_id):
        return report
    return withheld(report)


def withheld(report: dict[str, Any]) -> dict[str, Any]:
    """An exam answer before the whole set is in: stored, but no score or items yet."""
    return {
        "score": None,
        "passed": None,
        "items": [],
        "withheld": True,
        "message": "submitted; exam results are shown when the whole exam is submitted",
    }


def open_episodes(conn: Connection, user: User) -> list[dict[str, Any]]:
    """The caller's open attempts, newest first (to resume one)."""
    rows = conn.execute(
        select(
            EPISODES.c.id,
            EPISODES.c.scenario_id,
            EPISODES.c.sop,
            EPISODES.c.mode,
            EPISODES.c.exam_id,
            EPISODES.c.created_at,
        )
        .where(EPISODES.c.user_id == user.id, EPISODES.c.state == "open")
        .order_by(EPISODES.c.created_at.desc())
    ).mappings()
    return [
        {
            "id": r["id"],
            "scenario": r["scenario_id"],
            "sop": r["sop"],
            "mode": r["mode"],
            "exam_id": r["exam_id"],
            "created_at": r["created_at"].isoformat(),
        }
        for r in rows
    ]


def _open_owned(conn: Connection, user: User, episode_id: str) -> dict[str, Any]:
    episode = owned_episode(conn, user, episode_id)
    if episode["state"] != "open":
        raise Conflict("this episode is submitted; start a new one", field="episode_id")
    return episode


def _feedback_allowed(conn: Connection, user: User, episode: dict[str, Any]) -> bool:
    finished = episode["exam_id"] is None or exams.finished(
        conn, episode["user_id"], episode["exam_id"]
    )
    return key_visible(user, episode, finished)


def state(conn: Connection, user: User, episode_id: str) -> dict[str, Any]:
    """State and timeline of an episode (owner, trainer or assessor)."""
    episode = readable_episode(conn, user, episode_id)
    feedback = _feedback_allowed(conn, user, episode)
    return {
        "id": episode["id"],
        "scenario": episode["scenario_id"],
        "sop": episode["sop"],
        "seed": episode["seed"],
        "persona": episode["persona"],
        "mode": episode["mode"],
        "exam_id": episode["exam_id"],
        "state": episode["state"],
        "user_id": episode["user_id"],
        "created_at": episode["created_at"].isoformat(),
        "submitted_at": episode["submitted_at"].isoformat() if episode["submitted_at"] else None,
        "sim_now": episode["sim_now"].isoformat(),
        "brief": episode["brief"],
        "timeline": events_of(conn, episode_id),
        "score": episode["score"] if feedback else None,
        "passed": episode["passed"] if feedback else None,
    }


def report(conn: Connection, user: User, episode_id: str) -> dict[str, Any]:
    """The stored report, with the expected path once the caller may see it."""
    episode = readable_episode(conn, user, episode_id)
    if episode["report"] is None:
        raise Conflict("not submitted yet: no report", field="episode_id")
    if not _feedback_allowed(conn, user, episode):
        raise Forbidden(
            "exam results are shown when the whole exam is submitted", field="episode_id"
        )
    return {
        **episode["report"],
        "expected": episode["key"].get("expected"),
        "expected_steps": episode["key"].get("steps"),
    }


def trace(conn: Connection, user: User, episode_id: str) -> dict[str, Any]:
    """The input of `gladi grade`: events, submission, key (when visible) and stored report."""
    episode = readable_episode(conn, user, episode_id)
    feedback = _feedback_allowed(conn, user, episode)
    body: dict[str, Any] = {
        "episode": episode_id,
        "scenario": episode["scenario_id"],
        "seed": episode["seed"],
        "events": events_of(conn, episode_id),
        "submission": episode["submission"],
    }
    if feedback:
        body["key"] = episode["key"]
        body["report"] = episode["report"]
    return body


def key(conn: Connection, user: User, episode_id: str) -> dict[str, Any]:
    """The answer key (trainers and assessors only)."""
    if not user.sees_keys:
        raise Forbidden(
            "answer keys are for trainers and assessors",
            field="role",
            expected="trainer | assessor",
        )
    episode = readable_episode(conn, user, episode_id)
    return episode["key"]
