"""Episode life cycle after the start: ask, hint, submit (grade), read back.

Every function takes a connection and the signed-in user and returns JSON-able dicts; the HTTP
routes only translate. State lives in the database, so any worker can serve any call. Starting
is gladi.episodes.start. An exam attempt refuses every action after its deadline (409
`deadline_passed`), and its key, report and score reach the trainee only once the exam has
closed at that deadline; trainees see opaque case ids throughout.
"""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, or_, select, update

from gladi.episodes import exams, phrasings
from gladi.episodes.access import EPISODES, owned_episode, readable_episode
from gladi.episodes.auth import User
from gladi.episodes.case_ids import public_id
from gladi.episodes.housekeeping import close_if_overdue
from gladi.episodes.start import PERSONAS, created_body, start, start_once, trainee_brief
from gladi.episodes.trace import append_event, events_of
from gladi.errors import BadInput, Conflict, DeadlinePassed, Forbidden
from scenarios import engine

__all__ = ["PERSONAS", "created_body", "start", "start_once"]


def _deadline_passed(episode: dict[str, Any]) -> DeadlinePassed | None:
    deadline = episode.get("deadline")
    if deadline is None or exams.aware(deadline) > datetime.now(UTC):
        return None
    return DeadlinePassed(
        f"the exam deadline passed at {exams.aware(deadline).isoformat()}; this attempt is closed",
        field="episode_id",
    )


def _open_owned(conn: Connection, user: User, episode_id: str) -> dict[str, Any]:
    episode = owned_episode(conn, user, episode_id)
    if episode["state"] != "open":
        raise Conflict(f"this episode is {episode['state']}; start a new one", field="episode_id")
    if late := _deadline_passed(episode):
        raise late
    return episode


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
    if episode["mode"] != "practice":
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
    """Grade the trace against the key and store the report; a second submit is a 409, and so
    is a submit after an exam's deadline (the attempt is closed, nothing is stored)."""
    episode = _open_owned(conn, user, episode_id)
    check_submission(episode["brief"], body)
    report = engine.grade(events_of(conn, episode_id), body, episode["key"])
    now = datetime.now(UTC)
    done = conn.execute(
        update(EPISODES)
        .where(
            EPISODES.c.id == episode_id,
            EPISODES.c.state == "open",
            or_(EPISODES.c.deadline.is_(None), EPISODES.c.deadline > now),
        )
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
        raise _deadline_passed(episode) or Conflict(
            "this episode was already submitted; its first report stands", field="episode_id"
        )
    exam_id = episode["exam_id"]
    detail = {} if exam_id else {"score": report["score"], "passed": report["passed"]}
    append_event(conn, episode_id, "submit", params=body, detail=detail)
    if exam_id is None:
        return report
    exams.mark_progress(conn, user, exam_id)
    return withheld(episode)


def _codes(brief: dict[str, Any], name: str) -> list[str]:
    return [str(x["code"]) for x in brief.get(name) or [] if isinstance(x, dict) and "code" in x]


def check_submission(brief: dict[str, Any], body: dict[str, Any]) -> None:
    """The resolution and every advice code are the SOP's own (listed in the brief): a typo is a
    422 naming the field, never a silently wrong grade."""
    resolutions = _codes(brief, "resolutions")
    if brief.get("kind") == "drill":
        resolutions.append("report")
    if resolutions and body.get("resolution") not in resolutions:
        raise BadInput(
            f"unknown resolution {body.get('resolution')!r}",
            field="resolution",
            expected=" | ".join(resolutions),
        )
    known = _codes(brief, "advice")
    for index, code in enumerate(body.get("advice") or []):
        if code not in known:
            raise BadInput(
                f"unknown advice {code!r}",
                field=f"advice.{index}",
                expected=" | ".join(known) or "no advice codes: this SOP lists none",
            )


def withheld(episode: dict[str, Any]) -> dict[str, Any]:
    """An exam answer before the exam closes: stored, but no score or items yet."""
    deadline = episode.get("deadline")
    when = exams.aware(deadline).isoformat() if deadline is not None else "the deadline"
    return {
        "score": None,
        "passed": None,
        "items": [],
        "withheld": True,
        "results_at": when if deadline is not None else None,
        "message": f"submitted; exam results are shown when the exam closes at {when}",
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
            EPISODES.c.deadline,
        )
        .where(EPISODES.c.user_id == user.id, EPISODES.c.state == "open")
        .where(or_(EPISODES.c.deadline.is_(None), EPISODES.c.deadline > datetime.now(UTC)))
        .order_by(EPISODES.c.created_at.desc())
    ).mappings()
    return [
        {
            "id": r["id"],
            "scenario": public_id(user, r["scenario_id"]),
            "sop": r["sop"],
            "mode": r["mode"],
            "exam_id": r["exam_id"],
            "created_at": r["created_at"].isoformat(),
            "deadline": r["deadline"].isoformat() if r["deadline"] else None,
        }
        for r in rows
    ]


def _readable(conn: Connection, user: User, episode_id: str) -> dict[str, Any]:
    return close_if_overdue(conn, readable_episode(conn, user, episode_id))


def _feedback(user: User, episode: dict[str, Any]) -> bool:
    """Staff always; the owner once the attempt has ended and its results are released."""
    if user.sees_keys:
        return True
    return episode["state"] != "open" and exams.released(episode)


def state(conn: Connection, user: User, episode_id: str) -> dict[str, Any]:
    """State and timeline of an episode (owner, trainer or assessor)."""
    episode = _readable(conn, user, episode_id)
    feedback = _feedback(user, episode)
    deadline = episode["deadline"]
    return {
        "id": episode["id"],
        "scenario": public_id(user, episode["scenario_id"]),
        "sop": episode["sop"],
        "seed": episode["seed"],
        "persona": episode["persona"],
        "mode": episode["mode"],
        "exam_id": episode["exam_id"],
        "state": episode["state"],
        "user_id": episode["user_id"],
        "created_at": episode["created_at"].isoformat(),
        "submitted_at": episode["submitted_at"].isoformat() if episode["submitted_at"] else None,
        "deadline": exams.aware(deadline).isoformat() if deadline else None,
        "sim_now": episode["sim_now"].isoformat(),
        "brief": trainee_brief(user, episode["scenario_id"], episode["brief"]),
        "timeline": events_of(conn, episode_id),
        "score": episode["score"] if feedback else None,
        "passed": episode["passed"] if feedback else None,
    }


def report(conn: Connection, user: User, episode_id: str) -> dict[str, Any]:
    """The stored report, with the expected path once the caller may see it."""
    episode = _readable(conn, user, episode_id)
    if episode["report"] is None:
        raise Conflict("not submitted yet: no report", field="episode_id")
    if not _feedback(user, episode):
        raise Forbidden("exam results are shown when the exam closes", field="episode_id")
    return {
        **episode["report"],
        "expected": episode["key"].get("expected"),
        "expected_steps": episode["key"].get("steps"),
    }


def trace(conn: Connection, user: User, episode_id: str) -> dict[str, Any]:
    """The input of `gladi grade`: events, submission, key (when visible) and stored report."""
    episode = _readable(conn, user, episode_id)
    body: dict[str, Any] = {
        "episode": episode_id,
        "scenario": public_id(user, episode["scenario_id"]),
        "seed": episode["seed"],
        "state": episode["state"],
        "events": events_of(conn, episode_id),
        "submission": episode["submission"],
    }
    if _feedback(user, episode):
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
