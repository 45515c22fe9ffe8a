"""Test helpers: users, tokens and bare episodes inserted straight into the database."""

import secrets
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select

from gladi.episodes.auth import create_user, login
from gladi.episodes.tables import Episode, UserAccount
from gladi.episodes.trace import events_of
from gladi.formats import WORLD_NOW


def make_user(engine: Engine, role: str = "trainee") -> tuple[int, str]:
    """Create a user with a random name; returns (user id, bearer token)."""
    name = f"{role}_{secrets.token_hex(4)}"
    with engine.begin() as conn:
        password = create_user(conn, name, role)
        token, user = login(conn, name, password, ttl_minutes=60)
    return user.id, token


def make_episode(engine: Engine, user_id: int, *, sim_now: datetime = WORLD_NOW,
                 scenario_id: str = "test-case", sop: str = "sop-001") -> str:
    """An open episode owned by `user_id` with no instantiated customer."""
    episode_id = secrets.token_urlsafe(16)
    with engine.begin() as conn:
        conn.execute(insert(Episode.__table__).values(
            id=episode_id, user_id=user_id, scenario_id=scenario_id, sop=sop, seed=1,
            persona="cooperative", mode="practice", state="open",
            created_at=datetime.now(UTC), sim_now=sim_now, brief={}, customer={}, key={},
        ))
    return episode_id


def trace_of(engine: Engine, episode_id: str) -> list[dict]:
    """The stored trace of an episode."""
    with engine.connect() as conn:
        return events_of(conn, episode_id)


def user_count(engine: Engine) -> int:
    """How many accounts exist."""
    with engine.connect() as conn:
        return len(conn.execute(select(UserAccount.__table__.c.id)).all())


def episode_headers(token: str, episode_id: str) -> dict[str, str]:
    """Headers of a call recorded in `episode_id`."""
    return {"Authorization": f"Bearer {token}", "X-Gladi-Episode": episode_id}
