"""What every domain generator gets: seed, scale, pools, the sink and the uniqueness registry."""

from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random
from typing import Any, Protocol

from seeds.builders.rows import Row
from seeds.pools import Pools
from seeds.rand import sub_rng
from seeds.scales import Scale


class RowSink(Protocol):
    """Where generated rows go (see seeds.loader.Sink)."""

    def reserve(self, table: str) -> int:
        """The next id of `table`, for rows whose children need it before the row is added."""
        ...

    def add(self, table: str, row: Row) -> int:
        """Queue `row` (giving it the next id unless it has one) and return its id."""
        ...

    def extend(self, table: str, rows: list[Row]) -> None:
        """`add` each of `rows`."""
        ...


@dataclass
class Unique:
    """Identifiers already used in this world, per kind (msisdn, sid, serial ...)."""

    seen: dict[str, set[str]] = field(default_factory=dict)

    def claim(self, kind: str, value: str, remake: Callable[[], str]) -> str:
        """`value` if unused, else the first unused `remake()`; either way it is now used."""
        seen = self.seen.setdefault(kind, set())
        while value in seen:
            value = remake()
        seen.add(value)
        return value

    def fix(self, row: Row, column: str, kind: str, remake: Callable[[], str]) -> Any:
        """Make `row[column]` unique among `kind` (re-drawing it with `remake` if taken)."""
        row[column] = self.claim(kind, row[column], remake)
        return row[column]


@dataclass
class Context:
    """One seeding run."""

    seed: int
    scale: Scale
    pools: Pools
    sink: RowSink
    unique: Unique = field(default_factory=Unique)
    msisdns: list[str] = field(default_factory=list)

    def rng(self, part: str) -> Random:
        """The generator of one part of the world (independent of the other parts)."""
        return sub_rng(self.seed, part)
