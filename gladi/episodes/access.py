"""Who may see which episode: owners see their own, trainers and assessors see all."""

from typing import Any

from sqlalchemy import Connection, select

from gladi.db import first_mapping
from gladi.episodes.auth import User
from gladi.episodes.tables import Episode
from gladi.errors import Forbidden, NotFound

EPISODES = Episode.__table__  # type: ignore[attr-defined]


def load_episode(conn: Connection, episode_id: str) -> dict[str, Any]:
    """The episode row as a dict; NotFound naming the id."""
    row = first_mapping(conn.execute(select(EPISODES).where(EPISODES.c.id == episode_id)))
    if row is None:
        raise NotFound(f"no episode {episode_id!r}", field="episode_id")
    return dict(row)


def readable_episode(conn: Connection, user: User, episode_id: str) -> dict[str, Any]:
    """The episode if `user` owns it or is a trainer/assessor; Forbidden otherwise."""
    episode = load_episode(conn, episode_id)
    if episode["user_id"] != user.id and not user.sees_keys:
        raise Forbidden("this episode belongs to someone else", field="episode_id")
    return episode


def owned_episode(conn: Connection, user: User, episode_id: str) -> dict[str, Any]:
    """The episode if `user` owns it (only the owner acts in an episode)."""
    episode = load_episode(conn, episode_id)
    if episode["user_id"] != user.id:
        raise Forbidden("only the episode's owner can act in it", field="episode_id")
    return episode
