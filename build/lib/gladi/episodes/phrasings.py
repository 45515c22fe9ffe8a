"""The trainers' phrasing loop: messages the customer did not understand (or barely) are noted
for review; trainers add them to a SOP question's bank or dismiss them.

Added phrasings live in the database, so every worker gives them to new episodes; an episode
keeps the bank it started with (it is part of the customer state stored at start).
"""

from collections import Counter
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, select, update

from gladi.episodes.auth import User
from gladi.episodes.tables import PhrasingReview, QuestionPhrasing
from gladi.errors import BadInput, Conflict, NotFound
from scenarios import engine
from scenarios.models.sop import Sop
from scenarios.understanding.caller import is_caller
from scenarios.understanding.normalize import text_words

PHRASINGS = QuestionPhrasing.__table__  # type: ignore[attr-defined]
REVIEWS = PhrasingReview.__table__  # type: ignore[attr-defined]
MAX_TEXT = 300
UNMATCHED = "unmatched"
"""The group of messages close to no SOP question."""


def key_of(text: str) -> str:
    """A phrasing in standard words: repeats typed differently share it."""
    return " ".join(text_words(text))


def sop_of(sop_id: str) -> Sop:
    """The SOP with this id (404 naming the field `sop`)."""
    sop = engine.get_library().sops.get(sop_id)
    if sop is None:
        raise NotFound(f"no SOP {sop_id!r}", field="sop")
    return sop


def added_for(conn: Connection, sop: str) -> dict[str, list[str]]:
    """Question id -> phrasings trainers added to this SOP, oldest first."""
    rows = conn.execute(
        select(PHRASINGS.c.question_id, PHRASINGS.c.text)
        .where(PHRASINGS.c.sop == sop)
        .order_by(PHRASINGS.c.id)
    )
    found: dict[str, list[str]] = {}
    for question_id, text in rows:
        found.setdefault(question_id, []).append(text)
    return found


def note(
    conn: Connection, sop: str, episode_id: str, event_id: int, text: str, reply: engine.Reply
) -> None:
    """Keep a message for review if the customer did not understand it, or barely."""
    why = reply.understood.review
    if why is None:
        return
    conn.execute(
        insert(REVIEWS).values(
            sop=sop,
            episode_id=episode_id,
            event_id=event_id,
            text=text[:MAX_TEXT],
            key=key_of(text)[:MAX_TEXT],
            outcome=why,
            score=reply.understood.score,
            candidates=list(reply.understood.candidates),
            created_at=datetime.now(UTC),
        )
    )


def _pending(conn: Connection, sop: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(REVIEWS)
        .where(REVIEWS.c.sop == sop, REVIEWS.c.resolved.is_(None))
        .order_by(REVIEWS.c.id)
    ).mappings()
    groups: dict[str, dict[str, Any]] = {}
    for row in rows:
        group = groups.setdefault(
            row["key"], {"key": row["key"], "count": 0, "outcomes": Counter(), "near": Counter()}
        )
        group["text"] = row["text"]
        group["count"] += 1
        group["outcomes"][row["outcome"]] += 1
        group["score"] = max(group.get("score", 0.0), row["score"])
        group["last_at"] = row["created_at"].isoformat()
        near = [c for c in row["candidates"] or [] if not is_caller(c)]
        group["near"][near[0] if near else UNMATCHED] += 1
    return [
        {
            "key": g["key"],
            "text": g["text"],
            "count": g["count"],
            "outcome": g["outcomes"].most_common(1)[0][0],
            "score": g["score"],
            "question_id": g["near"].most_common(1)[0][0],
            "last_at": g["last_at"],
        }
        for g in groups.values()
    ]


def review(conn: Connection, sop_id: str) -> dict[str, Any]:
    """Per SOP question: the messages waiting for review closest to it (most asked first),
    the phrasings trainers added; and the messages close to no question."""
    sop = sop_of(sop_id)
    pending = sorted(_pending(conn, sop.id), key=lambda p: (-p["count"], p["key"]))
    added = conn.execute(
        select(PHRASINGS).where(PHRASINGS.c.sop == sop.id).order_by(PHRASINGS.c.id)
    ).mappings()
    by_question: dict[str, list[dict[str, Any]]] = {}
    for row in added:
        by_question.setdefault(row["question_id"], []).append(
            {"id": row["id"], "text": row["text"], "created_at": row["created_at"].isoformat()}
        )
    bank = engine.question_bank(sop)
    questions = [
        {
            "id": q.id,
            "text": q.text,
            "topic": q.topic or q.text,
            "bank_size": len(bank[q.id]) + len(by_question.get(q.id, [])),
            "added": by_question.get(q.id, []),
            "pending": [p for p in pending if p["question_id"] == q.id],
        }
        for q in sop.questions
    ]
    return {
        "sop": sop.id,
        "questions": questions,
        "unmatched": [p for p in pending if p["question_id"] == UNMATCHED],
    }


