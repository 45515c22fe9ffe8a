"""What every builder shares: the row type and the check that overrides name real columns."""

from collections.abc import Mapping
from typing import Any

from sqlmodel import SQLModel

from gladi.world import WORLD_TABLES
from seeds.rand import between, pick

Row = dict[str, Any]

COLUMNS: dict[str, frozenset[str]] = {
    model.__tablename__: frozenset(model.__table__.columns.keys())  # type: ignore[attr-defined]
    for model in WORLD_TABLES
}


def table_name(model: type[SQLModel]) -> str:
    """The SQL table name of a world model."""
    return str(model.__tablename__)


def finish(table: str, row: Row, overrides: Mapping[str, Any]) -> Row:
    """Apply `overrides` to `row`; an override that is not a column of `table` is a TypeError."""
    if overrides:
        unknown = overrides.keys() - COLUMNS[table]
        if unknown:
            raise TypeError(f"{table} has no column(s) {sorted(unknown)}")
        row.update(overrides)
    return row


def address(rng: Any, streets: tuple[str, ...], city: str) -> str:
    """`Jl. Veteran No. 12, Bandung`."""
    return f"{pick(rng, streets)} No. {between(rng, 1, 250)}, {city}"
