"""What every materializer gets (Build) and returns (Built), and collision-free identifiers."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from random import Random
from typing import Any

from sqlalchemy import Connection, Table, select

from gladi.world import WORLD_TABLES
from scenarios.models import Case, Sop
from seeds.pools import Pools, build_pools

TABLES: dict[str, Table] = {
    str(m.__tablename__): m.__table__  # type: ignore[attr-defined]
    for m in WORLD_TABLES
}
POOL_SEED, POOL_SIZE = 4242, 600
_MAX_REROLLS = 200


@lru_cache(maxsize=1)
def pools() -> Pools:
    """The name/street/company pools cases pick from (built once per process)."""
    return build_pools(POOL_SEED, POOL_SIZE)


@dataclass(frozen=True)
class Names:
    """Value names a materializer offers: to expressions (customer., world.) and templates."""

    customer: frozenset[str]
    world: frozenset[str]
    say: frozenset[str] = frozenset()

    def template_names(self) -> frozenset[str]:
        """Every name a persona template may use."""
        return self.customer | self.world | self.say


class Claims:
    """Identifiers for one instance that the background world does not already use.

    The first draw comes from the case's generator; a clash re-draws from a separate generator
    so the case's other values do not shift (same world, case and seed -> same identifiers).
    """

    def __init__(self, conn: Connection, salt: str) -> None:
        self.conn = conn
        self.rng = Random(f"{salt}:reroll")
        self.used: set[str] = set()

    def taken_in(self, table: str, column: str) -> Callable[[str], bool]:
        """A test: is the value already in `table.column` of the background world?"""
        tbl = TABLES[table]
        col = tbl.c[column]

        def taken(value: str) -> bool:
            query = select(tbl.c.id).where(col == value, tbl.c.episode_id.is_(None)).limit(1)
            return self.conn.execute(query).first() is not None

        return taken

    def unique(
        self, first: str, remake: Callable[[Random], str], taken: Callable[[str], bool]
    ) -> str:
        """`first`, or the first re-draw that is neither taken nor used in this instance."""
        value = first
        for _ in range(_MAX_REROLLS):
            if value not in self.used and not taken(value):
                self.used.add(value)
                return value
            value = remake(self.rng)
        raise RuntimeError(f"no free identifier after {_MAX_REROLLS} draws (last {value!r})")


@dataclass
class Build:
    """Everything a materializer may use; it must not read the clock or the global random."""

    case: Case
    sop: Sop
    facts: dict[str, Any]
    rng: Random
    pools: Pools
    sim_now: datetime
    episode_id: str
    claims: Claims
    conn: Connection


NEW_ID = "@new:"
"""Prefix of a placeholder primary key (`@new:invoice:1`); write_instance swaps in the real id."""


def is_new_id(value: Any) -> bool:
    """Whether `value` is a placeholder primary key made by `Built.new_id`."""
    return isinstance(value, str) and value.startswith(NEW_ID)


@dataclass
class Built:
    """What a materializer made: rows, and the values expressions and templates read."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    customer: dict[str, Any] = field(default_factory=dict)
    world: dict[str, Any] = field(default_factory=dict)
    say: dict[str, Any] = field(default_factory=dict)
    issued: dict[str, int] = field(default_factory=dict, repr=False)

    def add(self, table: str, *rows: dict[str, Any]) -> None:
        """Append rows to `table` (a world table name)."""
        if table not in TABLES:
            raise KeyError(f"unknown world table {table!r}")
        self.rows.setdefault(table, []).extend(rows)

    def new_id(self, table: str) -> str:
        """A placeholder `id` for a row of `table` that other rows refer to.

        E.g. an invoice and its lines' `invoice_id`: the database assigns the real id when the
        instance is written, and every column holding the placeholder gets it. A parent's table
        must come before its children's in `gladi.world.WORLD_TABLES`.
        """
        if table not in TABLES:
            raise KeyError(f"unknown world table {table!r}")
        self.issued[table] = self.issued.get(table, 0) + 1
        return f"{NEW_ID}{table}:{self.issued[table]}"
