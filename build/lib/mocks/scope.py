"""What a caller may see: the background world, plus one episode's rows and clock."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Table, or_

from gladi.formats import WORLD_NOW


@dataclass(frozen=True)
class Scope:
    """The visibility and clock of one call."""

    episode_id: str | None = None
    now: datetime = WORLD_NOW

    def visible(self, table: Table) -> ColumnElement[bool]:
        """SQL condition: the row is in the background world or in this episode."""
        if self.episode_id is None:
            return table.c.episode_id.is_(None)
        return or_(table.c.episode_id.is_(None), table.c.episode_id == self.episode_id)


BACKGROUND = Scope()
