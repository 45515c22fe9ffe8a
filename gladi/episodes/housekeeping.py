"""Housekeeping every worker does now and then: close overdue exam attempts, purge expired
sessions and old login failures.

An exam attempt still open at its deadline is closed as not submitted: state `closed`, score 0,
a report whose `reason` is "deadline passed" (and no submission). Reads that show attempts
(results, exams, an episode's state) close what is overdue first, and a thread of every serving
process runs `tidy` every GLADI_HOUSEKEEPING_SECONDS; every statement only touches rows still in
the state it expects, so workers doing it at the same time do it once.
"""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from gladi.episodes import throttle
from gladi.episodes.auth import purge_expired_sessions
from gladi.episodes.tables import Episode

EPISODES = Episode.__table__  # type: ignore[attr-defined]
DEADLINE_PASSED = "deadline passed"
log = logging.getLogger(__name__)


DEADLINE_REASON = {
    "code": DEADLINE_PASSED,
    "item": None,
    "sop_ref": None,
    "en": "The exam's deadline passed before this attempt was submitted.",
    "id": "Batas waktu ujian lewat sebelum percobaan ini dikirim.",
}
"""Shaped like the grader's fail reasons (scenarios.grading.reasons)."""


def closed_report() -> dict[str, Any]:
    """The report of an attempt closed at its deadline without a submission."""
    return {
        "score": 0,
        "passed": False,
        "items": [],
        "fail_reasons": [DEADLINE_REASON],
        "reason": DEADLINE_PASSED,
    }


def _close(conn: Connection, *conditions: Any) -> int:
    return conn.execute(
        update(EPISODES)
        .where(
            EPISODES.c.state == "open",
            EPISODES.c.deadline.is_not(None),
            EPISODES.c.deadline <= datetime.now(UTC),
            *conditions,
        )
        .values(
            state="closed",
            submitted_at=EPISODES.c.deadline,
            score=0,
            passed=False,
            report=closed_report(),
        )
    ).rowcount


def close_overdue(conn: Connection) -> int:
    """Close every open exam attempt past its deadline; returns how many. Looks before it
    writes, so a read that finds nothing overdue takes no write lock."""
    overdue = conn.execute(
        select(EPISODES.c.id)
        .where(
            EPISODES.c.state == "open",
            EPISODES.c.deadline.is_not(None),
            EPISODES.c.deadline <= datetime.now(UTC),
        )
        .limit(1)
    ).first()
    return _close(conn) if overdue is not None else 0


def close_if_overdue(conn: Connection, episode: dict[str, Any]) -> dict[str, Any]:
    """The episode, closed first when it is an open exam attempt past its deadline."""
    deadline = episode.get("deadline")
    if episode["state"] != "open" or deadline is None:
        return episode
    moment = deadline if deadline.tzinfo else deadline.replace(tzinfo=UTC)
    if moment > datetime.now(UTC) or not _close(conn, EPISODES.c.id == episode["id"]):
        return episode
    return {
        **episode,
        "state": "closed",
        "submitted_at": deadline,
        "score": 0,
        "passed": False,
        "report": closed_report(),
    }


def tidy(engine: Engine) -> dict[str, int]:
    """One round: overdue attempts closed, expired sessions and old login failures deleted."""
    now = datetime.now(UTC)
    with engine.begin() as conn:
        return {
            "closed": close_overdue(conn),
            "sessions": purge_expired_sessions(conn, now),
            "login_failures": throttle.purge(conn, now),
        }


@contextmanager
def background_housekeeping(engine: Engine, every: float) -> Iterator[None]:
    """While serving: `tidy` at once and then every `every` seconds, from a daemon thread."""
    stop = threading.Event()

    def loop() -> None:
        while True:
            try:
                tidy(engine)
            except Exception:  # the database may be busy or gone for a moment: next round
                log.warning("housekeeping round failed", exc_info=True)
            if stop.wait(every):
                return

    thread = threading.Thread(target=loop, name="gladi-housekeeping", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)
