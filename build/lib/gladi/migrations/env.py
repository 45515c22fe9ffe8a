"""Alembic environment: migrations run on the connection gladi.schema hands over."""

from alembic import context
from sqlmodel import SQLModel

import gladi.episodes.tables
import gladi.world  # noqa: F401

config = context.config
target_metadata = SQLModel.metadata


def run_migrations() -> None:
    """Online mode only: gladi.schema always passes an open connection."""
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