def _check_new(conn: Connection, sop: Sop, question_id: str, text: str) -> str:
    if sop.question(question_id) is None:
        expected = ", ".join(q.id for q in sop.questions)
        raise NotFound(
            f"{sop.id} has no question {question_id!r}", field="question_id", expected=expected
        )
    key = key_of(text)
    if not text or not key or len(text) > MAX_TEXT:
        raise BadInput(
            f"a phrasing needs words, at most {MAX_TEXT} characters",
            field="text",
            expected=f"1-{MAX_TEXT} characters with at least one word",
        )
    bank = engine.question_bank(sop)
    for qid, texts in added_for(conn, sop.id).items():
        bank.setdefault(qid, []).extend(texts)
    for qid, texts in bank.items():
        if any(key_of(t) == key for t in texts):
            where = "this question's bank" if qid == question_id else f"the bank of {qid!r}"
            raise Conflict(f"{text!r} is already in {where}", field="text")
    return key


def add(conn: Connection, user: User, sop_id: str, question_id: str, text: str) -> dict:
    """Add a phrasing to a question's bank; its waiting reviews are resolved."""
    sop = sop_of(sop_id)
    text = " ".join(text.split())
    key = _check_new(conn, sop, question_id, text)
    now = datetime.now(UTC)
    made = conn.execute(
        insert(PHRASINGS).values(
            sop=sop.id,
            question_id=question_id,
            text=text,
            key=key,
            added_by=user.id,
            created_at=now,
        )
    ).inserted_primary_key
    assert made is not None
    new_id = int(made[0])
    resolved = _resolve(conn, user, sop.id, key, f"added:{question_id}", now)
    return {
        "id": new_id,
        "sop": sop.id,
        "question_id": question_id,
        "text": text,
        "resolved": resolved,
    }


def _resolve(conn: Connection, user: User, sop: str, key: str, how: str, now: datetime) -> int:
    done = conn.execute(
        update(REVIEWS)
        .where(and_(REVIEWS.c.sop == sop, REVIEWS.c.key == key, REVIEWS.c.resolved.is_(None)))
        .values(resolved=how, resolved_by=user.id, resolved_at=now)
    )
    return int(done.rowcount or 0)


def dismiss(conn: Connection, user: User, sop_id: str, text: str) -> dict[str, Any]:
    """Take a message off the review list without adding it anywhere."""
    sop = sop_of(sop_id)
    resolved = _resolve(conn, user, sop.id, key_of(text), "dismissed", datetime.now(UTC))
    if not resolved:
        raise NotFound(f"no message {text!r} is waiting for review in {sop.id}", field="text")
    return {"sop": sop.id, "text": text, "resolved": resolved}


def remove(conn: Connection, phrasing_id: int) -> dict[str, Any]:
    """Remove a phrasing a trainer added (episodes started since keep it; new ones do not)."""
    row = conn.execute(select(PHRASINGS).where(PHRASINGS.c.id == phrasing_id)).mappings().first()
    if row is None:
        raise NotFound(f"no added phrasing {phrasing_id}", field="phrasing_id")
    conn.execute(delete(PHRASINGS).where(PHRASINGS.c.id == phrasing_id))
    return {
        "id": phrasing_id,
        "sop": row["sop"],
        "question_id": row["question_id"],
        "text": row["text"],
    }


def trial(conn: Connection, sop_id: str, text: str) -> dict[str, Any]:
    """What a new episode's customer would understand `text` as (nothing is recorded)."""
    sop = sop_of(sop_id)
    if not text.strip():
        raise BadInput("the text is empty", field="text")
    result = engine.reply(engine.probe_state(sop, added_for(conn, sop.id)), text)
    detail = result.detail()
    return {
        "sop": sop.id,
        "text": text,
        "question_ids": detail["question_ids"],
        "talk": detail["talk"],
        "caller": detail["caller"],
        "understood": detail["understood"],
    }
