"""Create or upgrade the database schema (every table of the world and of the episodes)."""

from sqlalchemy import Engine
from sqlmodel import SQLModel

import gladi.episodes.tables
import gladi.world  # noqa: F401


def ensure_schema(engine: Engine) -> None:
    """Create any missing table; existing tables and their rows are left alone."""
    SQLModel.metadata.create_all(engine)
